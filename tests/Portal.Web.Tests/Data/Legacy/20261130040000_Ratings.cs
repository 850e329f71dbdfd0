using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>好差评: ratings (one per case step or visit), the 差评 follow-up loop, appeals; who called a ticket.</summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261130040000_Ratings")]
public partial class Ratings : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "CalledById",
            table: "Tickets",
            maxLength: 450,
            nullable: true);

        migrationBuilder.CreateTable(
            name: "Ratings",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                SubjectKey = table.Column<string>(maxLength: 80, nullable: false),
                Subject = table.Column<string>(maxLength: 20, nullable: false),
                CaseNumber = table.Column<string>(maxLength: 32, nullable: true),
                TicketId = table.Column<long>(nullable: true),
                ServiceCode = table.Column<string>(maxLength: 40, nullable: false),
                Unit = table.Column<string>(maxLength: 30, nullable: false),
                WindowNumber = table.Column<string>(maxLength: 10, nullable: true),
                StaffId = table.Column<string>(maxLength: 450, nullable: true),
                StaffName = table.Column<string>(maxLength: 100, nullable: true),
                Level = table.Column<int>(nullable: false),
                Scores = table.Column<string>(maxLength: 200, nullable: false),
                Comment = table.Column<string>(maxLength: 500, nullable: true),
                Anonymous = table.Column<bool>(nullable: false),
                RaterId = table.Column<string>(maxLength: 450, nullable: true),
                RaterName = table.Column<string>(maxLength: 50, nullable: true),
                RaterPhone = table.Column<string>(maxLength: 20, nullable: true),
                AccessCode = table.Column<string>(maxLength: 40, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Ratings", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "RatingAppeals",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RatingId = table.Column<long>(nullable: false),
                FiledById = table.Column<string>(maxLength: 450, nullable: false),
                FiledByName = table.Column<string>(maxLength: 100, nullable: false),
                Reason = table.Column<string>(maxLength: 1000, nullable: false),
                FiledAt = table.Column<DateTime>(nullable: false),
                Upheld = table.Column<bool>(nullable: true),
                DecidedById = table.Column<string>(maxLength: 450, nullable: true),
                DecidedByName = table.Column<string>(maxLength: 100, nullable: true),
                Decision = table.Column<string>(maxLength: 1000, nullable: true),
                DecidedAt = table.Column<DateTime>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RatingAppeals", x => x.Id);
                table.ForeignKey(
                    name: "FK_RatingAppeals_Ratings_RatingId",
                    column: x => x.RatingId,
                    principalTable: "Ratings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RatingFollowUps",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RatingId = table.Column<long>(nullable: false),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Unit = table.Column<string>(maxLength: 30, nullable: false),
                OpenedAt = table.Column<DateTime>(nullable: false),
                DueAt = table.Column<DateTime>(nullable: false),
                LimitText = table.Column<string>(maxLength: 40, nullable: false),
                VisitedAt = table.Column<DateTime>(nullable: true),
                VisitNotes = table.Column<string>(maxLength: 1000, nullable: true),
                Finding = table.Column<string>(maxLength: 20, nullable: true),
                FindingNotes = table.Column<string>(maxLength: 1000, nullable: true),
                VerifiedAt = table.Column<DateTime>(nullable: true),
                Result = table.Column<string>(maxLength: 2000, nullable: true),
                ResultAt = table.Column<DateTime>(nullable: true),
                RaterSatisfaction = table.Column<string>(maxLength: 20, nullable: true),
                RaterRemark = table.Column<string>(maxLength: 500, nullable: true),
                ReviewRequested = table.Column<bool>(nullable: false),
                ReviewReason = table.Column<string>(maxLength: 500, nullable: true),
                ClosedAt = table.Column<DateTime>(nullable: true),
                HandledByName = table.Column<string>(maxLength: 100, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RatingFollowUps", x => x.Id);
                table.ForeignKey(
                    name: "FK_RatingFollowUps_Ratings_RatingId",
                    column: x => x.RatingId,
                    principalTable: "Ratings",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_RatingAppeals_RatingId",
            table: "RatingAppeals",
            column: "RatingId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RatingFollowUps_RatingId",
            table: "RatingFollowUps",
            column: "RatingId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_RatingFollowUps_ResultAt",
            table: "RatingFollowUps",
            column: "ResultAt");

        migrationBuilder.CreateIndex(
            name: "IX_RatingFollowUps_State_DueAt",
            table: "RatingFollowUps",
            columns: new[] { "State", "DueAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_AccessCode",
            table: "Ratings",
            column: "AccessCode",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_CaseNumber",
            table: "Ratings",
            column: "CaseNumber");

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_CreatedAt",
            table: "Ratings",
            column: "CreatedAt");

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_StaffId_CreatedAt",
            table: "Ratings",
            columns: new[] { "StaffId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Ratings_SubjectKey",
            table: "Ratings",
            column: "SubjectKey",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "RatingAppeals");
        migrationBuilder.DropTable(name: "RatingFollowUps");
        migrationBuilder.DropTable(name: "Ratings");
        migrationBuilder.DropColumn(name: "CalledById", table: "Tickets");
    }
}
