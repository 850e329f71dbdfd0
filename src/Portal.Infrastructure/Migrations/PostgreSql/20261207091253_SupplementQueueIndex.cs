using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SupplementQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_HolderRole_State_PausedState_PausedAt_ServiceCode",
                table: "Cases",
                columns: new[] { "HolderRole", "State", "PausedState", "PausedAt", "ServiceCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_HolderRole_State_PausedState_PausedAt_ServiceCode",
                table: "Cases");
        }
    }
}
