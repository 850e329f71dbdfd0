using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// A tiny OpenID Connect provider standing in for the provincial 统一身份认证: Kestrel on a loopback port serving the
/// discovery document, its signing key (JWKS), an authorize endpoint that "signs in" <see cref="SignedIn"/> at once, and
/// a token endpoint that checks the client, the redirect address and PKCE before it returns an RS256-signed id_token
/// with the person's name, ID number and mobile number. The portal talks to it exactly as to the real one.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "portal-test";
    public const string ClientSecret = "portal-test-secret";

    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA otherRsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> codes = new();
    private WebApplication? app;

    /// <summary>A person as the provider knows them.</summary>
    public sealed record Person(string Subject, string Name, string IdNumber, string? Phone = null);

    private sealed record PendingCode(Person Person, string RedirectUri, string? Nonce, string? Challenge);

    public string Url { get; private set; } = "";

    /// <summary>Who is signed in at the provider; null: the person cancels (access_denied).</summary>
    public Person? SignedIn { get; set; }

    /// <summary>Signs the id_token with a key the provider does not publish (a forged token).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    public int TokensIssued => tokens;

    private int tokens;

    public static async Task<FakeIdentityProvider> StartAsync()
    {
        var provider = new FakeIdentityProvider();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        provider.Map(app);
        await app.StartAsync();
        provider.app = app;
        provider.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    private string KeyId(RSA key) => Base64UrlEncoder.Encode(SHA256.HashData(key.ExportRSAPublicKey()))[..16];

    private void Map(WebApplication web)
    {
        web.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Url,
            ["authorization_endpoint"] = Url + "/authorize",
            ["token_endpoint"] = Url + "/token",
            ["jwks_uri"] = Url + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["scopes_supported"] = new[] { "openid", "profile" },
        }));

        web.MapGet("/jwks", () =>
        {
            var p = rsa.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[]
                {
                    new Dictionary<string, string>
                    {
                        ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = KeyId(rsa),
                        ["n"] = Base64UrlEncoder.Encode(p.Modulus!), ["e"] = Base64UrlEncoder.Encode(p.Exponent!),
                    },
                },
            });
        });

        web.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            var redirect = q["redirect_uri"].ToString();
            if (q["client_id"] != ClientId || q["response_type"] != "code" || !redirect.StartsWith("http://localhost/", StringComparison.Ordinal))
            {
                return Results.BadRequest("invalid_request");
            }

            var state = Uri.EscapeDataString(q["state"].ToString());
            if (SignedIn is not { } person)
            {
                return Results.Redirect($"{redirect}?error=access_denied&state={state}");
            }

            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            codes[code] = new PendingCode(person, redirect, q["nonce"], q["code_challenge_method"] == "S256" ? q["code_challenge"].ToString() : null);
            return Results.Redirect($"{redirect}?code={code}&state={state}");
        });

        web.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !codes.TryRemove(form["code"].ToString(), out var pending) || form["redirect_uri"] != pending.RedirectUri)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            }

            var verifier = form["code_verifier"].ToString();
            if (pending.Challenge is null || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != pending.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: 400);
            }

            Interlocked.Increment(ref tokens);
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                ["token_type"] = "Bearer",
                ["expires_in"] = 300,
                ["id_token"] = IdToken(pending),
            });
        });
    }

    /// <summary>
    /// The id_token. Its lifetime is wide on purpose (no nbf, a year to run): the portal checks it against its own clock,
    /// and a test's clock is not the wall clock.
    /// </summary>
    private string IdToken(PendingCode pending)
    {
        var key = SignWithUnpublishedKey ? otherRsa : rsa;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = pending.Person.Subject,
            ["name"] = pending.Person.Name,
            ["id_number"] = pending.Person.IdNumber,
        };
        if (pending.Person.Phone is { } phone)
        {
            claims["phone_number"] = phone;
        }

        if (pending.Nonce is { } nonce)
        {
            claims["nonce"] = nonce;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Url,
            Audience = ClientId,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddYears(1),
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = KeyId(rsa) }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        rsa.Dispose();
        otherRsa.Dispose();
    }
}
