using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class IdentityLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VerificationMethod",
                table: "AspNetUsers",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAt",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedById",
                table: "AspNetUsers",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedByName",
                table: "AspNetUsers",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedFullName",
                table: "AspNetUsers",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedIdNumber",
                table: "AspNetUsers",
                type: "nvarchar(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EnterpriseAgents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: false),
                    AgentUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AgentName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    AgentIdNumberMasked = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    Services = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    GrantedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    GrantedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevokedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RevokedByName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseAgents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseAgents_AspNetUsers_AgentUserId",
                        column: x => x.AgentUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnterpriseAgents_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IdentityEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    At = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    EnterpriseId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IdentityEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Enterprises_LegalRepresentativeIdNumber",
                table: "Enterprises",
                column: "LegalRepresentativeIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_VerifiedIdNumber",
                table: "AspNetUsers",
                column: "VerifiedIdNumber",
                unique: true,
                filter: "[VerifiedIdNumber] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseAgents_AgentUserId",
                table: "EnterpriseAgents",
                column: "AgentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseAgents_EnterpriseId",
                table: "EnterpriseAgents",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityEvents_At",
                table: "IdentityEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_IdentityEvents_UserId_At",
                table: "IdentityEvents",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnterpriseAgents");

            migrationBuilder.DropTable(
                name: "IdentityEvents");

            migrationBuilder.DropIndex(
                name: "IX_Enterprises_LegalRepresentativeIdNumber",
                table: "Enterprises");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_VerifiedIdNumber",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerificationMethod",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedAt",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedById",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedByName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedFullName",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "VerifiedIdNumber",
                table: "AspNetUsers");
        }
    }
}
