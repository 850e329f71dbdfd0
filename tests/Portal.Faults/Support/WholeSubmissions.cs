using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Web.Features.Establishment;

namespace Portal.Faults.Support;

/// <summary>
/// Reads the database after a fault and proves that every acknowledged 企业开办 submission is stored exactly once and
/// that no submission is stored in part: each case has its history, its stored deadline and its sub-items, its
/// application points at it and the reserved name points at the application; no application or reservation exists
/// without its case.
/// </summary>
public static class WholeSubmissions
{
    public sealed record Report(int StoredCases, int OurCases, int Confirmed, int StoredButNotConfirmed, long NextNumber)
    {
        public override string ToString() =>
            $"{StoredCases} 企业开办 cases stored ({OurCases} from this test: {Confirmed} acknowledged, {StoredButNotConfirmed} committed without an answer reaching the client); number counter at {NextNumber}";
    }

    /// <param name="confirmed">The case numbers the portal acknowledged (302 to /Cases/{number}).</param>
    /// <param name="marker">The word in the names of this test's submissions (see <see cref="Establishment.NameOf"/>).</param>
    public static async Task<Report> VerifyAsync(TestDatabase database, IReadOnlyCollection<string> confirmed, string marker)
    {
        await using var db = database.Open();
        var cases = await db.Cases.AsNoTracking()
            .Where(c => c.ServiceCode == EstablishmentService.Code)
            .Include(c => c.History)
            .Include(c => c.SubItems)
            .AsSplitQuery()
            .ToListAsync();
        var applications = await db.EstablishmentApplications.AsNoTracking().Include(a => a.Investors).ToListAsync();
        var reservations = await db.NameReservations.AsNoTracking().ToListAsync();
        var verifiedFilers = (await db.Users.AsNoTracking().Where(u => u.VerifiedIdNumber != null).ToListAsync())
            .Where(u => u.Level.IsVerified()).ToDictionary(u => u.Id);
        var counter = await db.NumberSequences.AsNoTracking().SingleAsync(s => s.Key == EstablishmentService.Definition.NumberPrefix);

        // Every acknowledged number exists exactly once.
        var byNumber = cases.GroupBy(c => c.Number).ToDictionary(g => g.Key, g => g.Count());
        var missing = confirmed.Where(n => !byNumber.ContainsKey(n)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged case(s) are not in the database: {string.Join(", ", missing.Take(20))}");
        Assert.True(confirmed.Distinct().Count() == confirmed.Count, "the portal acknowledged one case number twice");
        Assert.All(byNumber, n => Assert.True(n.Value == 1, $"case number {n.Key} is stored {n.Value} times"));

        // The counter is ahead of every number given out, so the next submission cannot collide with a stored one.
        var highest = cases.Select(c => long.Parse(c.Number[(c.Number.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        Assert.True(counter.Next >= highest, $"the number counter ({counter.Next}) is behind the highest stored case number ({highest})");

        // Every application that left the draft stage has its case, and every case its application.
        var caseIds = cases.Select(c => c.Id).ToHashSet();
        foreach (var a in applications.Where(a => a.Status != ApplicationStatus.Draft))
        {
            Assert.True(a.CaseId is { } id && caseIds.Contains(id), $"application {a.Id} “{a.ProposedName}” ({a.Status}) has no case (CaseId {a.CaseId})");
        }

        Assert.All(applications.Where(a => a.Status == ApplicationStatus.Draft), a => Assert.Null(a.CaseId));
        var ours = 0;
        foreach (var c in cases)
        {
            var application = applications.Where(a => a.CaseId == c.Id).ToList();
            Assert.True(application.Count == 1, $"case {c.Number} has {application.Count} applications");
            var a = application[0];
            Assert.Equal(c.ApplicantId, a.ApplicantId);
            Assert.NotEqual(ApplicationStatus.Draft, a.Status);
            Assert.True(a.Investors.Count > 0, $"the application of {c.Number} has no investors");
            Assert.Equal($"{a.ProposedName} 设立登记", c.Title);
            Assert.NotEmpty(c.History);
            var submit = Assert.Single(c.History, e => e.Action == "Submit");
            Assert.Null(submit.FromState);
            Assert.Equal(CaseState.Submitted, submit.ToState);
            Assert.Equal(EstablishmentCatalog.Items.Count, c.SubItems.Count);
            Assert.Equal(EstablishmentCatalog.Items.Count, c.SubItems.Select(i => i.Code).Distinct().Count());

            if (!a.ProposedName.Contains(marker, StringComparison.Ordinal))
            {
                continue;
            }

            // This test's submissions: just submitted, or accepted at once by the system (即报即得).
            ours++;
            Assert.Equal(ApplicationStatus.Submitted, a.Status);
            var reservation = reservations.Where(r => r.ApplicationId == a.Id).ToList();
            Assert.True(reservation.Count == 1, $"the name of {c.Number} “{a.ProposedName}” has {reservation.Count} reservations");
            Assert.Equal(a.NormalizedName, reservation[0].NormalizedName);
            Assert.Equal(a.ProposedName, reservation[0].Name);
            Assert.NotNull(c.StepStartedAt);
            Assert.NotNull(c.StepDueAt);
            Assert.NotNull(c.StepWarnAt);
            Assert.True(c.StepDueAt > c.StepStartedAt, $"{c.Number}: due {c.StepDueAt:o} is not after its step started {c.StepStartedAt:o}");
            Assert.True(c.StepWarnAt <= c.StepDueAt, $"{c.Number}: the warning {c.StepWarnAt:o} is after the deadline {c.StepDueAt:o}");
            Assert.True(c.StepLimitMinutes > 0, $"{c.Number}: no step limit stored");
            Assert.False(string.IsNullOrEmpty(c.HolderRole), $"{c.Number}: nobody holds the step");
            // 即报即得: standard scope filed by the verified legal representative named in the form.
            var instant = EstablishmentCatalog.QualifiesForInstantApproval(a.ScopeCodeList, a.OtherScope)
                && verifiedFilers.TryGetValue(a.FiledById, out var filer)
                && IdentityLevels.SamePerson(a.LegalRepresentative, a.LegalRepresentativeIdNumber, filer.FullName, filer.IdNumber);
            if (instant)
            {
                Assert.Equal(CaseState.InProgress, c.State);
                Assert.NotNull(c.AcceptedAt);
                var accept = Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.AutoAccept));
                Assert.Equal(c.StepDueAt, accept.DueAt);
                Assert.Equal(2, c.History.Count(e => !Case.IsNote(e)));
            }
            else
            {
                Assert.Equal(CaseState.Submitted, c.State);
                Assert.Equal(Roles.Window, c.HolderRole);
                Assert.Equal(c.StepDueAt, submit.DueAt);
                Assert.Equal(1, c.History.Count(e => !Case.IsNote(e)));
            }
        }

        // Every reserved name belongs to a submitted application (a rolled-back submission reserves nothing).
        var submitted = applications.Where(a => a.Status != ApplicationStatus.Draft).ToDictionary(a => a.Id);
        foreach (var r in reservations)
        {
            Assert.True(r.ApplicationId is { } id && submitted.ContainsKey(id), $"the reserved name “{r.Name}” belongs to no submitted application (ApplicationId {r.ApplicationId})");
        }

        var ourApplications = applications.Count(a => a.ProposedName.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(ours, ourApplications);
        var confirmedSet = confirmed.ToHashSet();
        var notConfirmed = cases.Count(c => c.Title.Contains(marker, StringComparison.Ordinal) && !confirmedSet.Contains(c.Number));
        return new Report(cases.Count, ours, confirmed.Count, notConfirmed, counter.Next);
    }
}
