using System.Runtime.ExceptionServices;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Security;

namespace Portal.Web.Features.Security;

/// <summary>
/// The sign-in cookie's tickets kept in the database (table Sessions) instead of in the cookie, so that a session can
/// be ended on the server: signing out deletes the row and a replayed cookie then finds nothing; a password change, a
/// role change or an administrator's lock deletes the person's rows (<see cref="Sessions"/>). Every portal host on
/// the database sees the same sessions. Staff sessions carry an absolute limit. The database work joins the request's
/// own <see cref="PortalDbContext"/> (and so its transaction, when a command signs someone in).
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, TimeProvider time, IOptions<SessionOptions> options) : ITicketStore
{
    /// <summary>Where the request's session key is kept once read or created (for "end my other sessions").</summary>
    public const string CurrentKeyItem = "portal.session-key";

    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    /// <summary>The key of the session the request runs in, or null.</summary>
    public static string? CurrentKey(HttpContext? context) => context?.Items[CurrentKeyItem] as string;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var principal = ticket.Principal;
        var row = new PortalSession
        {
            Id = Hash(key),
            UserId = UserIdOf(ticket),
            CreatedAt = now,
            RenewedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now,
            AbsoluteExpiresAt = SecondFactor.HasStaffRole(principal) ? now + options.Value.StaffAbsolute : null,
            Ticket = TicketSerializer.Default.Serialize(ticket),
        };
        await WithDbAsync(httpContext, async db =>
        {
            db.Sessions.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(row).State = EntityState.Detached;
            return 0;
        });
        Remember(httpContext, key);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    /// <summary>
    /// Writes the renewed ticket of an existing session of the same person. A session that has been ended meanwhile is
    /// not brought back; a ticket of another person is refused (the sign-in pages never sign a second person into a
    /// browser's running session, which would hand the first session's key to the second person).
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var userId = UserIdOf(ticket);
        var now = time.GetUtcNow().UtcDateTime;
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now;
        var (updated, owner) = await WithDbAsync(httpContext, async db =>
        {
            var n = await db.Sessions.Where(s => s.Id == id && s.UserId == userId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.RenewedAt, now).SetProperty(s => s.ExpiresAt, expires), cancellationToken);
            var other = n == 0 ? await db.Sessions.AsNoTracking().Where(s => s.Id == id).Select(s => s.UserId).FirstOrDefaultAsync(cancellationToken) : null;
            return (n, other);
        });
        if (updated == 0 && owner is not null)
        {
            throw new InvalidOperationException("A session may only be renewed for the person it belongs to.");
        }

        Remember(httpContext, key);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            return await RetrieveFromDbAsync(id, now, key, httpContext, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && httpContext is not null)
        {
            // The database failed while the sign-in was being read. Thrown from here, the failure would be kept by the
            // authentication handler and thrown again when the error page is shown, leaving an empty 500. It is kept
            // for ThrowSessionFailure instead, which throws it once authentication is over (so the error page comes),
            // while the error page itself is shown as to a visitor (the cookie stays; the session resumes afterwards).
            httpContext.Items[FailureItem] = ExceptionDispatchInfo.Capture(ex);
            return null;
        }
    }

    /// <summary>Where a database failure met while reading the session is kept (see <see cref="ThrowSessionFailure"/>).</summary>
    public const string FailureItem = "portal.session-failure";

    /// <summary>Right after authentication: a session that could not be read because the database failed is that failure.</summary>
    public static Task ThrowSessionFailure(HttpContext context, Func<Task> next)
    {
        var reExecuted = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
        if (!reExecuted && context.Items[FailureItem] is ExceptionDispatchInfo failure)
        {
            failure.Throw();
        }

        return next();
    }

    private async Task<AuthenticationTicket?> RetrieveFromDbAsync(string id, DateTime now, string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var ticket = await WithDbAsync(httpContext, async db =>
        {
            var row = await db.Sessions.AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Ticket, s.AbsoluteExpiresAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                return null;
            }

            if (row.AbsoluteExpiresAt is { } absolute && absolute <= now)
            {
                await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
                return null;
            }

            return TicketSerializer.Default.Deserialize(row.Ticket);
        });
        if (ticket is not null)
        {
            Remember(httpContext, key);
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = Hash(key);
        await WithDbAsync(httpContext, db => db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken));
        if (httpContext is not null && CurrentKey(httpContext) == key)
        {
            httpContext.Items.Remove(CurrentKeyItem);
        }
    }

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in ticket has no user id.");

    private static void Remember(HttpContext? httpContext, string key)
    {
        if (httpContext is not null)
        {
            httpContext.Items[CurrentKeyItem] = key;
        }
    }

    private async Task<T> WithDbAsync<T>(HttpContext? httpContext, Func<PortalDbContext, Task<T>> work)
    {
        if (httpContext?.RequestServices is { } services)
        {
            return await work(services.GetRequiredService<PortalDbContext>());
        }

        using var scope = scopes.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }
}
