using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Portal.Domain.Privacy;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// Logs each request with its data and how long it took. Personal data is masked (身份证号 3701**********1234,
/// phones 138****5678, names 张*) and passwords and access codes are never written — unlike logging whole requests as
/// they come. A refusal is logged with its message masked the same way (<see cref="PersonalData.MaskMessage"/>).
/// </summary>
public sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger, CurrentUser user)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 8,
    };

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var name = RequestName;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "{Request} by {User} in {Elapsed:0.0} ms: {Data}",
                    name,
                    user.Id ?? "anonymous",
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    Describe(request));
            }

            return response;
        }
        catch (PortalException ex)
        {
            // The person refused sees the whole message; the log gets quoted values (names, what was typed) and numbers masked.
            logger.LogInformation("{Request} by {User} refused: {Reason}", name, user.Id ?? "anonymous", PersonalData.MaskMessage(ex.Message));
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "{Request} by {User} failed: {Data}", name, user.Id ?? "anonymous", Describe(request));
            throw;
        }
    }

    private static string RequestName =>
        typeof(TRequest).DeclaringType is { } outer ? $"{outer.Name}.{typeof(TRequest).Name}" : typeof(TRequest).Name;

    /// <summary>The request as JSON with passwords removed and personal data masked.</summary>
    public static string Describe(TRequest request)
    {
        try
        {
            var node = JsonSerializer.SerializeToNode(request, Json);
            Scrub(node);
            return PersonalData.MaskText(node?.ToJsonString(Json) ?? "");
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return "(未记录)";
        }
    }

    /// <summary>Fields that hold a person's name (an investor's "Name" may be a person's): logged masked, like ID numbers and phones.</summary>
    private static readonly HashSet<string> PersonNameKeys =
        new(["Name", "LegalRepresentative", "ContactName", "SignedName", "FullName", "RaterName", "ApplicantName", "ContactPerson", "AgentName"], StringComparer.Ordinal);

    private static void Scrub(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).ToList())
            {
                // Passwords, and the access codes that open a ticket, an appointment or a rating without an account.
                if (key.Contains("password", StringComparison.OrdinalIgnoreCase) || key is "Code" or "AccessCode")
                {
                    obj[key] = "***";
                }
                else if (PersonNameKeys.Contains(key) && obj[key] is JsonValue value && value.TryGetValue<string>(out var name))
                {
                    obj[key] = PersonalData.MaskName(name);
                }
                else
                {
                    Scrub(obj[key]);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Scrub(item);
            }
        }
    }
}
