using System.Threading.RateLimiting;

namespace Portal.Web.Features.Notices;

/// <summary>
/// Keeps floods off the public objection and claim forms: a fixed number of submissions per client address per
/// minute, and a ceiling for everyone together. A refused submission is not stored and the form is shown
/// again with what was typed, so nothing a real person wrote is lost.
/// </summary>
public sealed class NoticeFloodGuard : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public NoticeFloodGuard(IConfiguration configuration)
    {
        var perClient = configuration.GetValue("Portal:Notices:PerClientPerMinute", 5);
        var total = configuration.GetValue("Portal:Notices:TotalPerMinute", 120);
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ => Options(perClient))),
            PartitionedRateLimiter.Create<string, string>(_ => RateLimitPartition.GetFixedWindowLimiter("all", _ => Options(total))));
    }

    public const string Refused = "提交过于频繁，本次提交未被记录。您填写的内容仍保留在表单中，请一分钟后再提交。";

    public bool TryEnter(string client)
    {
        using var lease = limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();

    private static FixedWindowRateLimiterOptions Options(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
