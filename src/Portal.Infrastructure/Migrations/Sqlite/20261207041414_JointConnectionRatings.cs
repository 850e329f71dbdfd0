using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JointConnectionRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Data fix (no schema change). Ratings of a 报装 application as a whole (its parent case, service
            // "connection") were stored under the parent's department, 供电, whatever utilities the application had.
            // A single-utility application's rating goes to that utility (the utility's name is its department's);
            // a joint one's to "JointConnection" (联合报装（多家专营单位）): no one utility can be credited or blamed.
            // Only the unit changes, on the rating and its 差评 follow-up; what the rater gave stays as given.
            // Why: docs/decisions/0008-ratings.md.
            migrationBuilder.Sql(@"UPDATE ""Ratings"" SET ""Unit"" = CASE WHEN (SELECT COUNT(*) FROM ""UtilityRequests"" r INNER JOIN ""ConnectionApplications"" a ON a.""Id"" = r.""ApplicationId"" WHERE a.""CaseNumber"" = ""Ratings"".""CaseNumber"") = 1 THEN (SELECT MIN(r.""Utility"") FROM ""UtilityRequests"" r INNER JOIN ""ConnectionApplications"" a ON a.""Id"" = r.""ApplicationId"" WHERE a.""CaseNumber"" = ""Ratings"".""CaseNumber"") ELSE 'JointConnection' END WHERE ""ServiceCode"" = 'connection';");
            migrationBuilder.Sql(@"UPDATE ""RatingFollowUps"" SET ""Unit"" = (SELECT ""Ratings"".""Unit"" FROM ""Ratings"" WHERE ""Ratings"".""Id"" = ""RatingFollowUps"".""RatingId"") WHERE ""RatingId"" IN (SELECT ""Ratings"".""Id"" FROM ""Ratings"" WHERE ""Ratings"".""ServiceCode"" = 'connection');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Before this fix every application rating was stored under 供电.
            migrationBuilder.Sql(@"UPDATE ""Ratings"" SET ""Unit"" = 'Power' WHERE ""ServiceCode"" = 'connection';");
            migrationBuilder.Sql(@"UPDATE ""RatingFollowUps"" SET ""Unit"" = 'Power' WHERE ""RatingId"" IN (SELECT ""Ratings"".""Id"" FROM ""Ratings"" WHERE ""Ratings"".""ServiceCode"" = 'connection');");
        }
    }
}
