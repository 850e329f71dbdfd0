using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;

namespace Portal.Web.Features.Connections;

/// <summary>
/// 报装需求推送: each utility company's own systems pull their new and changed child cases (000:109, 003:35: the
/// utilities see the demand at once). Authenticated by a per-utility key in the <c>X-Api-Key</c> header
/// (configuration <c>Portal:UtilityFeedKeys:{Power|Water|Gas|Heat|Telecom}</c>); a key only opens its own utility.
/// Documented as OpenAPI at <c>/openapi/utilities.json</c>.
/// </summary>
public static class UtilityFeed
{
    public const string KeyHeader = "X-Api-Key";
    public const string DocumentName = "utilities";

    public sealed record FeedItem(
        string Number,
        string ApplicationNumber,
        string Utility,
        string State,
        string StateLabel,
        string? HolderRole,
        DateTime? StepDueAt,
        bool Overdue,
        string Classification,
        string ClassificationLabel,
        string Rule,
        string Source,
        string Address,
        string Customer,
        string? EnterpriseName,
        string? CreditCode,
        string Purpose,
        DateTime? SurveyAt,
        TechnicalData Data,
        DateTime SubmittedAt,
        DateTime UpdatedAt);

    /// <summary>One page: pass <see cref="Next"/> as <c>after</c> to continue; <see cref="HasMore"/> says whether to ask again at once.</summary>
    public sealed record FeedPage(string Utility, string Next, bool HasMore, IReadOnlyList<FeedItem> Items);

    public sealed record FeedError(string Error);

    public static void MapUtilityFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/utilities/{utility}/requests", async (string utility, string? after, DateTime? since, int? limit, HttpContext http, PortalDbContext db, IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
            {
                if (!Enum.TryParse<Utility>(utility, ignoreCase: true, out var u) || int.TryParse(utility, out _))
                {
                    return Results.Json(new FeedError($"未知的专营单位类别“{utility}”，应为 power、water、gas、heat 或 telecom。"), statusCode: StatusCodes.Status404NotFound);
                }

                var presented = http.Request.Headers[KeyHeader].ToString();
                if (string.IsNullOrEmpty(presented))
                {
                    return Results.Json(new FeedError($"缺少 {KeyHeader} 请求头。"), statusCode: StatusCodes.Status401Unauthorized);
                }

                var owner = Utilities.All.Cast<Utility?>().FirstOrDefault(x => Matches(configuration[$"Portal:UtilityFeedKeys:{x}"], presented));
                if (owner is null)
                {
                    return Results.Json(new FeedError("密钥无效。"), statusCode: StatusCodes.Status401Unauthorized);
                }

                if (owner != u)
                {
                    // Never which utility the key belongs to: a leaked key should not tell its finder whose it is.
                    return Results.Json(new FeedError($"该密钥无权读取{u.Label()}报装。"), statusCode: StatusCodes.Status403Forbidden);
                }

                Cursor? cursor = null;
                if (!string.IsNullOrEmpty(after))
                {
                    cursor = Cursor.Parse(after);
                    if (cursor is null)
                    {
                        return Results.Json(new FeedError("after 参数无效：请原样传回上次返回的 next。"), statusCode: StatusCodes.Status400BadRequest);
                    }
                }
                else if (since is { } s)
                {
                    if (s.Year > SupportedDates.Last.Year)
                    {
                        return Results.Json(new FeedError($"since 参数超出范围：应为{SupportedDates.Range}之间的时间；省略则从头读取。"), statusCode: StatusCodes.Status400BadRequest);
                    }

                    // since is inclusive: everything changed at or after that instant. One before 2000 (0001-01-01)
                    // reads from the beginning, as omitting it does.
                    if (SupportedDates.Contains(s))
                    {
                        var utc = s.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(s, DateTimeKind.Utc) : s.ToUniversalTime();
                        cursor = new Cursor(utc.AddTicks(-1), long.MaxValue);
                    }
                }

                var size = Math.Clamp(limit ?? 200, 1, 500);
                // Only changes older than a few seconds are served, so a change stamped before a read but committed
                // after it is never skipped by the cursor.
                var settled = time.GetUtcNow().UtcDateTime.AddSeconds(-configuration.GetValue("Portal:UtilityFeedSettleSeconds", 2.0));
                var query = db.UtilityRequests.AsNoTracking().Include(r => r.Application).Where(r => r.Utility == u && r.CaseId != 0 && r.UpdatedAt <= settled);
                if (cursor is { } from)
                {
                    query = query.Where(r => r.UpdatedAt > from.At || (r.UpdatedAt == from.At && r.Id > from.Id));
                }

                var requests = await query.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id).Take(size + 1).ToListAsync(ct);
                var hasMore = requests.Count > size;
                requests = requests.Take(size).ToList();
                var ids = requests.Select(r => r.CaseId).ToList();
                var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
                var items = requests.Select(r =>
                {
                    var c = cases[r.CaseId];
                    return new FeedItem(c.Number, r.Application.CaseNumber, r.Utility.ToString().ToLowerInvariant(), c.State.ToString(), c.State.Label(),
                        c.HolderRole, c.StepDueAt, c.IsOverdue, r.Path, r.PathLabel, r.Rule, r.Source, r.Application.Address,
                        r.Application.Customer.ToString(), r.Application.EnterpriseName, r.Application.CreditCode, r.Application.Purpose,
                        r.Application.SurveyAt, r.Data, c.CreatedAt, r.UpdatedAt);
                }).ToList();
                var next = requests.Count > 0 ? new Cursor(requests[^1].UpdatedAt, requests[^1].Id) : cursor ?? new Cursor(DateTime.UnixEpoch, 0);
                return Results.Json(new FeedPage(u.ToString().ToLowerInvariant(), next.ToString(), hasMore, items));
            })
            .AllowAnonymous()
            .RequireRateLimiting(Setup.ThrottleSetup.Feed)
            .WithName("GetUtilityRequests")
            .WithTags("报装需求推送")
            .WithSummary("专营单位拉取本单位新增和变更的报装办件")
            .WithDescription($"在请求头 {KeyHeader} 中提供本单位的密钥。首次可用 since（UTC 时间，含）或省略以从头读取；之后把上次返回的 next 原样作为 after 传回，hasMore 为 true 时立即继续读取。按更新时间排序，每页 limit 条（默认200，最多500）。一个单位的密钥只能读取本单位的报装。")
            .Produces<FeedError>(StatusCodes.Status400BadRequest)
            .Produces<FeedPage>()
            .Produces<FeedError>(StatusCodes.Status401Unauthorized)
            .Produces<FeedError>(StatusCodes.Status403Forbidden)
            .Produces<FeedError>(StatusCodes.Status404NotFound);
    }

    private static bool Matches(string? expected, string presented) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));

    /// <summary>Where a reader stopped: the last item's change time and id (several changes can share one instant).</summary>
    private sealed record Cursor(DateTime At, long Id)
    {
        public override string ToString() => $"{At.Ticks}-{Id}";

        public static Cursor? Parse(string text)
        {
            var parts = text.Split('-');
            return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && long.TryParse(parts[1], out var id)
                && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks && id >= 0
                ? new Cursor(new DateTime(ticks, DateTimeKind.Utc), id)
                : null;
        }
    }
}
