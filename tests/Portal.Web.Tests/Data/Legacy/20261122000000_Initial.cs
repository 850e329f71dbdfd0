using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>
/// The first schema: Identity, cases with their history, the promise table, the holiday calendar and the
/// number counters. Written by hand with provider-neutral calls (no column types: each provider maps the CLR
/// type). Kept unchanged, with the seven after it, to build databases as the portal did before December 2026.
/// </summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261122000000_Initial")]
public partial class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                FullName = table.Column<string>(maxLength: 50, nullable: false),
                IdNumber = table.Column<string>(maxLength: 18, nullable: true),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                EnterpriseName = table.Column<string>(maxLength: 100, nullable: true),
                WindowNumber = table.Column<string>(maxLength: 10, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "CalendarDays",
            columns: table => new
            {
                Date = table.Column<DateOnly>(nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                Name = table.Column<string>(maxLength: 40, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarDays", x => x.Date);
            });

        migrationBuilder.CreateTable(
            name: "CalendarYears",
            columns: table => new
            {
                Year = table.Column<int>(nullable: false),
                Source = table.Column<string>(maxLength: 200, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CalendarYears", x => x.Year);
            });

        migrationBuilder.CreateTable(
            name: "Cases",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Number = table.Column<string>(maxLength: 32, nullable: false),
                ServiceCode = table.Column<string>(maxLength: 40, nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                ApplicantId = table.Column<string>(maxLength: 450, nullable: false),
                ApplicantName = table.Column<string>(maxLength: 100, nullable: false),
                FiledById = table.Column<string>(maxLength: 450, nullable: false),
                FiledByName = table.Column<string>(maxLength: 100, nullable: false),
                Channel = table.Column<string>(maxLength: 20, nullable: false),
                State = table.Column<string>(maxLength: 30, nullable: false),
                HolderRole = table.Column<string>(maxLength: 40, nullable: false),
                OwnerId = table.Column<string>(maxLength: 450, nullable: true),
                OwnerName = table.Column<string>(maxLength: 100, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                AcceptedAt = table.Column<DateTime>(nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                StepStartedAt = table.Column<DateTime>(nullable: true),
                StepDueAt = table.Column<DateTime>(nullable: true),
                StepWarnAt = table.Column<DateTime>(nullable: true),
                StepLimitMinutes = table.Column<int>(nullable: false),
                StepLimitText = table.Column<string>(maxLength: 40, nullable: true),
                IsOverdue = table.Column<bool>(nullable: false),
                OverdueSince = table.Column<DateTime>(nullable: true),
                PausedAt = table.Column<DateTime>(nullable: true),
                PausedRemainingMinutes = table.Column<int>(nullable: false),
                PausedState = table.Column<string>(maxLength: 30, nullable: true),
                SupplementCount = table.Column<int>(nullable: false),
                SupplementItems = table.Column<string>(maxLength: 2000, nullable: true),
                ToleranceItem = table.Column<string>(maxLength: 500, nullable: true),
                ToleranceDueAt = table.Column<DateTime>(nullable: true),
                RejectionReason = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Cases", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "NumberSequences",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 40, nullable: false),
                Next = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NumberSequences", x => x.Key);
            });

        migrationBuilder.CreateTable(
            name: "PromiseLimits",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ProfileCode = table.Column<string>(maxLength: 40, nullable: false),
                Key = table.Column<string>(maxLength: 80, nullable: false),
                Service = table.Column<string>(maxLength: 40, nullable: false),
                Step = table.Column<string>(maxLength: 100, nullable: false),
                Amount = table.Column<int>(nullable: false),
                Unit = table.Column<string>(maxLength: 20, nullable: false),
                Source = table.Column<string>(maxLength: 80, nullable: false),
                Note = table.Column<string>(maxLength: 200, nullable: true),
                UpdatedAt = table.Column<DateTime>(nullable: true),
                UpdatedBy = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PromiseLimits", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Settings",
            columns: table => new
            {
                Key = table.Column<string>(maxLength: 100, nullable: false),
                Value = table.Column<string>(maxLength: 1000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Settings", x => x.Key);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "CaseEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                CaseId = table.Column<long>(nullable: false),
                At = table.Column<DateTime>(nullable: false),
                Action = table.Column<string>(maxLength: 40, nullable: false),
                ActionLabel = table.Column<string>(maxLength: 100, nullable: false),
                FromState = table.Column<string>(maxLength: 30, nullable: true),
                ToState = table.Column<string>(maxLength: 30, nullable: false),
                ActorId = table.Column<string>(maxLength: 450, nullable: false),
                ActorName = table.Column<string>(maxLength: 100, nullable: false),
                ActorRole = table.Column<string>(maxLength: 50, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                HolderRole = table.Column<string>(maxLength: 40, nullable: false),
                DueAt = table.Column<DateTime>(nullable: true),
                LimitText = table.Column<string>(maxLength: 40, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseEvents", x => x.Id);
                table.ForeignKey(
                    name: "FK_CaseEvents_Cases_CaseId",
                    column: x => x.CaseId,
                    principalTable: "Cases",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUsers_IdNumber",
            table: "AspNetUsers",
            column: "IdNumber");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_CaseEvents_CaseId_At",
            table: "CaseEvents",
            columns: new[] { "CaseId", "At" });

        migrationBuilder.CreateIndex(
            name: "IX_Cases_ApplicantId",
            table: "Cases",
            column: "ApplicantId");

        migrationBuilder.CreateIndex(
            name: "IX_Cases_HolderRole_StepDueAt",
            table: "Cases",
            columns: new[] { "HolderRole", "StepDueAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Cases_IsOverdue_StepDueAt",
            table: "Cases",
            columns: new[] { "IsOverdue", "StepDueAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Cases_Number",
            table: "Cases",
            column: "Number",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PromiseLimits_ProfileCode_Key",
            table: "PromiseLimits",
            columns: new[] { "ProfileCode", "Key" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CaseEvents");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "Settings");
        migrationBuilder.DropTable(name: "PromiseLimits");
        migrationBuilder.DropTable(name: "NumberSequences");
        migrationBuilder.DropTable(name: "Cases");
        migrationBuilder.DropTable(name: "CalendarYears");
        migrationBuilder.DropTable(name: "CalendarDays");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
    }
}
