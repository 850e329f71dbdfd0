using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>容缺承诺 on the workbench: who sees which commitment, in which order and colour, and 登记补齐.</summary>
public sealed class ToleranceTests
{
    private const string Licence = "股东会决议原件";

    private sealed record World(PortalFactory Factory, TestUser Applicant, TestUser Window, TestUser Market)
    {
        public static async Task<World> CreateAsync(PortalFactory factory) => new(
            factory,
            await factory.CreateUserAsync(Roles.Applicant, "张明"),
            await factory.CreateUserAsync(Roles.Window, "窗口甲"),
            await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员"));

        /// <summary>A case the window accepted with a missing item the applicant committed to supply by the given date.</summary>
        public async Task<string> AcceptedWithMissingAsync(string title, string item, DateOnly commitment)
        {
            var number = await Factory.SubmitCaseAsync(Applicant, title);
            await Factory.AcceptWithMissingAsync(Window, number, item, commitment);
            return number;
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Commitments_are_listed_soonest_first_red_when_past_and_yellow_within_two_working_days(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await World.CreateAsync(factory);
        var wednesday = await world.AcceptedWithMissingAsync("甲公司", "公司章程原件", new DateOnly(2026, 11, 25));
        var nextMonday = await world.AcceptedWithMissingAsync("乙公司", Licence, new DateOnly(2026, 11, 30));
        var nextTuesday = await world.AcceptedWithMissingAsync("丙公司", "住所使用证明", new DateOnly(2026, 12, 1));
        var nextWednesday = await world.AcceptedWithMissingAsync("丁公司", "法定代表人任职文件", new DateOnly(2026, 12, 2));
        var plain = await factory.SubmitCaseAsync(world.Applicant, "戊公司");
        await factory.ActNowAsync(world.Window, plain, CaseTrigger.Accept);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 30, 17), (await factory.LoadCaseAsync(nextMonday)).ToleranceDueAt);

        // Friday 10:00: two working days ahead is Tuesday 17:00 (the weekend does not count).
        factory.Time.SetChina(2026, 11, 27, 10);
        var list = await factory.CommitmentsAsync(world.Window);

        Assert.Equal(4, list.Total);
        Assert.Equal([wednesday, nextMonday, nextTuesday, nextWednesday], list.Rows.Select(r => r.Number));
        Assert.Equal(
            [DeadlineStatus.Overdue, DeadlineStatus.Warning, DeadlineStatus.Warning, DeadlineStatus.OnTrack],
            list.Rows.Select(r => r.Status.Status));
        var monday = list.Rows[1];
        Assert.Equal(Licence, monday.Item);
        Assert.Equal("2026年11月30日 17:00", monday.Due);
        Assert.Equal("张明", monday.Applicant);
        Assert.Equal("窗口甲", monday.Owner);
        Assert.Equal(Roles.Label(Department.Market.ReviewerRole()), monday.Holder);
        Assert.Equal(CaseState.InProgress.Label(), monday.State);
        Assert.Contains("已超过承诺日期", list.Rows[0].Status.Text);
        Assert.Contains("2个工作日内到期", list.Rows[2].Status.Text);

        // The holding department sees the same commitments; another department none.
        Assert.Equal(list.Rows.Select(r => r.Number), (await factory.CommitmentsAsync(world.Market)).Rows.Select(r => r.Number));
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole());
        Assert.Empty((await factory.CommitmentsAsync(tax)).Rows);

        // Exactly at the committed instant it is still yellow; one second later it is red.
        factory.Time.SetChina(2026, 12, 2, 17);
        Assert.Equal(DeadlineStatus.Warning, (await factory.CommitmentsAsync(world.Window)).Rows.Single(r => r.Number == nextWednesday).Status.Status);
        factory.Time.Set(new DateTimeOffset(2026, 12, 2, 17, 0, 1, TimeSpan.FromHours(8)));
        Assert.Equal(DeadlineStatus.Overdue, (await factory.CommitmentsAsync(world.Window)).Rows.Single(r => r.Number == nextWednesday).Status.Status);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task An_overdue_commitment_stays_red_on_the_window_list_after_the_case_is_办结_until_supplied(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await World.CreateAsync(factory);
        var done = await world.AcceptedWithMissingAsync("甲公司", Licence, new DateOnly(2026, 11, 25));
        await factory.ActNowAsync(world.Market, done, CaseTrigger.Complete);
        Assert.Equal(CaseState.Completed, (await factory.LoadCaseAsync(done)).State);

        factory.Time.SetChina(2026, 11, 27, 10);
        var row = Assert.Single((await factory.CommitmentsAsync(world.Window)).Rows);

        // The 办结 case still owes its item: listed, red, marked 办结 — until it is supplied.
        Assert.Equal(done, row.Number);
        Assert.Equal(DeadlineStatus.Overdue, row.Status.Status);
        Assert.Equal(CaseState.Completed.Label(), row.State);

        await factory.SupplyAsync(world.Window, done);
        Assert.Empty((await factory.CommitmentsAsync(world.Window)).Rows);
    }

    [Fact]
    public async Task Yellow_starts_at_the_close_of_office_two_working_days_ahead()
    {
        await using var factory = new PortalFactory();
        var world = await World.CreateAsync(factory);
        var number = await world.AcceptedWithMissingAsync("甲公司", Licence, new DateOnly(2026, 11, 26));

        async Task<DeadlineStatus> Colour() => Assert.Single((await factory.CommitmentsAsync(world.Window)).Rows).Status.Status;

        // Due Thursday 17:00. Monday: Wednesday 17:00 is two working days ahead → green; Tuesday 09:00: Thursday 17:00 → yellow.
        factory.Time.SetChina(2026, 11, 23, 16, 59);
        Assert.Equal(DeadlineStatus.OnTrack, await Colour());
        factory.Time.SetChina(2026, 11, 24, 9);
        Assert.Equal(DeadlineStatus.Warning, await Colour());
        Assert.Equal(number, Assert.Single((await factory.CommitmentsAsync(world.Window)).Rows).Number);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Supplying_records_it_in_the_history_and_a_second_supply_is_refused_in_chinese(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await World.CreateAsync(factory);
        var number = await world.AcceptedWithMissingAsync("乙公司", Licence, new DateOnly(2026, 11, 30));
        var other = await factory.SubmitCaseAsync(world.Applicant, "丙公司");
        var otherClerk = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        factory.Time.SetChina(2026, 11, 27, 10, 30);

        await factory.SupplyAsync(otherClerk, number, "  已当场核验原件  ");

        var c = await factory.LoadCaseAsync(number);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 27, 10, 30), c.ToleranceSuppliedAt);
        Assert.Equal(CaseState.InProgress, c.State);
        var note = Assert.Single(c.History, e => e.ActionLabel == $"容缺材料已补齐：{Licence}");
        Assert.Equal(Case.NoteAction, note.Action);
        Assert.Equal(otherClerk.Id, note.ActorId);
        Assert.Equal("已当场核验原件", note.Reason);
        Assert.Empty((await factory.CommitmentsAsync(world.Window)).Rows);
        Assert.Empty((await factory.CommitmentsAsync(world.Market)).Rows);

        var before = await factory.SnapshotAsync(number);
        var again = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SupplyAsync(world.Window, number));
        Assert.Equal($"容缺材料“{Licence}”已由窗口乙于2026年11月27日 10:30登记补齐，无需重复登记。", again.Message);
        Assert.Equal(before, await factory.SnapshotAsync(number));

        var nothingToSupply = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SupplyAsync(world.Window, other));
        Assert.Equal("该办件没有容缺受理的承诺事项。", nothingToSupply.Message);
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SupplyAsync(world.Window, number, new string('注', 501)));
        Assert.Contains("补齐备注不能超过500字。", tooLong.Message);

        // A case that ended without 办结 leaves the list, and nothing is recorded on it.
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "督查员");
        var rejected = await world.AcceptedWithMissingAsync("丁公司", Licence, new DateOnly(2026, 12, 1));
        await factory.ActNowAsync(world.Market, rejected, CaseTrigger.ProposeRejection, "住所属于违章建筑");
        await factory.ActNowAsync(supervisor, rejected, CaseTrigger.ApproveRejection, "同意");
        Assert.Empty((await factory.CommitmentsAsync(world.Window)).Rows);
        var ended = await Assert.ThrowsAsync<RuleViolationException>(() => factory.SupplyAsync(world.Window, rejected));
        Assert.Equal("办件已不予受理，无需登记容缺材料补齐。", ended.Message);
        Assert.Null((await factory.LoadCaseAsync(rejected)).ToleranceSuppliedAt);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_clerks_supplying_the_same_item_at_once_get_one_success_and_one_chinese_refusal(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await World.CreateAsync(factory);
        var second = await factory.CreateUserAsync(Roles.Window, "窗口乙");
        var clerks = new[] { world.Window, second };
        for (var round = 1; round <= 3; round++)
        {
            var number = await world.AcceptedWithMissingAsync($"并发{round}公司", Licence, new DateOnly(2026, 11, 30));
            var before = await factory.LoadCaseAsync(number);

            using var start = new SemaphoreSlim(0, 2);
            var attempts = clerks.Select(clerk => Task.Run(async () =>
            {
                await start.WaitAsync();
                return await Scenario.Outcome(() => factory.SupplyAsync(clerk, number));
            })).ToList();
            start.Release(2);
            var outcomes = await Task.WhenAll(attempts);

            Assert.Single(outcomes, o => o is null);
            var winner = outcomes[0] is null ? clerks[0] : clerks[1];
            var refusal = Assert.IsType<RuleViolationException>(Assert.Single(outcomes, o => o is not null));
            Assert.StartsWith($"容缺材料“{Licence}”已由{winner.Name}于", refusal.Message);
            Assert.EndsWith("登记补齐，无需重复登记。", refusal.Message);

            var after = await factory.LoadCaseAsync(number);
            Assert.NotNull(after.ToleranceSuppliedAt);
            var note = Assert.Single(after.History, e => e.ActionLabel == $"容缺材料已补齐：{Licence}");
            Assert.Equal(winner.Id, note.ActorId);
            Assert.True(after.Version > before.Version);
        }
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Applicants_and_other_departments_may_neither_see_nor_supply_a_commitment(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await World.CreateAsync(factory);
        var tax = await factory.CreateUserAsync(Department.Tax.ReviewerRole(), "税务审批员");
        var power = await factory.CreateUserAsync(Department.Power.ReviewerRole(), "供电审批员");
        var supervisor = await factory.CreateUserAsync(Roles.Supervisor, "督查员");

        // A real 企业开办 waiting for the window (catering needs a permit), accepted with a missing item: its tracks begin,
        // so the tax reviewer sees the case for its 涉税 track but does not hold the case.
        var number = (await factory.SubmitAsync(world.Applicant, EstablishmentSteps.ValidForm("枣庄惠民餐饮有限公司", "catering"))).Number;
        await factory.AcceptWithMissingAsync(world.Window, number, Licence, new DateOnly(2026, 11, 30));
        Assert.Contains(number, (await factory.QueueAsync(tax)).Rows.Select(r => r.Number));
        var before = await factory.SnapshotAsync(number);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.CommitmentsAsync(world.Applicant));
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SupplyAsync(world.Applicant, number));

        Assert.Empty((await factory.CommitmentsAsync(tax)).Rows);
        var byTax = await Assert.ThrowsAsync<ForbiddenException>(() => factory.SupplyAsync(tax, number));
        Assert.Equal(SupplyTolerance.NotAllowed, byTax.Message);

        Assert.Empty((await factory.CommitmentsAsync(power)).Rows);
        var byPower = await Assert.ThrowsAsync<NotFoundException>(() => factory.SupplyAsync(power, number));
        Assert.Equal("未找到该办件，或该办件不属于您。", byPower.Message);

        // A supervisor sees every case but neither holds nor owns this one — until it is handed over (首问负责).
        Assert.Empty((await factory.CommitmentsAsync(supervisor)).Rows);
        await Assert.ThrowsAsync<ForbiddenException>(() => factory.SupplyAsync(supervisor, number));
        Assert.Equal(before, await factory.SnapshotAsync(number));
        Assert.Null((await factory.LoadCaseAsync(number)).ToleranceSuppliedAt);

        await factory.HandOverAsync(number, supervisor, world.Window);
        Assert.Equal([number], (await factory.CommitmentsAsync(supervisor)).Rows.Select(r => r.Number));
        await factory.SupplyAsync(supervisor, number, "移交后补齐");
        Assert.NotNull((await factory.LoadCaseAsync(number)).ToleranceSuppliedAt);
    }
}
