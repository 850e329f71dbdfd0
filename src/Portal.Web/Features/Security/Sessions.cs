using Microsoft.EntityFrameworkCore;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Security;

/// <summary>Ends sessions of a person: all of them (role change, lock, reset), or all but the request's own (password change).</summary>
public sealed class Sessions(PortalDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken) =>
        db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public Task<int> EndOthersAsync(string userId, CancellationToken cancellationToken)
    {
        var current = SessionStore.CurrentKey(http.HttpContext) is { } key ? SessionStore.Hash(key) : "";
        return db.Sessions.Where(s => s.UserId == userId && s.Id != current).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>How many sessions of the person are open now.</summary>
    public Task<int> CountAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Sessions.CountAsync(s => s.UserId == userId && s.ExpiresAt > now && (s.AbsoluteExpiresAt == null || s.AbsoluteExpiresAt > now), cancellationToken);
    }
}
