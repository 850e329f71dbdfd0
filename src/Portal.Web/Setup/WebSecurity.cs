using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Web.Setup;

/// <summary>
/// What every answer of the portal says about itself, and which host and scheme it believes it serves (issue 16 part 6;
/// docs/decisions/0014-headers-and-exposure.md):
/// <list type="bullet">
/// <item>security headers on every response, static files and error pages included: a Content-Security-Policy that
/// allows only the portal's own files (no inline script, no inline style, no eval), nosniff, no referrer, no framing;</item>
/// <item>dynamic answers (pages, exports, JSON) are never stored by a browser or a proxy (<c>Cache-Control: no-store</c>),
/// so a personal page or a CSV of names stays off a shared hall computer's disk; static files stay cacheable;</item>
/// <item>hosts: only <c>AllowedHosts</c> are served (ASP.NET Core's host filtering, without its English error text), and
/// sign-in redirects are relative, so a forged Host header can never send a person to another site;</item>
/// <item>a reverse proxy is believed (X-Forwarded-For/-Proto/-Host) only when the connection comes from one of
/// <c>Portal:Proxy:KnownProxies</c> (loopback by default), and X-Forwarded-Host only for an allowed host;</item>
/// <item>over https (direct or as a known proxy says): HSTS and Secure cookies; plain http on localhost keeps working;</item>
/// <item>no <c>Server</c> banner.</item>
/// </list>
/// </summary>
public static class WebSecurity
{
    /// <summary>
    /// The policy. <c>'self'</c> only: scripts and stylesheets are files under wwwroot-assets (no inline script, no
    /// <c>on…=</c> handler, no <c>style="…"</c>, no eval); images are the portal's own files or inline SVG; forms post to
    /// the portal; nothing may frame it; no plugins; no &lt;base&gt; to elsewhere.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Configuration: the addresses (or networks, <c>10.0.0.0/24</c>) of reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public const string KnownProxiesKey = "Portal:Proxy:KnownProxies";

    /// <summary>Configuration: further sources for <c>form-action</c> (e.g. an identity provider a sign-in form redirects to).</summary>
    public const string FormActionKey = "Portal:Csp:FormAction";

    public static WebApplicationBuilder AddPortalWebSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

        // A refused host gets an empty 400: the framework's own answer is an English page.
        services.PostConfigure<HostFilteringOptions>(o => o.IncludeFailureMessage = false);

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(config))
            {
                o.KnownIPNetworks.Add(proxy);
            }

            // X-Forwarded-Host is taken only for a host the portal serves (the Host header itself is checked by host filtering).
            o.AllowedHosts = AllowedHosts(config);
        });

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(config.GetValue("Portal:Hsts:MaxAgeDays", 365));
            o.IncludeSubDomains = false;
        });

        // Every cookie: Secure when the request came over https, HttpOnly, at least SameSite=Lax.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
            o.MinimumSameSitePolicy = SameSiteMode.Lax;
        });
        services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // The cookie handler writes absolute addresses built from the request's Host header: a forged Host would
            // send the person to that site. Only the path and query are sent (the browser stays on the portal's host).
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            var toLogout = o.Events.OnRedirectToReturnUrl;
            o.Events.OnRedirectToLogin = context => toLogin(Relative(context));
            o.Events.OnRedirectToAccessDenied = context => toDenied(Relative(context));
            o.Events.OnRedirectToReturnUrl = context => toLogout(Relative(context));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // X-Frame-Options is sent on every answer below (DENY), not only on pages with a form (SAMEORIGIN).
            o.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }

    /// <summary>First in the pipeline: the proxy's view of the request, HSTS, the headers and the cookie policy.</summary>
    public static WebApplication UsePortalWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts();
        var policy = ContentSecurityPolicyFor(app.Configuration);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                Apply(context, policy);
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCookiePolicy();
        return app;
    }

    /// <summary>The policy with any configured extra <c>form-action</c> sources.</summary>
    public static string ContentSecurityPolicyFor(IConfiguration config)
    {
        var extra = config.GetSection(FormActionKey).Get<string[]>() ?? [];
        var sources = extra.Where(s => !string.IsNullOrWhiteSpace(s) && s.All(c => c > ' ' && c is not (';' or ',' or '\'' or '"'))).ToList();
        return sources.Count == 0 ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', sources), StringComparison.Ordinal);
    }

    private static void Apply(HttpContext context, string policy)
    {
        var headers = context.Response.Headers;

        // An endpoint that set its own policy keeps it: an uploaded file (Features/Materials) is served with a stricter
        // one (nothing runs; a PDF may be framed by the portal's own pages only, a download is sandboxed).
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = policy;
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (string.IsNullOrEmpty(headers.XFrameOptions))
        {
            headers.XFrameOptions = "DENY";
        }

        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.Remove("Server");
        headers.Remove("X-Powered-By");

        // Static files have no endpoint (they are served before routing) and may be cached; anything the portal
        // computes — a page with a name, a CSV of staff ratings, a case as JSON — is not kept by browsers or proxies.
        if (context.GetEndpoint() is not null && string.IsNullOrEmpty(headers.CacheControl))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }

    private static T Relative<T>(T context)
        where T : Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions>
    {
        if (Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute))
        {
            context.RedirectUri = absolute.PathAndQuery;
        }

        return context;
    }

    /// <summary><c>Portal:Proxy:KnownProxies</c> as networks; loopback (127.0.0.0/8 and ::1) when not configured.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> KnownProxies(IConfiguration config)
    {
        var configured = config.GetSection(KnownProxiesKey).Get<string[]>()
            ?? (config[KnownProxiesKey] is { Length: > 0 } single ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries) : null);
        if (configured is null || configured.Length == 0)
        {
            return [new System.Net.IPNetwork(IPAddress.Loopback, 8), new System.Net.IPNetwork(IPAddress.IPv6Loopback, 128)];
        }

        return configured.Select(text => text.Trim()).Select(text =>
                text.Contains('/') ? System.Net.IPNetwork.Parse(text)
                : IPAddress.Parse(text) is var address && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? new System.Net.IPNetwork(address, 32)
                : new System.Net.IPNetwork(address, 128))
            .ToList();
    }

    /// <summary>The configured <c>AllowedHosts</c> (semicolon separated; "*" allows any).</summary>
    public static List<string> AllowedHosts(IConfiguration config) =>
        (config["AllowedHosts"] ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
