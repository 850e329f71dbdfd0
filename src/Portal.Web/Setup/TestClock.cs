using Portal.Infrastructure.Cases;

namespace Portal.Web.Setup;

/// <summary>
/// The system clock moved forward by an offset. Only used when <c>Portal:TestClock</c> is true (the end-to-end
/// tests set it): a 20-working-day notice period can then be walked through in a real browser in seconds.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}

public static class TestClock
{
    public const string Setting = "Portal:TestClock";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(Setting, false);

    /// <summary>POST /__test/clock/advance?hours=N moves the portal's clock and runs the deadline sweep once.</summary>
    public static void MapTestClock(this IEndpointRouteBuilder app)
    {
        app.MapPost("/__test/clock/advance", async (double hours, TimeProvider time, DeadlineSweeper sweeper, CancellationToken ct) =>
            {
                if (time is not ShiftedTimeProvider shifted || hours is <= 0 or > 24 * 400)
                {
                    return Results.BadRequest();
                }

                shifted.Advance(TimeSpan.FromHours(hours));
                var swept = await sweeper.SweepOnceAsync(ct);
                return Results.Json(new { now = shifted.GetUtcNow(), swept });
            })
            .AllowAnonymous()
            .DisableAntiforgery();
    }
}
