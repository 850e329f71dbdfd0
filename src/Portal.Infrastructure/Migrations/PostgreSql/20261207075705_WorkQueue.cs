using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WorkQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "WorkItems");
        }
    }
}
