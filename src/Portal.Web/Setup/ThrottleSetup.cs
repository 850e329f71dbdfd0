using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Portal.Web.Common;

namespace Portal.Web.Setup;

/// <summary>
/// Per-client throttles with ASP.NET Core's rate limiter (sliding windows partitioned by the client's address), beside
/// Identity's per-account lockout: one client can neither lock out a list of staff accounts nor fill the hall's queue.
/// The excess gets 429 with the Chinese status page, or problem details with a Chinese title for JSON. Attached by
/// page conventions (the sign-in, registration, kiosk and check-in pages) and on the feed's endpoint, so the pages
/// themselves carry nothing. Only posts count on pages: reading the sign-in form is never refused.
/// </summary>
public static class ThrottleSetup
{
    public const string SignIn = "signin";
    public const string Register = "register";
    public const string Ticket = "ticket";
    public const string Feed = "feed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The pages whose posts each throttle counts.</summary>
    public static IReadOnlyDictionary<string, string> Pages { get; } = new Dictionary<string, string>
    {
        ["/Account/Login"] = SignIn,
        ["/Account/Register"] = Register,
        ["/Hall/Index"] = Ticket,
        ["/Appointments/CheckIn"] = Ticket,
    };

    public static IServiceCollection AddPortalThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ThrottleOptions>(configuration.GetSection("Portal:Throttle"));
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.Add(new ThrottledPages()));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignIn, http => Partition(http, SignIn, o => o.SignIn, postsOnly: true));
            o.AddPolicy(Register, http => Partition(http, Register, o => o.Register, postsOnly: true));
            o.AddPolicy(Ticket, http => Partition(http, Ticket, o => o.Ticket, postsOnly: true));
            o.AddPolicy(Feed, http => Partition(http, Feed, o => o.Feed, postsOnly: false));
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Who the client is: the address the request came from (the proxy's forwarded address when forwarded headers are
    /// configured). IPv6 clients are counted per /64 — one household or phone has a whole /64 to hop around in.
    /// </summary>
    public static string ClientKey(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }

        return address.ToString();
    }

    private static RateLimitPartition<string> Partition(HttpContext http, string policy, Func<ThrottleOptions, ThrottleLimit> limitOf, bool postsOnly)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<ThrottleOptions>>().CurrentValue;
        var address = http.Connection.RemoteIpAddress;
        if (!options.Enabled || (postsOnly && PortalErrorPages.IsRead(http)) || options.IsTrusted(address?.IsIPv4MappedToIPv6 == true ? address.MapToIPv4() : address))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var limit = limitOf(options);
        var window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds));
        return RateLimitPartition.GetSlidingWindowLimiter($"{policy}:{ClientKey(http)}", _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = window,
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var when = seconds < 90 ? $"{seconds}秒" : $"{(int)Math.Ceiling(seconds / 60.0)}分钟";
        var error = new PortalError(
            StatusCodes.Status429TooManyRequests,
            "操作过于频繁",
            [("", $"同一网络地址在短时间内提交过多，请约{when}后再试。如在大厅内需要帮助，请联系工作人员。")],
            PortalErrorShape.FormErrors);
        if (http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is null)
        {
            // A JSON endpoint (the utility feed): problem details with a Chinese title, like every other JSON failure.
            var problem = new ProblemDetails
            {
                Status = error.Status,
                Title = error.Title,
                Detail = error.Message,
                Extensions = { ["error"] = error.Message, ["retryAfterSeconds"] = seconds },
            };
            await http.Response.WriteAsJsonAsync(problem, Json, "application/json; charset=utf-8", cancellationToken);
            return;
        }

        // A page: the status page says it in Chinese (Errors/Status reads the failure from the request's items).
        http.Items[PortalErrors.ItemKey] = error;
    }

    /// <summary>Puts each throttle on its pages' routes, so their endpoints carry it from the start.</summary>
    private sealed class ThrottledPages : Microsoft.AspNetCore.Mvc.ApplicationModels.IPageRouteModelConvention
    {
        public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.PageRouteModel model)
        {
            if (!Pages.TryGetValue(model.ViewEnginePath, out var policy))
            {
                return;
            }

            foreach (var selector in model.Selectors)
            {
                selector.EndpointMetadata.Add(new EnableRateLimitingAttribute(policy));
            }
        }
    }
}
