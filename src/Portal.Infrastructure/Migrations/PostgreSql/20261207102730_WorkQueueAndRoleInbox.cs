using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WorkQueueAndRoleInbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecipientRole",
                table: "Notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NotificationReads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    NotificationId = table.Column<long>(type: "bigint", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationReads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationReads_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkItems",
                columns: table => new
                {
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    Holder = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WarnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Paused = table.Column<bool>(type: "boolean", nullable: false),
                    ServiceCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OwnerId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkItems", x => new { x.CaseId, x.Holder });
                    table.ForeignKey(
                        name: "FK_WorkItems_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientRole_CreatedAt",
                table: "Notifications",
                columns: new[] { "RecipientRole", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_HolderRole_State_PausedState_PausedAt_ServiceCode",
                table: "Cases",
                columns: new[] { "HolderRole", "State", "PausedState", "PausedAt", "ServiceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationReads_NotificationId",
                table: "NotificationReads",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_NotificationReads_UserId_NotificationId",
                table: "NotificationReads",
                columns: new[] { "UserId", "NotificationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_Holder_DueAt_CaseId",
                table: "WorkItems",
                columns: new[] { "Holder", "DueAt", "CaseId" });

            // The queue rows of the cases already stored (docs/decisions/0020-work-queue.md).
            migrationBuilder.Sql(Portal.Infrastructure.Data.ProviderSql.BackfillWorkQueue(Portal.Infrastructure.Data.DatabaseSetup.PostgreSql));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationReads");

            migrationBuilder.DropTable(
                name: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientRole_CreatedAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Cases_HolderRole_State_PausedState_PausedAt_ServiceCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RecipientRole",
                table: "Notifications");
        }
    }
}
