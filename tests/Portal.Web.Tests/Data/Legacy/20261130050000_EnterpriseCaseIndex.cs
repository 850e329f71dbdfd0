using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>
/// The case page finds the enterprise a 企业开办 case registered by its case id: without an index that was a scan of
/// every enterprise on each page view (found by the load test at 100,000 enterprises).
/// </summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261130050000_EnterpriseCaseIndex")]
public partial class EnterpriseCaseIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex(
            name: "IX_Enterprises_CaseId",
            table: "Enterprises",
            column: "CaseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Enterprises_CaseId", table: "Enterprises");
    }
}
