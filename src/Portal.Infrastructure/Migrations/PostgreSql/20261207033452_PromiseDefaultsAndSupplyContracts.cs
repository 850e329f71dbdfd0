using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Infrastructure.Migrations.PostgreSql
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractCustomerDuties",
                table: "UtilityRequests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractPrice",
                table: "UtilityRequests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContractUtilityDuties",
                table: "UtilityRequests",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WorksFiledOn",
                table: "UtilityRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorksPlannedBy",
                table: "UtilityRequests",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorksRoute",
                table: "UtilityRequests",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WorksStartOn",
                table: "UtilityRequests",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DefaultHash",
                table: "PromiseLimits",
                type: "character varying(32)",
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
