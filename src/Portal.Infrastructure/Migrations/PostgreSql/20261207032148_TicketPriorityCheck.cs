using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TicketPriorityCheck : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PriorityCheck",
                table: "Tickets",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                // Tickets issued before this column are read as not needing a check (PriorityCheck.None).
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PriorityCheck",
                table: "Tickets");
        }
    }
}
