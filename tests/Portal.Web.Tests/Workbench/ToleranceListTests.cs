using System.Net;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Web.Features.Workbench;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Workbench;

/// <summary>
/// The 容缺 commitments list read as one range of open commitments in due order (ToleranceQueue): more commitments
/// than a page holds, supplied ones left out wherever they stand, paused cases kept, the page's count line.
/// </summary>
public sealed class ToleranceListTests
{
    private const int Commitments = 55;

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_fifty_soonest_open_commitments_are_listed_in_due_order_without_the_supplied_ones(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var market = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员");

        // Committed dates from 1 December on, given in a shuffled order (i × 7 mod 55 visits every day once); the
        // first two cases committed to the same day.
        var byDue = new List<(DateOnly Due, int Order, string Number)>();
        for (var i = 0; i < Commitments; i++)
        {
            var due = new DateOnly(2026, 12, 1).AddDays(i == 1 ? 0 : i * 7 % Commitments);
            var number = await factory.SubmitCaseAsync(applicant, $"容缺{i:D2} 设立登记");
            await factory.AcceptWithMissingAsync(window, number, $"股东会决议原件{i:D2}", due);
            byDue.Add((due, i, number));
        }

        var plain = await factory.SubmitCaseAsync(applicant, "普通受理 设立登记");
        await factory.ActNowAsync(window, plain, CaseTrigger.Accept);
        var ordered = byDue.OrderBy(x => x.Due).ThenBy(x => x.Order).Select(x => x.Number).ToList();
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 1, 17), (await factory.LoadCaseAsync(ordered[0])).ToleranceDueAt);

        // Supplied: the soonest and one in the middle. Paused for a 补正: still owed, still listed.
        await factory.SupplyAsync(window, ordered[0]);
        await factory.SupplyAsync(market, ordered[20]);
        await factory.ActNowAsync(market, ordered[5], CaseTrigger.RequestSupplement, "公司章程");
        Assert.Equal(CaseState.AwaitingSupplement, (await factory.LoadCaseAsync(ordered[5])).State);
        var open = ordered.Where((_, i) => i is not 0 and not 20).ToList();

        var atWindow = await factory.CommitmentsAsync(window);
        Assert.Equal(Commitments - 2, atWindow.Total);
        Assert.Equal(Queue.MaxRows, atWindow.Rows.Count);
        Assert.Equal(open.Take(Queue.MaxRows), atWindow.Rows.Select(r => r.Number));

        // The department sees the commitments of the cases it holds: not the one now with the applicant for its 补正.
        var held = open.Where(n => n != ordered[5]).ToList();
        var atMarket = await factory.CommitmentsAsync(market);
        Assert.Equal(Commitments - 3, atMarket.Total);
        Assert.Equal(held.Take(Queue.MaxRows), atMarket.Rows.Select(r => r.Number));

        var rows = (await factory.CommitmentsAsync(window)).Rows;
        Assert.DoesNotContain(plain, rows.Select(r => r.Number));
        Assert.Equal("2026年12月1日 17:00", rows[0].Due);
        Assert.Equal(CaseState.AwaitingSupplement.Label(), rows.Single(r => r.Number == ordered[5]).State);
        Assert.Equal(Roles.Label(Roles.Applicant), rows.Single(r => r.Number == ordered[5]).Holder);

        // Supplying the rest of the first page brings the later ones up; only the open ones are ever counted.
        foreach (var number in open.Take(10))
        {
            await factory.SupplyAsync(window, number);
        }

        var later = await factory.CommitmentsAsync(window);
        Assert.Equal(Commitments - 12, later.Total);
        Assert.Equal(open.Skip(10), later.Rows.Select(r => r.Number));

        // The page: the count line when not every commitment is shown, and the section's rows in due order.
        foreach (var number in open.Skip(10).Take(3))
        {
            await factory.SupplyAsync(window, number);
        }

        using var session = await new HttpSession(factory).SignedInAsync(window);
        var page = await session.GetAsync("/Workbench");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains($"容缺承诺（{Commitments - 15}）", page.Text);
        Assert.DoesNotContain("显示承诺日期最近的", page.Text);
        Assert.Equal(open.Skip(13), CommitmentRows(page));

        // Eleven more, committed to a later day: 51 open commitments, the page shows the 50 soonest and says so.
        var added = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            var number = await factory.SubmitCaseAsync(applicant, $"追加{i:D2} 设立登记");
            await factory.AcceptWithMissingAsync(window, number, "法定代表人任职文件", new DateOnly(2027, 3, 1));
            added.Add(number);
        }

        var full = await session.GetAsync("/Workbench");
        Assert.Contains($"容缺承诺（{Commitments - 15 + 11}）", full.Text);
        Assert.Contains($"共 {Commitments - 15 + 11} 件，显示承诺日期最近的 {Queue.MaxRows} 件", full.Text);
        Assert.Equal(open.Skip(13).Concat(added.Take(10)), CommitmentRows(full));
    }

    private static List<string> CommitmentRows(HttpPage page)
    {
        var table = page.Html.ByTestId("workbench-tolerance");
        Assert.True(table is not null, $"{page.Url} has no 容缺 table");
        return table.QuerySelectorAll("tr[class^='row-'][data-case]").Select(row => row.GetAttribute("data-case")!).ToList();
    }
}
