using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PromiseDefaultsAndSupplyContracts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContractCapacity",
                table: "UtilityRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractCustomerDuties",
                table: "UtilityRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractPrice",
                table: "UtilityRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractUtilityDuties",
                table: "UtilityRequests",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WorksFiledOn",
                table: "UtilityRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorksPlannedBy",
                table: "UtilityRequests",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorksRoute",
                table: "UtilityRequests",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WorksStartOn",
                table: "UtilityRequests",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefaultHash",
                table: "PromiseLimits",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContractCapacity",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "ContractCustomerDuties",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "ContractPrice",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "ContractUtilityDuties",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "WorksFiledOn",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "WorksPlannedBy",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "WorksRoute",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "WorksStartOn",
                table: "UtilityRequests");

            migrationBuilder.DropColumn(
                name: "DefaultHash",
                table: "PromiseLimits");
        }
    }
}
