using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Portal.Infrastructure.Data;

/// <summary>
/// Writes provider-neutral <see cref="MigrationBuilder"/> code for the whole model. It stands in for
/// <c>dotnet ef migrations add</c>, which cannot be restored here: run <c>dotnet run --project src/Portal.Web --
/// --print-schema-migration</c>, then keep the parts that are new in a hand-written migration. Column types are
/// left to each provider; both providers' identity annotations are written.
/// </summary>
public static class MigrationScaffolder
{
    public static string Write(PortalDbContext db)
    {
        var differ = db.GetService<IMigrationsModelDiffer>();
        var model = db.GetService<IDesignTimeModel>().Model;
        var operations = differ.GetDifferences(null, model.GetRelationalModel());
        var code = new StringBuilder();
        foreach (var operation in operations)
        {
            switch (operation)
            {
                case CreateTableOperation table:
                    WriteTable(code, table);
                    break;
                case CreateIndexOperation index:
                    WriteIndex(code, index);
                    break;
                default:
                    code.AppendLine(CultureInfo.InvariantCulture, $"// not written: {operation.GetType().Name}");
                    break;
            }
        }

        return code.ToString();
    }

    private static void WriteTable(StringBuilder code, CreateTableOperation table)
    {
        code.AppendLine("migrationBuilder.CreateTable(");
        code.AppendLine(CultureInfo.InvariantCulture, $"    name: \"{table.Name}\",");
        code.AppendLine("    columns: table => new");
        code.AppendLine("    {");
        foreach (var column in table.Columns)
        {
            var args = new List<string>();
            if (column.MaxLength is { } max)
            {
                args.Add($"maxLength: {max}");
            }

            if (column.Precision is { } precision)
            {
                args.Add($"precision: {precision}");
            }

            if (column.Scale is { } scale)
            {
                args.Add($"scale: {scale}");
            }

            args.Add($"nullable: {(column.IsNullable ? "true" : "false")}");
            var type = ClrName(column.ClrType);
            code.Append(CultureInfo.InvariantCulture, $"        {column.Name} = table.Column<{type}>({string.Join(", ", args)})");
            if (column.FindAnnotation("Sqlite:Autoincrement")?.Value is true)
            {
                code.AppendLine();
                code.AppendLine("            .Annotation(\"Sqlite:Autoincrement\", true)");
                code.Append("            .Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)");
            }

            code.AppendLine(",");
        }

        code.AppendLine("    },");
        code.AppendLine("    constraints: table =>");
        code.AppendLine("    {");
        if (table.PrimaryKey is { } pk)
        {
            code.AppendLine(CultureInfo.InvariantCulture, $"        table.PrimaryKey(\"{pk.Name}\", {Columns(pk.Columns)});");
        }

        foreach (var fk in table.ForeignKeys)
        {
            code.AppendLine("        table.ForeignKey(");
            code.AppendLine(CultureInfo.InvariantCulture, $"            name: \"{fk.Name}\",");
            code.AppendLine(CultureInfo.InvariantCulture, $"            column: {Columns(fk.Columns)},");
            code.AppendLine(CultureInfo.InvariantCulture, $"            principalTable: \"{fk.PrincipalTable}\",");
            code.AppendLine(CultureInfo.InvariantCulture, $"            principalColumn: \"{fk.PrincipalColumns![0]}\",");
            code.AppendLine(CultureInfo.InvariantCulture, $"            onDelete: ReferentialAction.{fk.OnDelete});");
        }

        code.AppendLine("    });");
        code.AppendLine();
    }

    private static void WriteIndex(StringBuilder code, CreateIndexOperation index)
    {
        var columns = index.Columns.Length == 1
            ? $"column: \"{index.Columns[0]}\""
            : $"columns: new[] {{ {string.Join(", ", index.Columns.Select(c => $"\"{c}\""))} }}";
        var unique = index.IsUnique ? ",\n    unique: true" : "";
        var filter = index.Filter is null ? "" : $",\n    filter: \"{index.Filter}\"";
        code.AppendLine(CultureInfo.InvariantCulture, $"migrationBuilder.CreateIndex(\n    name: \"{index.Name}\",\n    table: \"{index.Table}\",\n    {columns}{unique}{filter});");
        code.AppendLine();
    }

    private static string Columns(string[] columns) =>
        columns.Length == 1 ? $"x => x.{columns[0]}" : $"x => new {{ {string.Join(", ", columns.Select(c => "x." + c))} }}";

    private static string ClrName(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null)
        {
            return ClrName(underlying) + "?";
        }

        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(int) => "int",
            _ when type == typeof(long) => "long",
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(decimal) => "decimal",
            _ when type == typeof(double) => "double",
            _ => type.Name,
        };
    }
}
