using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Portal.Faults.Support;
using Xunit.Abstractions;

namespace Portal.Faults.Crash;

/// <summary>
/// The portal process is killed with SIGKILL while 200 企业开办 submissions (each with its files) are being sent, then started again on the
/// same database: what it acknowledged is there exactly once, and nothing is half-written.
/// </summary>
public sealed class KillDuringSubmissionsTests(ITestOutputHelper output)
{
    private const int Submissions = 200;

    /// <summary>The process is killed as soon as the clients have seen this many acknowledgements …</summary>
    private const int KillAfterAcknowledged = 50;

    /// <summary>
    /// … or the database holds this many of the 200, whichever comes first. Answers can lag far behind commits (on SQLite
    /// a burst of 200 had 170 cases stored before the first answer was sent), so the kill waits for answers as long as it
    /// can while still leaving submissions in flight.
    /// </summary>
    private const int KillAfterStored = 195;

    private const string Marker = "断电";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Killing_the_portal_during_200_submissions_keeps_every_acknowledged_case_once_and_none_half_written(Provider provider)
    {
        var clock = Stopwatch.StartNew();
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string> { ["Portal__SeedDemoData"] = "true" };
        var portal = await PortalProcess.StartAsync("before the kill", database, settings);
        PortalProcess? restarted = null;
        var applicants = new List<Applicant>();
        try
        {
            output.WriteLine($"{provider}: portal started in {clock.Elapsed.TotalSeconds:0.0} s");

            // Ten applicants: the two demo ones and eight registered through the registration form.
            applicants.Add(await Establishment.ApplicantAsync(portal.Url, "13800000001"));
            applicants.Add(await Establishment.ApplicantAsync(portal.Url, "13800000002"));
            foreach (var k in Enumerable.Range(1, 8))
            {
                applicants.Add(await Establishment.ApplicantAsync(portal.Url, $"1370000{k:D4}", ($"申请人{k}", Establishment.IdNumber(50_000 + k))));
            }

            // One submission first, so that the 200 meet a warmed-up portal rather than its first compilation.
            var warmUp = await Establishment.SubmitAsync(applicants[0], Marker, 0);
            Assert.True(warmUp.Confirmed, $"the first submission was not acknowledged: {warmUp.Status} {warmUp.Error}");

            // 200 from ten browsers; SIGKILL as soon as 50 are acknowledged (or 195 stored). The portal runs
            // at a lower CPU priority than the test from here, so that its answers are read as they arrive.
            await portal.LowerPriorityAsync();
            var outcomes = new ConcurrentBag<Submission>();
            var acknowledged = 0;
            using var gate = new SemaphoreSlim(0, applicants.Count);
            // Each browser sends its forms one after another, as a person does: an applicant has one draft, and the
            // files chosen on it go with the submission that takes them (ADR 0018), so a person's submissions at the
            // same instant would share their files. Ten browsers keep ten submissions in flight until the kill.
            var posts = Enumerable.Range(0, applicants.Count).Select(b => Task.Run(async () =>
            {
                await gate.WaitAsync();
                foreach (var i in Enumerable.Range(1, Submissions).Where(i => i % applicants.Count == b))
                {
                    if (portal.HasExited || Volatile.Read(ref acknowledged) >= KillAfterAcknowledged)
                    {
                        return;
                    }

                    var outcome = await Establishment.SubmitAsync(applicants[b], Marker, i);
                    outcomes.Add(outcome);
                    if (outcome.Confirmed && Interlocked.Increment(ref acknowledged) >= KillAfterAcknowledged)
                    {
                        portal.Kill();
                    }
                }
            })).ToList();
            using (var killSwitch = KillSwitch.Arm(portal, database, () => Volatile.Read(ref acknowledged), KillAfterAcknowledged, KillAfterStored))
            {
                gate.Release(applicants.Count);
                if (!killSwitch.Wait(TimeSpan.FromSeconds(120)))
                {
                    output.WriteLine("the kill switch did not fire within 120 s: killing now");
                }

                killSwitch.Fire();
                output.WriteLine($"killed {killSwitch.FiredAfter.TotalSeconds:0.00} s after firing, with {killSwitch.NewCasesAtKill} of them stored and {Volatile.Read(ref acknowledged)} acknowledgements seen");
            }

            await portal.KillAndWaitAsync();
            await Task.WhenAll(posts);

            var results = outcomes.OrderBy(o => o.Index).ToList();
            var confirmed = results.Where(o => o.Confirmed).Select(o => o.Number!).Append(warmUp.Number!).ToList();
            var cutOff = results.Count(o => o.CutOff);
            var refused = results.Where(o => !o.Confirmed && !o.CutOff).ToList();
            output.WriteLine($"{confirmed.Count - 1} of {Submissions} acknowledged, {cutOff} cut off, {refused.Count} answered otherwise");
            foreach (var failure in PortalLog.Failures(portal).Take(10))
            {
                output.WriteLine($"  portal log: {failure}");
            }

            // The kill really cut submissions off (otherwise this test proves nothing).
            Assert.True(confirmed.Count - 1 < Submissions, "every submission was acknowledged before the kill: nothing was cut off");
            Assert.True(cutOff > 0, "no request was in flight when the process was killed");

            // Every answer that did arrive before the kill is an acknowledgement: a valid form is never refused under load.
            Assert.True(
                refused.Count == 0,
                $"{refused.Count} valid submissions were answered without a case before the kill " +
                $"({string.Join(", ", refused.GroupBy(r => r.Status).Select(g => $"{g.Count()}× {g.Key}"))}); portal log:\n" +
                string.Join('\n', PortalLog.Failures(portal).Take(10)));

            // Started again on the same database: nothing acknowledged is lost, nothing is half-written.
            restarted = await PortalProcess.StartAsync("after the kill", database, settings);
            var report = await WholeSubmissions.VerifyAsync(database, confirmed, Marker);
            output.WriteLine(report.ToString());

            // The restarted portal shows a confirmed case to its owner, and numbers a new submission after the stored ones.
            var sample = results.Where(o => o.Confirmed).Take(3).ToList();
            foreach (var s in sample)
            {
                var owner = applicants[s.Index % applicants.Count];
                using var browser = new WebSession(restarted.Url);
                await browser.SignInAsync(owner.UserName);
                var page = await browser.GetAsync($"/Cases/{s.Number}");
                Assert.True(page.Status == 200, $"the restarted portal answered {page.Status} for {s.Number} to its owner:\n{page.Text}");
                Assert.Contains(s.Number!, page.Text, StringComparison.Ordinal);
                Assert.Contains(s.Name, page.Text, StringComparison.Ordinal);
            }

            var again = await Establishment.ApplicantAsync(restarted.Url, applicants[1].UserName);
            applicants.Add(again);
            var after = await Establishment.SubmitAsync(again, Marker, Submissions + 1);
            Assert.True(after.Confirmed, $"a submission after the restart was not acknowledged: {after.Status} {after.Error}");
            var stored = await database.ReadAsync(db => db.Cases.AsNoTracking().Select(c => c.Number).ToListAsync());
            Assert.Single(stored, n => n == after.Number);
            await WholeSubmissions.VerifyAsync(database, [.. confirmed, after.Number!], Marker);
            output.WriteLine($"{provider}: done in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            output.WriteLine($"--- portal before the kill ---\n{portal.Tail()}");
            if (restarted is not null)
            {
                output.WriteLine($"--- portal after the kill ---\n{restarted.Tail()}");
            }

            throw;
        }
        finally
        {
            applicants.ForEach(a => a.Session.Dispose());
            await portal.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }
}
