using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Faults.Support;
using Xunit.Abstractions;

namespace Portal.Faults.TwoInstances;

/// <summary>
/// Two window clerks, each on a different portal instance of one PostgreSQL database, press 受理 on the same cases at
/// the same moment (the case page's form, carrying the version they were shown): each case is accepted once, and the
/// clerk who lost is told in Chinese that someone else got there first.
/// </summary>
public sealed class CaseActionTests(ITestOutputHelper output)
{
    private const int Cases = 12;

    private const string Marker = "双机";

    [Fact]
    public async Task Two_clerks_on_two_instances_accepting_the_same_cases_at_once_move_each_case_exactly_once()
    {
        await using var portals = await TwoPortals.StartAsync(output);
        var sessions = new List<WebSession>();
        try
        {
            // Cases that wait for the window (their business scope needs a permit: no 即报即得), submitted on both instances.
            var applicantA = await Establishment.ApplicantAsync(portals.A.Url, "13800000001");
            var applicantB = await Establishment.ApplicantAsync(portals.B.Url, "13800000002");
            sessions.Add(applicantA.Session);
            sessions.Add(applicantB.Session);
            var numbers = new List<string>();
            foreach (var index in Enumerable.Range(1, 100).Where(i => i % 4 != 0).Take(Cases))
            {
                var submitted = await Establishment.SubmitAsync(index % 2 == 0 ? applicantA : applicantB, Marker, index);
                Assert.True(submitted.Confirmed, $"submission {index} answered {submitted.Status}: {submitted.Error}");
                numbers.Add(submitted.Number!);
            }

            var first = new WebSession(portals.A.Url);
            var second = new WebSession(portals.B.Url);
            sessions.Add(first);
            sessions.Add(second);
            await first.SignInAsync("window01");
            await second.SignInAsync("window02");
            var clerks = new Dictionary<WebSession, string>
            {
                [first] = await portals.UserIdAsync("window01"),
                [second] = await portals.UserIdAsync("window02"),
            };

            // Each clerk first accepts a case alone, so that neither instance meets the race with its first 受理.
            foreach (var (clerk, index) in new[] { (first, 101), (second, 102) })
            {
                var alone = await Establishment.SubmitAsync(applicantA, Marker, index);
                Assert.True(alone.Confirmed, $"submission {index} answered {alone.Status}: {alone.Error}");
                var accepted = await clerk.SubmitAsync(await clerk.GetAsync($"/Cases/{alone.Number}"), null, [("Data.Trigger", "Accept"), ("Data.Reason", "")]);
                Assert.True(accepted.IsRedirect, $"受理 of {alone.Number} alone answered {accepted.Status}: {accepted.Text}");
            }

            // Both open every case page first (each sees the same version), then all 24 受理 go at once.
            var shown = new List<(string Number, WebSession Clerk, WebAnswer Page)>();
            foreach (var (number, i) in numbers.Select((n, i) => (n, i)))
            {
                // Who presses first alternates from case to case.
                foreach (var clerk in i % 2 == 0 ? new[] { first, second } : [second, first])
                {
                    var page = await clerk.GetAsync($"/Cases/{number}");
                    Assert.True(page.Status == 200, $"{number} answered {page.Status}: {page.Text}");
                    Assert.Contains("value=\"Accept\"", page.Form().Html, StringComparison.Ordinal);
                    shown.Add((number, clerk, page));
                }
            }

            var versions = await portals.Database.ReadAsync(db => db.Cases.AsNoTracking().Where(c => numbers.Contains(c.Number)).ToDictionaryAsync(c => c.Number, c => c.Version));
            using var gate = new SemaphoreSlim(0, shown.Count);
            var presses = shown.Select(s => Task.Run(async () =>
            {
                var fields = new List<(string, string)> { ("Data.Trigger", "Accept") };
                if (s.Page.Form().Html.Contains("name=\"Data.Reason\"", StringComparison.Ordinal))
                {
                    fields.Add(("Data.Reason", ""));
                }

                await gate.WaitAsync();
                return (s.Number, s.Clerk, Answer: await s.Clerk.SubmitAsync(s.Page, null, fields));
            })).ToList();
            gate.Release(shown.Count);
            var outcomes = await Task.WhenAll(presses);

            var stored = await portals.Database.ReadAsync(db => db.Cases.AsNoTracking().Include(c => c.History).Where(c => numbers.Contains(c.Number)).ToListAsync());
            foreach (var number in numbers)
            {
                var pair = outcomes.Where(o => o.Number == number).ToList();
                var won = pair.Where(o => o.Answer.IsRedirect).ToList();
                var lost = pair.Where(o => !o.Answer.IsRedirect).ToList();
                Assert.True(won.Count == 1, $"{number}: {won.Count} of the two 受理 succeeded: {string.Join(" | ", pair.Select(p => $"{p.Answer.Status} {p.Answer.Location}"))}");
                Assert.Equal($"/Cases/{number}", won[0].Answer.Location);

                // The loser sees the case page again with the Chinese conflict message: not an error page, nothing technical.
                var loser = Assert.Single(lost).Answer;
                Assert.Equal(200, loser.Status);
                Assert.Contains(ErrorPages.Conflict, loser.Text, StringComparison.Ordinal);
                Assert.DoesNotContain(ErrorPages.Heading, loser.Text, StringComparison.Ordinal);
                Assert.Empty(ErrorPages.LeaksIn(loser.Text));

                // One 受理 in the history, by the winner, who now owns the case (首问负责).
                var c = stored.Single(x => x.Number == number);
                var accept = Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.Accept));
                var winner = clerks[won[0].Clerk];
                Assert.Equal(winner, accept.ActorId);
                Assert.Equal(CaseState.InProgress, c.State);
                Assert.Equal(winner, c.OwnerId);
                Assert.Equal(versions[number] + 1, c.Version);
                Assert.Equal(2, c.History.Count(e => !Case.IsNote(e)));
            }

            var winsOnA = outcomes.Count(o => o.Answer.IsRedirect && o.Clerk == first);
            output.WriteLine($"受理 won on instance A: {winsOnA}, on instance B: {Cases - winsOnA}");
        }
        catch
        {
            portals.DumpLogs();
            throw;
        }
        finally
        {
            sessions.ForEach(s => s.Dispose());
        }
    }
}
