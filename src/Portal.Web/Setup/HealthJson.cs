using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Web.Setup;

/// <summary>The short JSON answer of /healthz: overall status and each check's status and last run; no descriptions, exceptions or personal data.</summary>
public static class HealthJson
{
    public static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = new JsonObject();
        foreach (var (name, entry) in report.Entries)
        {
            var check = new JsonObject { ["status"] = entry.Status.ToString() };
            foreach (var key in new[] { BackgroundRunCheck.LastRunKey, BackgroundRunCheck.EnabledKey })
            {
                if (entry.Data.TryGetValue(key, out var value))
                {
                    check[key] = value switch
                    {
                        bool flag => JsonValue.Create(flag),
                        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                    };
                }
            }

            checks[name] = check;
        }

        var body = new JsonObject { ["status"] = report.Status.ToString(), ["checks"] = checks };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }
}
