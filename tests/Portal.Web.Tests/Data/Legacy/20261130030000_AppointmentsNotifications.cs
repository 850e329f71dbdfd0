using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Web.Tests.Data.Legacy;

/// <summary>Appointments (预约) with seat-based capacity, notifications (站内消息 and SMS/e-mail outbox), the 75% warning mark (per step) and 容缺 supply on cases.</summary>
[DbContext(typeof(LegacyPortalDbContext))]
[Migration("20261130030000_AppointmentsNotifications")]
public partial class AppointmentsNotifications : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(
            name: "ToleranceSuppliedAt",
            table: "Cases",
            nullable: true);

        migrationBuilder.AddColumn<DateTime>(
            name: "WarnedStepAt",
            table: "Cases",
            nullable: true);

        migrationBuilder.CreateTable(
            name: "Appointments",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                UserName = table.Column<string>(maxLength: 100, nullable: false),
                Category = table.Column<string>(maxLength: 30, nullable: false),
                LocalDate = table.Column<DateOnly>(nullable: false),
                SlotKey = table.Column<int>(nullable: false),
                SlotLabel = table.Column<string>(maxLength: 40, nullable: false),
                StartsAt = table.Column<DateTime>(nullable: false),
                EndsAt = table.Column<DateTime>(nullable: false),
                Extended = table.Column<bool>(nullable: false),
                Seat = table.Column<int>(nullable: true),
                ActiveKey = table.Column<string>(maxLength: 500, nullable: true),
                State = table.Column<string>(maxLength: 20, nullable: false),
                Code = table.Column<string>(maxLength: 20, nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                CancelledAt = table.Column<DateTime>(nullable: true),
                CheckedInAt = table.Column<DateTime>(nullable: true),
                TicketId = table.Column<long>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Appointments", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                RecipientId = table.Column<string>(maxLength: 450, nullable: false),
                Kind = table.Column<string>(maxLength: 20, nullable: false),
                CaseNumber = table.Column<string>(maxLength: 32, nullable: true),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Body = table.Column<string>(maxLength: 1000, nullable: false),
                Link = table.Column<string>(maxLength: 200, nullable: true),
                CreatedAt = table.Column<DateTime>(nullable: false),
                ReadAt = table.Column<DateTime>(nullable: true),
                DedupeKey = table.Column<string>(maxLength: 200, nullable: false),
                Delivery = table.Column<string>(maxLength: 20, nullable: false),
                ClaimToken = table.Column<string>(maxLength: 40, nullable: true),
                ClaimedAt = table.Column<DateTime>(nullable: true),
                SentAt = table.Column<DateTime>(nullable: true),
                Attempts = table.Column<int>(nullable: false),
                LastError = table.Column<string>(maxLength: 500, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
            });

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_ActiveKey",
            table: "Appointments",
            column: "ActiveKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_Category_LocalDate_SlotKey_Seat",
            table: "Appointments",
            columns: new[] { "Category", "LocalDate", "SlotKey", "Seat" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_Code",
            table: "Appointments",
            column: "Code",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Appointments_UserId_LocalDate",
            table: "Appointments",
            columns: new[] { "UserId", "LocalDate" });

        migrationBuilder.CreateIndex(
            name: "IX_CaseEvents_At",
            table: "CaseEvents",
            column: "At");

        migrationBuilder.CreateIndex(
            name: "IX_Cases_ToleranceSuppliedAt_ToleranceDueAt",
            table: "Cases",
            columns: new[] { "ToleranceSuppliedAt", "ToleranceDueAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Cases_IsOverdue_StepWarnAt",
            table: "Cases",
            columns: new[] { "IsOverdue", "StepWarnAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Notifications_DedupeKey",
            table: "Notifications",
            column: "DedupeKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Notifications_Delivery_Id",
            table: "Notifications",
            columns: new[] { "Delivery", "Id" });

        migrationBuilder.CreateIndex(
            name: "IX_Notifications_RecipientId_CreatedAt",
            table: "Notifications",
            columns: new[] { "RecipientId", "CreatedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_Tickets_CaseNumber",
            table: "Tickets",
            column: "CaseNumber");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Tickets_CaseNumber", table: "Tickets");
        migrationBuilder.DropIndex(name: "IX_Cases_IsOverdue_StepWarnAt", table: "Cases");
        migrationBuilder.DropIndex(name: "IX_Cases_ToleranceSuppliedAt_ToleranceDueAt", table: "Cases");
        migrationBuilder.DropIndex(name: "IX_CaseEvents_At", table: "CaseEvents");
        migrationBuilder.DropTable(name: "Notifications");
        migrationBuilder.DropTable(name: "Appointments");
        migrationBuilder.DropColumn(name: "WarnedStepAt", table: "Cases");
        migrationBuilder.DropColumn(name: "ToleranceSuppliedAt", table: "Cases");
    }
}
