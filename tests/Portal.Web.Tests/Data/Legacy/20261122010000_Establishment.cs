using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>企业开办: parallel sub-items of a case, registered enterprises (licences) and establishment applications.</summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261122010000_Establishment")]
public partial class Establishment : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "SubjectCode",
            table: "Cases",
            maxLength: 32,
            nullable: true);

        migrationBuilder.CreateIndex(
            name: "IX_Cases_SubjectCode",
            table: "Cases",
            column: "SubjectCode");

        migrationBuilder.CreateTable(
            name: "NameReservations",
            columns: table => new
            {
                NormalizedName = table.Column<string>(maxLength: 100, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                ApplicationId = table.Column<long>(nullable: true),
                ReservedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NameReservations", x => x.NormalizedName);
            });

        migrationBuilder.CreateTable(
            name: "Enterprises",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CreditCode = table.Column<string>(maxLength: 18, nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 100, nullable: false),
                Type = table.Column<string>(maxLength: 30, nullable: false),
                RegisteredCapital = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: false),
                BusinessScope = table.Column<string>(maxLength: 2000, nullable: false),
                LegalRepresentative = table.Column<string>(maxLength: 50, nullable: false),
                LegalRepresentativeIdNumber = table.Column<string>(maxLength: 18, nullable: false),
                EstablishedOn = table.Column<DateOnly>(nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: false),
                CaseId = table.Column<long>(nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CancelledOn = table.Column<DateOnly>(nullable: true),
                LicenceIssuedAt = table.Column<DateTime>(nullable: false),
                ElectronicSealIssuedAt = table.Column<DateTime>(nullable: false),
                SealDelivery = table.Column<string>(maxLength: 20, nullable: false),
                SealMailAddress = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Enterprises", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "EstablishmentApplications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ApplicantId = table.Column<string>(maxLength: 450, nullable: false),
                FiledById = table.Column<string>(maxLength: 450, nullable: false),
                Status = table.Column<string>(maxLength: 20, nullable: false),
                CaseId = table.Column<long>(nullable: true),
                ProposedName = table.Column<string>(maxLength: 100, nullable: false),
                NormalizedName = table.Column<string>(maxLength: 100, nullable: false),
                Type = table.Column<string>(maxLength: 30, nullable: false),
                RegisteredCapital = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Address = table.Column<string>(maxLength: 200, nullable: false),
                ScopeCodes = table.Column<string>(maxLength: 500, nullable: false),
                OtherScope = table.Column<string>(maxLength: 1000, nullable: true),
                LegalRepresentative = table.Column<string>(maxLength: 50, nullable: false),
                LegalRepresentativeIdNumber = table.Column<string>(maxLength: 18, nullable: false),
                ContactName = table.Column<string>(maxLength: 50, nullable: false),
                ContactPhone = table.Column<string>(maxLength: 20, nullable: false),
                SealDelivery = table.Column<string>(maxLength: 20, nullable: false),
                SealMailAddress = table.Column<string>(maxLength: 200, nullable: true),
                SynchronousItems = table.Column<string>(maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UpdatedAt = table.Column<DateTime>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EstablishmentApplications", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "SubItems",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<long>(nullable: false),
                Code = table.Column<string>(maxLength: 40, nullable: false),
                Label = table.Column<string>(maxLength: 40, nullable: false),
                Department = table.Column<string>(maxLength: 30, nullable: false),
                HolderRole = table.Column<string>(maxLength: 40, nullable: false),
                Synchronous = table.Column<bool>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: true),
                DueAt = table.Column<DateTime>(nullable: true),
                DoneAt = table.Column<DateTime>(nullable: true),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                HandledByName = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SubItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_SubItems_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Investors",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                IdentityNumber = table.Column<string>(maxLength: 18, nullable: false),
                SharePercent = table.Column<decimal>(precision: 9, scale: 4, nullable: false),
                ApplicationId = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Investors", x => x.Id);
                table.ForeignKey(
                    name: "FK_Investors_EstablishmentApplications_ApplicationId",
                    column: x => x.ApplicationId,
                    principalTable: "EstablishmentApplications",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Enterprises_CreditCode",
            table: "Enterprises",
            column: "CreditCode",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Enterprises_NormalizedName",
            table: "Enterprises",
            column: "NormalizedName");

        migrationBuilder.CreateIndex(
            name: "IX_Enterprises_OwnerId",
            table: "Enterprises",
            column: "OwnerId");

        migrationBuilder.CreateIndex(
            name: "IX_EstablishmentApplications_ApplicantId_Status",
            table: "EstablishmentApplications",
            columns: new[] { "ApplicantId", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_EstablishmentApplications_CaseId",
            table: "EstablishmentApplications",
            column: "CaseId");

        migrationBuilder.CreateIndex(
            name: "IX_EstablishmentApplications_NormalizedName_Status",
            table: "EstablishmentApplications",
            columns: new[] { "NormalizedName", "Status" });

        migrationBuilder.CreateIndex(
            name: "IX_Investors_ApplicationId",
            table: "Investors",
            column: "ApplicationId");

        migrationBuilder.CreateIndex(
            name: "IX_SubItems_CaseId_Code",
            table: "SubItems",
            columns: new[] { "CaseId", "Code" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SubItems_HolderRole_State",
            table: "SubItems",
            columns: new[] { "HolderRole", "State" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Cases_SubjectCode", table: "Cases");
        migrationBuilder.DropColumn(name: "SubjectCode", table: "Cases");
        migrationBuilder.DropTable(name: "NameReservations");
        migrationBuilder.DropTable(name: "Investors");
        migrationBuilder.DropTable(name: "SubItems");
        migrationBuilder.DropTable(name: "EstablishmentApplications");
        migrationBuilder.DropTable(name: "Enterprises");
    }
}
