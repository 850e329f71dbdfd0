using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>报装: connection applications (one per site) and one request per utility, each with its own case.</summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261130010000_Connections")]
public partial class Connections : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ConnectionApplications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<long>(nullable: false),
                CaseNumber = table.Column<string>(maxLength: 32, nullable: false),
                ApplicantId = table.Column<string>(maxLength: 450, nullable: false),
                Customer = table.Column<string>(maxLength: 20, nullable: false),
                EnterpriseName = table.Column<string>(maxLength: 100, nullable: true),
                CreditCode = table.Column<string>(maxLength: 18, nullable: true),
                Address = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 200, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                SurveyAt = table.Column<DateTime>(nullable: true),
                SurveyScheduledBy = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConnectionApplications", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "UtilityRequests",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ApplicationId = table.Column<long>(nullable: false),
                Utility = table.Column<string>(maxLength: 20, nullable: false),
                CaseId = table.Column<long>(nullable: false),
                CaseNumber = table.Column<string>(maxLength: 32, nullable: false),
                Data_CapacityKw = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Data_Voltage = table.Column<string>(maxLength: 20, nullable: false),
                Data_DualSupply = table.Column<bool>(nullable: false),
                Data_LineLengthM = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Data_ExternalWorks = table.Column<bool>(nullable: false),
                Data_RoadOrTreeWorks = table.Column<bool>(nullable: false),
                Data_SanLing = table.Column<bool>(nullable: false),
                Data_NoInterestedParty = table.Column<bool>(nullable: false),
                Data_LicensedAtSameAddress = table.Column<bool>(nullable: false),
                Data_GeneralTariff = table.Column<bool>(nullable: false),
                Data_DirectSupply = table.Column<bool>(nullable: false),
                Data_CumulativeWithinLimit = table.Column<bool>(nullable: false),
                Data_PipeLengthM = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Data_DiameterMm = table.Column<int>(nullable: true),
                Data_GasCubicMetresPerMonth = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Data_HeatAreaM2 = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                Data_TelecomBandwidthMbps = table.Column<int>(nullable: true),
                Path = table.Column<string>(maxLength: 40, nullable: false),
                PathLabel = table.Column<string>(maxLength: 100, nullable: false),
                Rule = table.Column<string>(maxLength: 300, nullable: false),
                Source = table.Column<string>(maxLength: 60, nullable: false),
                LimitKey = table.Column<string>(maxLength: 60, nullable: false),
                NeedsSurvey = table.Column<bool>(nullable: false),
                NeedsPlanApproval = table.Column<bool>(nullable: false),
                ApprovalLimitKey = table.Column<string>(maxLength: 60, nullable: true),
                Notes = table.Column<string>(maxLength: 2000, nullable: false),
                SurveyFindings = table.Column<string>(maxLength: 2000, nullable: true),
                DesignBudget = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                WorksFee = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                PlanRepliedAt = table.Column<DateTime>(nullable: true),
                ContractNumber = table.Column<string>(maxLength: 40, nullable: true),
                UtilitySignedBy = table.Column<string>(maxLength: 100, nullable: true),
                UtilitySignedAt = table.Column<DateTime>(nullable: true),
                ApplicantSignedBy = table.Column<string>(maxLength: 100, nullable: true),
                ApplicantSignedAt = table.Column<DateTime>(nullable: true),
                ConnectedAt = table.Column<DateTime>(nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UtilityRequests", x => x.Id);
                table.ForeignKey(
                    name: "FK_UtilityRequests_ConnectionApplications_ApplicationId",
                    column: x => x.ApplicationId,
                    principalTable: "ConnectionApplications",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ConnectionApplications_ApplicantId",
            table: "ConnectionApplications",
            column: "ApplicantId");

        migrationBuilder.CreateIndex(
            name: "IX_ConnectionApplications_CaseId",
            table: "ConnectionApplications",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_UtilityRequests_ApplicationId",
            table: "UtilityRequests",
            column: "ApplicationId");

        migrationBuilder.CreateIndex(
            name: "IX_UtilityRequests_CaseId",
            table: "UtilityRequests",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_UtilityRequests_Utility_UpdatedAt",
            table: "UtilityRequests",
            columns: new[] { "Utility", "UpdatedAt" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "UtilityRequests");
        migrationBuilder.DropTable(name: "ConnectionApplications");
    }
}
