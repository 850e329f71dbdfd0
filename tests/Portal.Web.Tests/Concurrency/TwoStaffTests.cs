using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Concurrency;

/// <summary>Two members of staff acting on one case at the same moment, and many applicants submitting at once.</summary>
public sealed class TwoStaffTests
{
    private const string ConflictText = "该办件已被其他工作人员处理";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_window_clerks_accepting_the_same_case_at_once_get_one_success_and_one_conflict(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var first = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var second = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var number = await factory.SubmitCaseAsync(applicant);
        var shownToFirst = await factory.ShownVersionAsync(first, number);
        var shownToSecond = await factory.ShownVersionAsync(second, number);
        Assert.Equal(shownToFirst, shownToSecond);

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { first, second }.Select(clerk => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.ActAsync(clerk, number, CaseTrigger.Accept, shownToFirst));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        var failure = Assert.Single(outcomes, o => o is not null);
        var conflict = Assert.IsType<ConflictException>(failure);
        Assert.StartsWith(ConflictText, conflict.Message);

        var history = await factory.HistoryAsync(number);
        var accept = Assert.Single(history, e => e.Action == nameof(CaseTrigger.Accept));
        var winner = outcomes[0] is null ? first : second;
        Assert.Equal(winner.Id, accept.ActorId);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(shownToFirst + 1, c.Version);
        Assert.Equal(winner.Id, c.OwnerId);
        Assert.Equal(2, history.Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Acting_on_a_stale_page_is_a_conflict_that_changes_nothing(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole());
        var number = await factory.SubmitCaseAsync(applicant);
        var stale = await factory.ShownVersionAsync(window, number);
        await factory.ActNowAsync(window, number, CaseTrigger.Accept);
        var before = await factory.SnapshotAsync(number);

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            factory.ActAsync(market, number, CaseTrigger.Complete, stale));

        Assert.StartsWith(ConflictText, conflict.Message);
        Assert.Equal(before, await factory.SnapshotAsync(number));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Same_form_posted_twice_moves_the_case_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var shown = await factory.ShownVersionAsync(window, number);

        await factory.ActAsync(window, number, CaseTrigger.RequestSupplement, shown, "公司章程");
        var again = await Assert.ThrowsAsync<ConflictException>(() =>
            factory.ActAsync(window, number, CaseTrigger.RequestSupplement, shown, "公司章程"));

        Assert.StartsWith(ConflictText, again.Message);
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.AwaitingSupplement, c.State);
        Assert.Equal(1, c.SupplementCount);
        Assert.Equal(shown + 1, c.Version);
        Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.RequestSupplement));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Same_form_posted_twice_at_the_same_moment_moves_the_case_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var shown = await factory.ShownVersionAsync(window, number);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            Scenario.Outcome(() => factory.ActAsync(window, number, CaseTrigger.Accept, shown)))));

        Assert.Single(outcomes, o => o is null);
        Assert.IsType<ConflictException>(Assert.Single(outcomes, o => o is not null));
        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(CaseState.InProgress, c.State);
        Assert.Equal(shown + 1, c.Version);
        Assert.Single(c.History, e => e.Action == nameof(CaseTrigger.Accept));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Thirty_simultaneous_submissions_get_thirty_distinct_numbers(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        var numbers = await Task.WhenAll(Enumerable.Range(1, 30).Select(i =>
            Task.Run(() => factory.SubmitCaseAsync(applicant, $"并发提交 {i}"))));

        Assert.Equal(30, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^QYKB-20261123-\d{6}$", n));
        Assert.Equal(
            Enumerable.Range(1, 30).Select(i => $"QYKB-20261123-{i:D6}"),
            numbers.Order(StringComparer.Ordinal));
        var stored = await factory.WithDb(db => db.Cases.AsNoTracking().Select(c => c.Number).ToListAsync());
        Assert.Equal(numbers.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
        var counter = await factory.WithDb(db => db.NumberSequences.AsNoTracking().SingleAsync(s => s.Key == "QYKB"));
        Assert.Equal(30, counter.Next);
    }
}
