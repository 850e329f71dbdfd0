using Portal.Infrastructure.Cases;

namespace Portal.Web.Setup;

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
