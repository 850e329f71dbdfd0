using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>The hall: queue tickets (取号), called to windows.</summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261130020000_Hall")]
public partial class Hall : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Tickets",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Category = table.Column<string>(maxLength: 30, nullable: false),
                Number = table.Column<string>(maxLength: 10, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 20, nullable: false),
                LocalDate = table.Column<DateOnly>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                IssuedAt = table.Column<DateTime>(nullable: false),
                AppointmentAt = table.Column<DateTime>(nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                WindowNumber = table.Column<string>(maxLength: 10, nullable: true),
                TransferredTo = table.Column<string>(maxLength: 10, nullable: true),
                CalledAt = table.Column<DateTime>(nullable: true),
                CalledByName = table.Column<string>(maxLength: 100, nullable: true),
                RecallCount = table.Column<int>(nullable: false),
                ServedAt = table.Column<DateTime>(nullable: true),
                DoneAt = table.Column<DateTime>(nullable: true),
                CaseNumber = table.Column<string>(maxLength: 32, nullable: true),
                AccessCode = table.Column<string>(maxLength: 40, nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Tickets", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_AccessCode",
            table: "Tickets",
            column: "AccessCode",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_LocalDate_Category_Sequence",
            table: "Tickets",
            columns: new[] { "LocalDate", "Category", "Sequence" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_LocalDate_State",
            table: "Tickets",
            columns: new[] { "LocalDate", "State" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Tickets");
    }
}
