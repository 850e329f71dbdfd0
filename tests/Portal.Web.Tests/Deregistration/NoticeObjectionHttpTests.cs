using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Notices;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Deregistration;

/// <summary>
/// The public objection form of a 简易注销 notice over real HTTP, as an anonymous visitor: antiforgery token and
/// one-time submission key from the GET, validation in Chinese with the typed text kept, encoding on the staff page,
/// the end of the notice, double submission and the flood limit.
/// </summary>
public sealed class NoticeObjectionHttpTests
{
    private const string Objector = "赵德胜";
    private const string Phone = "13912345678";
    private const string Reason = "该企业尚欠我公司货款3万元未结清，不符合简易注销条件。";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Valid_objection_is_stored_and_shown_in_the_case_history(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        factory.Time.SetChina(2026, 12, 1, 10);
        using var visitor = new HttpSession(factory);
        var form = await visitor.NoticeFormAsync(number);
        var key = form.InputValue("Data.SubmissionKey");

        var answer = await visitor.PostObjectionAsync(form, Objector, Phone, Reason);

        Assert.True(answer.Status == HttpStatusCode.Redirect, answer.ToString());
        Assert.Equal($"/Notices/{number}", answer.RedirectPath);
        var after = await visitor.GetAsync(answer.RedirectPath!);
        Assert.Contains("异议已提交，受理编号 YY", after.Text);

        var response = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(NoticeResponseKind.Objection, response.Kind);
        Assert.Equal(Objector, response.Name);
        Assert.Equal(Phone, response.Contact);
        Assert.Equal(Reason, response.Content);
        Assert.Null(response.Amount);
        Assert.Equal(key, response.SubmissionKey);
        Assert.Equal(NoticeDecision.Pending, response.Decision);
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 1, 10), response.FiledAt);

        var note = Assert.Single(await factory.NotesAsync(number, "收到公示异议"));
        Assert.Equal(Reason, note.Reason);
        Assert.Equal(CaseActor.Public.UserId, note.ActorId);
        Assert.Equal(CaseState.NoticePeriod, note.ToState);
        var timeline = (await factory.SendAs(world.Market, new CaseView.Query { Number = number })).Timeline;
        Assert.Contains(timeline, s => s.Title == "收到公示异议" && s.Reason == Reason && s.Note);
        Assert.Equal(CaseState.NoticePeriod, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Script_in_an_objection_is_stored_verbatim_and_shown_encoded_on_the_staff_case_page(Provider provider)
    {
        const string script = "<script>alert(1)</script>";
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);

        var answer = await visitor.PostObjectionAsync(await visitor.NoticeFormAsync(number), "<b>坏人</b>", Phone, script);

        Assert.True(answer.Status == HttpStatusCode.Redirect, answer.ToString());
        var stored = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(script, stored.Content);
        Assert.Equal("<b>坏人</b>", stored.Name);

        using var staff = await new HttpSession(factory).SignedInAsync(world.Market);
        var page = await staff.GetAsync($"/Cases/{number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain(script, page.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>坏人</b>", page.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Body);
        // Shown in the objections table and in the history, as text.
        Assert.Contains(script, page.Text);
        Assert.Contains("data-testid=\"responses\"", page.Body);
        Assert.True(page.Text.Split(script).Length - 1 >= 2, "the objection's text should be shown in the panel and in the history");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Overlong_objection_is_refused_in_chinese_and_the_typed_text_stays_in_the_form(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);
        var form = await visitor.NoticeFormAsync(number);
        var key = form.InputValue("Data.SubmissionKey");
        var content = string.Concat(Enumerable.Repeat("该企业尚欠货款未结清。", 91)) + "异议"; // 11 × 91 + 2 = 1003 characters
        Assert.Equal(1003, content.Length);

        var answer = await visitor.PostObjectionAsync(form, Objector, Phone, content);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("异议理由或债权说明不能超过1000字（现为1003字）。", answer.Text);
        Assert.Equal(content, answer.TextArea("Data.Content"));
        Assert.Equal(Objector, answer.InputValue("Data.Name"));
        Assert.Equal(Phone, answer.InputValue("Data.Contact"));
        // The same form (same one-time key) is shown again, so a corrected retry is still stored once.
        Assert.Equal(key, answer.InputValue("Data.SubmissionKey"));
        Assert.Equal(0, await factory.ResponseCountAsync());
        Assert.Empty(await factory.NotesAsync(number, "收到公示异议"));

        // Exactly 1000 characters is accepted.
        var corrected = await visitor.PostObjectionAsync(answer, Objector, Phone, content[..1000]);
        Assert.True(corrected.Status == HttpStatusCode.Redirect, corrected.ToString());
        Assert.Equal(content[..1000], Assert.Single((await factory.ApplicationAsync(number)).Responses).Content);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Objection_without_a_contact_is_refused_in_chinese_and_the_typed_text_stays_in_the_form(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);

        var missing = await visitor.PostObjectionAsync(await visitor.NoticeFormAsync(number), Objector, "", Reason);

        Assert.True(missing.Status == HttpStatusCode.OK, $"an objection without a contact was answered with {(int)missing.Status} {missing.Status}");
        Assert.Contains("请留下联系方式（手机号、固定电话或电子邮箱），以便答复。", missing.Text);
        Assert.Equal(Reason, missing.TextArea("Data.Content"));
        Assert.Equal(0, await factory.ResponseCountAsync());
        Assert.Empty(await factory.NotesAsync(number, "收到公示异议"));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Objection_with_an_unusable_contact_is_refused(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);

        var unusable = await visitor.PostObjectionAsync(await visitor.NoticeFormAsync(number), Objector, "请打电话", Reason);

        Assert.Equal(HttpStatusCode.OK, unusable.Status);
        Assert.Contains("联系方式应为手机号、带区号的固定电话或电子邮箱。", unusable.Text);
        Assert.Equal("请打电话", unusable.InputValue("Data.Contact"));
        Assert.Equal(0, await factory.ResponseCountAsync());
    }

    /// <summary>The same rule for a request that does not come through the page's model binding (blank, not missing).</summary>
    [Theory]
    [InlineData(Provider.Sqlite, "")]
    [InlineData(Provider.Sqlite, "   ")]
    [InlineData(Provider.PostgreSql, "")]
    public async Task Objection_with_a_blank_contact_is_refused_and_not_stored(Provider provider, string contact)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();

        var failure = await Scenario.Outcome(() => factory.FileAsync(number, Objector, contact, Reason));

        var stored = (await factory.ApplicationAsync(number)).Responses;
        Assert.True(
            failure is Portal.Web.Common.ValidationFailedException,
            $"a blank contact was {(failure is null ? "accepted" : $"refused with {failure.GetType().Name}: {failure.Message}")}; stored objections: "
            + string.Join(", ", stored.Select(r => $"{r.Name} contact='{r.Contact}'")));
        Assert.Contains(((Portal.Web.Common.ValidationFailedException)failure!).Errors, e => e.Message == "请留下联系方式（手机号、固定电话或电子邮箱），以便答复。");
        Assert.Empty(stored);
    }

    /// <summary>A double click that reaches two servers (or two threads) at once: one objection, both get the receipt.</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Same_form_arriving_twice_at_the_same_moment_is_stored_once_and_both_get_a_receipt(Provider provider)
    {
        const int rounds = 5;
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();

        var failures = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            var key = Guid.NewGuid().ToString("N");
            using var start = new SemaphoreSlim(0, 2);
            var posts = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await start.WaitAsync();
                try
                {
                    return (Receipt: await factory.FileAsync(number, Objector, Phone, $"{Reason}（第{round + 1}次）", key: key), Error: (Exception?)null);
                }
                catch (Exception ex)
                {
                    return (Receipt: (string?)null, Error: ex);
                }
            })).ToList();
            start.Release(2);
            var outcomes = await Task.WhenAll(posts);
            failures.AddRange(outcomes.Where(o => o.Error is not null).Select(o => $"round {round + 1}: {o.Error!.GetType().Name}: {o.Error.Message}"));
            if (outcomes.All(o => o.Receipt is not null))
            {
                Assert.Equal(outcomes[0].Receipt, outcomes[1].Receipt);
            }
        }

        Assert.Equal(rounds, await factory.ResponseCountAsync());
        Assert.Equal(rounds, (await factory.NotesAsync(number, "收到公示异议")).Count);
        Assert.True(failures.Count == 0, "a duplicate of a form being stored failed instead of getting the receipt:\n" + string.Join("\n", failures));
    }

    /// <summary>Two people objecting at the same moment: each objection is stored (neither is refused because of the other).</summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Objections_of_two_people_arriving_at_the_same_moment_are_both_stored(Provider provider)
    {
        const int rounds = 3;
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();

        var failures = new List<string>();
        for (var round = 0; round < rounds; round++)
        {
            using var start = new SemaphoreSlim(0, 2);
            var r = round;
            var posts = new[] { ("赵德胜", "13912345678"), ("钱多多", "0632-3312345") }.Select(p => Task.Run(async () =>
            {
                await start.WaitAsync();
                return await Scenario.Outcome(() => factory.FileAsync(number, p.Item1, p.Item2, $"{p.Item1}的第{r + 1}条异议：该企业尚欠货款。"));
            })).ToList();
            start.Release(2);
            failures.AddRange((await Task.WhenAll(posts)).OfType<Exception>().Select(e => $"round {r + 1}: {e.GetType().Name}: {e.Message}"));
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {2 * rounds} objections were refused:\n" + string.Join("\n", failures));
        Assert.Equal(2 * rounds, await factory.ResponseCountAsync());
        Assert.Equal(2 * rounds, (await factory.NotesAsync(number, "收到公示异议")).Count);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Form_without_its_submission_key_is_refused_with_the_chinese_form_expired_message(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);
        var form = await visitor.NoticeFormAsync(number);

        var answer = await visitor.SubmitAsync(form, null, ("Data.SubmissionKey", ""), ("Data.Name", Objector), ("Data.Contact", Phone), ("Data.Content", Reason));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(0, await factory.ResponseCountAsync());
        var alert = answer.Html.Document.QuerySelector("div.alert.alert-error[role=alert]");
        Assert.True(alert is not null, answer.ToString());
        var errors = alert.QuerySelectorAll("li").Select(li => li.TextContent).ToList();
        Assert.Contains("表单已失效，请刷新页面后重新填写。", errors);
        Assert.All(errors, e => Assert.DoesNotContain("Submission", e, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Objection_posted_after_the_notice_ended_is_refused(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        factory.Time.SetChina(2026, 12, 21, 16, 50);
        using var visitor = new HttpSession(factory);
        var form = await visitor.NoticeFormAsync(number);

        // The visitor is slow: the notice ends (Mon 21 Dec 17:00) before they post; the sweep has not run yet.
        factory.Time.SetChina(2026, 12, 21, 17, 5);
        var answer = await visitor.PostObjectionAsync(form, Objector, Phone, Reason);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("该企业的简易注销公示期已于2026年12月21日 17:00届满，不再受理异议。", answer.Text);
        Assert.Equal(0, await factory.ResponseCountAsync());
        Assert.Empty(await factory.NotesAsync(number, "收到公示异议"));
        Assert.Equal(CaseState.NoticePeriod, (await factory.LoadCaseAsync(number)).State);

        // The page no longer offers the form.
        var closed = await visitor.GetAsync($"/Notices/{number}");
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.NotNull(closed.TestId("notice-closed"));
        Assert.DoesNotContain("data-testid=\"objection-form\"", closed.Body);

        // And the sweep moves on: no objection holds it.
        factory.Time.SetChina(2026, 12, 22, 9);
        await factory.SweepAsync();
        Assert.Equal(CaseState.FinalReview, (await factory.LoadCaseAsync(number)).State);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Same_form_posted_twice_is_stored_once(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);
        var form = await visitor.NoticeFormAsync(number);

        var first = await visitor.PostObjectionAsync(form, Objector, Phone, Reason);
        var firstReceipt = (await visitor.GetAsync($"/Notices/{number}")).Text;
        var second = await visitor.PostObjectionAsync(form, Objector, Phone, Reason);
        var secondReceipt = (await visitor.GetAsync($"/Notices/{number}")).Text;

        Assert.True(first.Status == HttpStatusCode.Redirect, first.ToString());
        Assert.True(second.Status == HttpStatusCode.Redirect, second.ToString());
        Assert.Equal(1, await factory.ResponseCountAsync());
        Assert.Single(await factory.NotesAsync(number, "收到公示异议"));
        // Both answers give the receipt of the one stored objection.
        var id = Assert.Single((await factory.ApplicationAsync(number)).Responses).Id;
        Assert.Contains($"受理编号 YY{id:D6}", firstReceipt);
        Assert.Contains($"受理编号 YY{id:D6}", secondReceipt);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Flood_of_objections_from_one_client_stores_only_the_allowed_number_and_keeps_the_rest_in_the_form(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        factory.Settings["Portal:Notices:PerClientPerMinute"] = "3";
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);

        var answers = new List<(string Content, HttpPage Answer)>();
        for (var i = 1; i <= 10; i++)
        {
            var content = $"第{i}条异议：该企业尚有未结清的债务。";
            answers.Add((content, await visitor.PostObjectionAsync(await visitor.NoticeFormAsync(number), $"异议人{i}", $"1391234{i:D4}", content)));
        }

        var stored = answers.Where(a => a.Answer.Status == HttpStatusCode.Redirect).ToList();
        var refused = answers.Where(a => a.Answer.Status != HttpStatusCode.Redirect).ToList();
        Assert.Equal(3, stored.Count);
        Assert.Equal(7, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.OK, r.Answer.Status);
            Assert.Contains("提交过于频繁", r.Answer.Text);
            Assert.Contains(NoticeFloodGuard.Refused, r.Answer.Text);
            Assert.Equal(r.Content, r.Answer.TextArea("Data.Content"));
        });

        // Exactly the three accepted ones, nothing of the others.
        var responses = (await factory.ApplicationAsync(number)).Responses;
        Assert.Equal(stored.Select(s => s.Content).Order(), responses.Select(r => r.Content).Order());
        Assert.Equal(3, await factory.ResponseCountAsync());
        Assert.Equal(3, (await factory.NotesAsync(number, "收到公示异议")).Count);
        Assert.Equal(3, await factory.WithDb(db => db.CaseEvents.CountAsync(e => e.ActorId == CaseActor.Public.UserId)));
    }
}
