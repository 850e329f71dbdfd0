using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Features.Notices;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hostile;

/// <summary>
/// Names and free text are cleaned before the name-conflict check and before storage (issue 16 part 5): the same
/// enterprise name with U+200B is the same name, control characters never reach the database, and a control character
/// in an objection gets the form back with the text kept instead of a bare 400.
/// </summary>
public sealed class NormalisationTests
{
    private const string Taken = "枣庄青禾科技有限公司";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task The_same_enterprise_name_with_a_zero_width_space_is_refused_as_the_same_name(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a = await factory.CreateUserAsync(Roles.Applicant);
        var b = await factory.CreateUserAsync(Roles.Applicant);
        await factory.SubmitAsync(a, EstablishmentSteps.ValidForm(Taken, "tech"));

        foreach (var variant in new[] { "枣庄\u200B青禾科技有限公司", "枣\u00AD庄青禾科技\uFEFF有限公司", "枣庄青禾\u2060科技有限公司" })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SubmitAsync(b, EstablishmentSteps.ValidForm(variant, "tech")));
            Assert.Equal(EnterpriseNames.Conflict(Taken).Message, Assert.Single(refused.Errors).Message);
            Assert.False((await factory.SendAs(b, new CheckName.Query { Name = variant })).Ok);
        }

        Assert.Equal(0, await factory.WithDb(db => db.EstablishmentApplications.CountAsync(x => x.ApplicantId == b.Id)));
        Assert.Equal(1, await factory.WithDb(db => db.NameReservations.CountAsync()));
    }

    [Fact]
    public async Task A_name_typed_with_invisible_characters_and_full_width_letters_is_stored_clean_over_http()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var page = await session.GetAsync("/Establishment/Apply");

        var token = page.Token()!;
        var answer = await session.PostAsync("/Establishment/Apply?handler=Draft", (HttpSession.TokenField, token),
            ("Data.ProposedName", "枣庄\u200B青禾ＡＩ科技有限公司"), ("Data.Address", "\u3000山东省枣庄市市中区光明路1号\u00AD"), ("Data.ContactName", "张\u200D明"));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        var draft = await factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().SingleAsync(a => a.ApplicantId == applicant.Id));
        Assert.Equal("枣庄青禾AI科技有限公司", draft.ProposedName);
        Assert.Equal("山东省枣庄市市中区光明路1号", draft.Address);
        Assert.Equal("张明", draft.ContactName);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_control_character_in_an_objection_gets_the_form_back_with_the_text_kept_and_then_stores_it_clean(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();
        using var visitor = new HttpSession(factory);
        var form = await visitor.NoticeFormAsync(number);

        var answer = await visitor.PostObjectionAsync(form, "王\u0000五", "13912345678", "该企业尚欠\u0001货款\u202E未结清。");

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.Contains("看不见的控制字符", answer.Text);
        Assert.Equal("该企业尚欠货款未结清。", answer.TextArea("Data.Content"));
        Assert.Equal("王五", answer.InputValue("Data.Name"));
        Assert.Equal(0, await factory.ResponseCountAsync());

        var again = await visitor.SubmitAsync(answer, null, ("Data.Name", answer.InputValue("Data.Name")!), ("Data.Contact", answer.InputValue("Data.Contact")!), ("Data.Content", answer.TextArea("Data.Content")!));
        Assert.True(again.Status == HttpStatusCode.Redirect, again.ToString());
        var stored = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(("王五", "该企业尚欠货款未结清。"), (stored.Name, stored.Content));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Control_characters_sent_without_a_page_are_refused_in_chinese_and_nothing_is_stored(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var world = await DeregistrationWorld.CreateAsync(factory);
        var number = await world.StartSimpleInNoticeAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.FileAsync(number, content: "欠款\u0000未结清"));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(nameof(FileResponse.Command.Content), error.Field);
        Assert.Equal("异议理由或债权说明含有看不见的控制字符或改变文字方向的字符，请删除后重新提交。", error.Message);
        Assert.Equal(0, await factory.ResponseCountAsync());

        // Invisible characters alone are simply removed.
        await factory.FileAsync(number, name: "王\u200B五", content: "欠款\u00AD未结清");
        var stored = Assert.Single((await factory.ApplicationAsync(number)).Responses);
        Assert.Equal(("王五", "欠款未结清"), (stored.Name, stored.Content));
    }
}
