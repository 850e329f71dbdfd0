namespace Portal.Web.Common.Export;

public enum ExportFormat
{
    Csv,
    Xlsx,
}
