using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>注销: deregistration applications, public-notice objections and claims, shared confirmations, and permits.</summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261130000000_Deregistration")]
public partial class Deregistration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(
            name: "DeregistrationCaseId",
            table: "Enterprises",
            nullable: true);

        migrationBuilder.AddColumn<string>(
            name: "CancellationNote",
            table: "Enterprises",
            maxLength: 200,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "Deregistrations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<long>(nullable: false),
                CaseNumber = table.Column<string>(maxLength: 32, nullable: false),
                EnterpriseId = table.Column<long>(nullable: false),
                CreditCode = table.Column<string>(maxLength: 18, nullable: false),
                EnterpriseName = table.Column<string>(maxLength: 100, nullable: false),
                Route = table.Column<string>(maxLength: 20, nullable: false),
                ConfirmedConditions = table.Column<string>(maxLength: 300, nullable: true),
                CommitmentSignedBy = table.Column<string>(maxLength: 50, nullable: true),
                CommitmentSignedAt = table.Column<DateTime>(nullable: true),
                DissolutionReason = table.Column<string>(maxLength: 200, nullable: true),
                LiquidationGroup = table.Column<string>(maxLength: 500, nullable: true),
                LiquidationHead = table.Column<string>(maxLength: 50, nullable: true),
                GroupFormedAt = table.Column<DateTime>(nullable: true),
                AuthorityReason = table.Column<string>(maxLength: 1000, nullable: true),
                NoticeStartsAt = table.Column<DateTime>(nullable: true),
                NoticeEndsAt = table.Column<DateTime>(nullable: true),
                NoticeText = table.Column<string>(maxLength: 2000, nullable: true),
                Corrections = table.Column<int>(nullable: false),
                TerminationReason = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Deregistrations", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CancellationShares",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                DeregistrationId = table.Column<long>(nullable: false),
                Department = table.Column<string>(maxLength: 30, nullable: false),
                SharedAt = table.Column<DateTime>(nullable: false),
                ConfirmedAt = table.Column<DateTime>(nullable: true),
                ConfirmedByName = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CancellationShares", x => x.Id);
                table.ForeignKey(
                    name: "FK_CancellationShares_Deregistrations_DeregistrationId",
                    column: x => x.DeregistrationId,
                    principalTable: "Deregistrations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "NoticeResponses",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                DeregistrationId = table.Column<long>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Contact = table.Column<string>(maxLength: 60, nullable: false),
                Content = table.Column<string>(maxLength: 1000, nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: true),
                SubmissionKey = table.Column<string>(maxLength: 64, nullable: false),
                FiledAt = table.Column<DateTime>(nullable: false),
                Decision = table.Column<string>(maxLength: 20, nullable: false),
                DecisionReason = table.Column<string>(maxLength: 1000, nullable: true),
                DecidedByName = table.Column<string>(maxLength: 100, nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NoticeResponses", x => x.Id);
                table.ForeignKey(
                    name: "FK_NoticeResponses_Deregistrations_DeregistrationId",
                    column: x => x.DeregistrationId,
                    principalTable: "Deregistrations",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Permits",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                EnterpriseId = table.Column<long>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Number = table.Column<string>(maxLength: 50, nullable: false),
                Department = table.Column<string>(maxLength: 30, nullable: false),
                IssuedOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CancelledOn = table.Column<DateOnly>(nullable: true),
                CancelledByCase = table.Column<string>(maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Permits", x => x.Id);
                table.ForeignKey(
                    name: "FK_Permits_Enterprises_EnterpriseId",
                    column: x => x.EnterpriseId,
                    principalTable: "Enterprises",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_CancellationShares_Department_ConfirmedAt",
            table: "CancellationShares",
            columns: new[] { "Department", "ConfirmedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_CancellationShares_DeregistrationId_Department",
            table: "CancellationShares",
            columns: new[] { "DeregistrationId", "Department" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Deregistrations_CaseId",
            table: "Deregistrations",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_Deregistrations_EnterpriseId",
            table: "Deregistrations",
            column: "EnterpriseId");

        migrationBuilder.CreateIndex(
            name: "IX_Deregistrations_NoticeEndsAt",
            table: "Deregistrations",
            column: "NoticeEndsAt");

        migrationBuilder.CreateIndex(
            name: "IX_NoticeResponses_DeregistrationId",
            table: "NoticeResponses",
            column: "DeregistrationId");

        migrationBuilder.CreateIndex(
            name: "IX_NoticeResponses_SubmissionKey",
            table: "NoticeResponses",
            column: "SubmissionKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Permits_EnterpriseId",
            table: "Permits",
            column: "EnterpriseId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CancellationShares");
        migrationBuilder.DropTable(name: "NoticeResponses");
        migrationBuilder.DropTable(name: "Permits");
        migrationBuilder.DropTable(name: "Deregistrations");
        migrationBuilder.DropColumn(name: "DeregistrationCaseId", table: "Enterprises");
        migrationBuilder.DropColumn(name: "CancellationNote", table: "Enterprises");
    }
}
