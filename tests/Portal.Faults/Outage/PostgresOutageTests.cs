using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Notifications;
using Portal.Faults.Support;
using Xunit.Abstractions;

namespace Portal.Faults.Outage;

/// <summary>
/// PostgreSQL goes away for 10 seconds under a steady load of page reads and submissions, and comes back. Meanwhile
/// the portal answers every request with its Chinese error page (signed-in pages too) and never with anything
/// technical; afterwards the same process recovers by itself within seconds; every acknowledged submission is stored
/// exactly once and whole.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output)
{
    private const string Marker = "停库";

    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    /// <summary>"Recovers by itself within a few seconds": the last failure after the server is back ends within this.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(8);

    /// <summary>How long the load goes on after recovery, all of it answered normally.</summary>
    private static readonly TimeSpan Steady = TimeSpan.FromSeconds(4);

    private sealed record Request(string Client, bool SignedIn, string Kind, string Path, DateTime Start, DateTime End, int? Status, string Body, string? CaseNumber, string? Failure)
    {
        public bool Ok => Kind == "submit" ? CaseNumber is not null : Status == 200;
    }

    [Fact]
    public async Task Stopping_PostgreSQL_for_10_seconds_under_load_shows_the_error_page_and_the_same_portal_recovers_with_every_acknowledged_submission_whole()
    {
        await using var database = (PostgresDatabase)await TestDatabase.CreateAsync(Provider.PostgreSql);
        var portal = await PortalProcess.StartAsync("outage", database, new Dictionary<string, string>
        {
            ["Portal__SeedDemoData"] = "true",
            ["DeadlineSweep__Interval"] = "00:00:02",
            ["Notifications__Interval"] = "00:00:02",

            // A message claimed just before the server went away is taken over after this (instead of 2 minutes).
            ["Notifications__ClaimTimeout"] = "00:00:05",
        });
        var sessions = new List<WebSession>();
        try
        {
            var pid = portal.ProcessId;

            // Who loads the portal: anonymous visitors, signed-in applicants and a window clerk reading pages that need the
            // database, and three applicants submitting 企业开办 one after another.
            var readers = new List<(string Name, WebSession Session, bool SignedIn, string[] Paths)>();
            WebSession Track(WebSession s)
            {
                sessions.Add(s);
                return s;
            }

            readers.Add(("visitor 1", Track(new WebSession(portal.Url, TimeSpan.FromSeconds(30))), false, ["/", "/Notices"]));
            readers.Add(("visitor 2", Track(new WebSession(portal.Url, TimeSpan.FromSeconds(30))), false, ["/Notices", "/"]));
            foreach (var (name, user, paths) in new[]
                     {
                         ("applicant 13800000001", "13800000001", new[] { "/Cases", "/Messages" }),
                         ("applicant 13800000002", "13800000002", ["/Messages", "/Cases", "/"]),
                         ("window01", "window01", ["/Workbench", "/Hall/Window"]),
                     })
            {
                var session = Track(new WebSession(portal.Url, TimeSpan.FromSeconds(30)));
                await session.SignInAsync(user);
                readers.Add((name, session, true, paths));
            }

            // The demo 张明 is a verified account: the forms that name him as legal representative with a scope that needs no
            // permit are accepted at once (即报即得), so the outage also meets acceptance messages waiting to be sent.
            var submitters = new List<Applicant> { await Establishment.ApplicantAsync(portal.Url, "13800000001") };
            sessions.Add(submitters[0].Session);
            foreach (var k in Enumerable.Range(2, 2))
            {
                var applicant = await Establishment.ApplicantAsync(portal.Url, $"1360000{k:D4}", ($"停库申请人{k}", Establishment.IdNumber(60_000 + k)));
                sessions.Add(applicant.Session);
                submitters.Add(applicant);
            }

            // Every path answers normally before anything happens.
            foreach (var (name, session, _, paths) in readers)
            {
                foreach (var path in paths)
                {
                    var page = await session.GetAsync(path);
                    Assert.True(page.Status == 200, $"{name}: {path} answered {page.Status} before the outage:\n{page.Text}");
                }
            }

            var log = new ConcurrentQueue<Request>();
            using var stop = new CancellationTokenSource();
            var index = 0;
            var load = readers.Select(r => Task.Run(async () =>
                {
                    for (var i = 0; !stop.IsCancellationRequested; i++)
                    {
                        log.Enqueue(await ReadAsync(r.Name, r.Session, r.SignedIn, r.Paths[i % r.Paths.Length]));
                        await Task.Delay(100);
                    }
                }))
                .Concat(submitters.Select(a => Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        log.Enqueue(await SubmitAsync(a, Interlocked.Increment(ref index)));
                        await Task.Delay(150);
                    }
                })))
                .ToList();

            // Baseline, then the server stops (like a crash: immediate), stays away for 10 s and comes back.
            await Task.Delay(Baseline);
            var stopping = DateTime.UtcNow;
            await database.Cluster.StopServerAsync("immediate");
            var stopped = DateTime.UtcNow;
            output.WriteLine($"PostgreSQL stopped in {(stopped - stopping).TotalSeconds:0.00} s");
            var healthDuring = await HealthAsync(portal.Url);
            await Task.Delay(Outage);
            var starting = DateTime.UtcNow;
            await database.Cluster.StartServerAsync();
            var started = DateTime.UtcNow;
            output.WriteLine($"PostgreSQL started again in {(started - starting).TotalSeconds:0.00} s");

            // The load goes on until the portal has answered everything normally for a while (or the limit has passed).
            var until = started + RecoveryLimit + Steady + TimeSpan.FromSeconds(20);
            while (DateTime.UtcNow < until)
            {
                await Task.Delay(500);
                var lastFailure = log.Where(r => r.Start >= started && !r.Ok).Select(r => r.End).DefaultIfEmpty(started).Max();
                if (DateTime.UtcNow - lastFailure > Steady + TimeSpan.FromSeconds(1))
                {
                    break;
                }
            }

            stop.Cancel();
            await Task.WhenAll(load);
            var healthAfter = await HealthAsync(portal.Url);
            var requests = log.OrderBy(r => r.Start).ToList();

            var before = requests.Where(r => r.End <= stopping).ToList();
            var during = requests.Where(r => r.Start >= stopped && r.End <= starting).ToList();
            var after = requests.Where(r => r.Start >= started).ToList();
            var lastFailed = after.Where(r => !r.Ok).Select(r => r.End).DefaultIfEmpty(started).Max();
            output.WriteLine($"{requests.Count} requests: {before.Count} before the stop, {during.Count} during the outage, {after.Count} after the restart");
            output.WriteLine($"during the outage: {Summary(during)}");
            output.WriteLine($"after the restart: {Summary(after)}; last failure ended {(lastFailed - started).TotalSeconds:0.0} s after PostgreSQL was back");
            foreach (var failure in PortalLog.Failures(portal).Take(8))
            {
                output.WriteLine($"  portal log: {failure}");
            }

            // Nothing technical is ever shown, in any phase.
            Assert.All(requests, r => Assert.True(
                ErrorPages.LeaksIn(r.Body).Count == 0,
                $"{r.Client}: {r.Kind} {r.Path} answered {r.Status} showing {string.Join(", ", ErrorPages.LeaksIn(r.Body))}:\n{r.Body[..Math.Min(2000, r.Body.Length)]}"));

            // Before the outage everything worked.
            Assert.NotEmpty(before);
            Assert.All(before, r => Assert.True(r.Ok, $"{r.Client}: {r.Kind} {r.Path} answered {r.Status} before the outage: {r.Failure}"));

            // During the outage: the process answers every request, and with its Chinese error page (signed-in pages too).
            Assert.Contains(during, r => r.SignedIn && r.Kind == "read");
            Assert.Contains(during, r => !r.SignedIn && r.Kind == "read");
            Assert.Contains(during, r => r.Kind == "submit");
            Assert.All(during, r => Assert.True(
                r.Status is >= 500 and < 600 && ErrorPages.IsPortalErrorPage(r.Body),
                $"{r.Client}: {r.Kind} {r.Path} answered {r.Status?.ToString() ?? r.Failure} during the outage, not the error page:\n{r.Body[..Math.Min(2000, r.Body.Length)]}"));

            // Monitoring sees the outage on /healthz (503, the database Unhealthy, nothing technical) and the recovery (200).
            Assert.True(healthDuring.Status == 503 && healthDuring.Body.Contains("\"database\":{\"status\":\"Unhealthy\"", StringComparison.Ordinal), $"/healthz during the outage: {healthDuring}");
            Assert.Empty(ErrorPages.LeaksIn(healthDuring.Body));
            Assert.True(healthAfter.Status == 200 && healthAfter.Body.Contains("\"database\":{\"status\":\"Healthy\"", StringComparison.Ordinal), $"/healthz after the outage: {healthAfter}");

            // After: the same process recovers by itself within seconds and then serves everyone normally.
            Assert.False(portal.HasExited, "the portal process exited");
            Assert.Equal(pid, portal.ProcessId);
            Assert.True(lastFailed - started <= RecoveryLimit, $"the portal still failed {(lastFailed - started).TotalSeconds:0.0} s after PostgreSQL was back:\n{string.Join('\n', after.Where(r => !r.Ok).Take(10).Select(r => $"{r.End:HH:mm:ss.fff} {r.Client} {r.Path} {r.Status} {r.Failure}"))}");
            var recovered = after.Where(r => r.Start > lastFailed).ToList();
            Assert.Contains(recovered, r => r.Kind == "submit");
            Assert.Contains(recovered, r => r.SignedIn && r.Kind == "read");
            Assert.Contains(recovered, r => !r.SignedIn && r.Kind == "read");
            Assert.True(recovered.Max(r => r.End) - lastFailed >= Steady, "the load did not go on long enough after the recovery");

            // Every submission acknowledged before, during or after the outage is stored once and whole.
            var confirmed = requests.Where(r => r.CaseNumber is not null).Select(r => r.CaseNumber!).ToList();
            Assert.Contains(before, r => r.CaseNumber is not null);
            var report = await WholeSubmissions.VerifyAsync(database, confirmed, Marker);
            output.WriteLine(report.ToString());

            // The background work recovers too: every message (the 即报即得 acceptances among them) goes out once.
            var sentBy = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (await database.ReadAsync(db => db.Notifications.AnyAsync(n => n.Delivery != DeliveryState.Sent)))
            {
                Assert.True(DateTime.UtcNow < sentBy, "notifications were still unsent 30 s after the outage");
                await Task.Delay(500);
            }

            var notifications = await database.ReadAsync(db => db.Notifications.AsNoTracking().ToListAsync());
            Assert.Contains(notifications, n => n.CreatedAt >= started);
            Assert.All(notifications, n => Assert.Equal(1, n.Attempts));
        }
        catch
        {
            output.WriteLine($"--- portal ---\n{portal.Tail(120)}");
            throw;
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
            await portal.DisposeAsync();
        }
    }

    private static async Task<Request> ReadAsync(string client, WebSession session, bool signedIn, string path)
    {
        var start = DateTime.UtcNow;
        try
        {
            var page = await session.GetAsync(path);
            return new Request(client, signedIn, "read", path, start, DateTime.UtcNow, page.Status, page.Text, null, page.Status == 200 ? null : Title(page.Text));
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return new Request(client, signedIn, "read", path, start, DateTime.UtcNow, null, "", null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static async Task<Request> SubmitAsync(Applicant applicant, int index)
    {
        var start = DateTime.UtcNow;
        try
        {
            var answer = await Establishment.PostAsync(applicant, Marker, index);
            return new Request(applicant.UserName, true, "submit", Establishment.SubmitPath, start, DateTime.UtcNow, answer.Status, answer.Text, answer.CaseNumber, answer.CaseNumber is null ? Title(answer.Text) : null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return new Request(applicant.UserName, true, "submit", Establishment.SubmitPath, start, DateTime.UtcNow, null, "", null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    /// <summary>The page's title (read by AngleSharp), else the start of the body.</summary>
    private static string Title(string text) =>
        new PortalHtml(text).Document.QuerySelector("head > title")?.TextContent is { } title ? title
        : text.Length == 0 ? "(empty body)" : text[..Math.Min(120, text.Length)];

    /// <summary>What /healthz answers, as a monitoring probe sees it.</summary>
    private static async Task<(int Status, string Body)> HealthAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var answer = await http.GetAsync(url + "/healthz");
        return ((int)answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    private static string Summary(IEnumerable<Request> requests) =>
        string.Join(", ", requests.GroupBy(r => $"{r.Kind}{(r.SignedIn ? " signed-in" : "")} → {(r.Status?.ToString() ?? "no answer")} {(r.Ok ? "ok" : r.Failure)}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()}× {g.Key}"));
}
