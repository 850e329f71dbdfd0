using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FluentValidation;
using Portal.Domain.Organisation;
using Portal.Domain.Ratings;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Web.Features.Ratings;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Ratings;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Forms;

/// <summary>
/// Every form sent with bad input comes back in Chinese only — the validators' messages and ASP.NET Core's own
/// binding messages, each field named by its Chinese label — with everything the person typed kept.
/// </summary>
public sealed class ChineseFormMessagesTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private static void AssertChineseOnly(HttpPage page, int atLeast = 1)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var errors = FormFields.Errors(page);
        Assert.True(errors.Count >= atLeast, $"{page.Url}: expected errors, got [{string.Join(" | ", errors)}]");
        // What the person typed is echoed in quotes (“abc”不是有效的…); the rest of the message must be Chinese.
        Assert.All(errors, e => Assert.False(FormFields.HasLatinWord(Regex.Replace(e, "“[^”]*”", "")), $"{page.Url}: “{e}” names a property or is English"));
    }

    [Fact]
    public async Task An_empty_registration_says_only_chinese_and_each_field_once()
    {
        using var session = new HttpSession(factory);
        var answer = await session.SubmitAsync("/Account/Register",
            ("Data.FullName", ""), ("Data.IdNumber", ""), ("Data.Mobile", ""), ("Data.Kind", "Citizen"), ("Data.Password", ""), ("Data.ConfirmPassword", ""));

        AssertChineseOnly(answer, 3);
        Assert.DoesNotContain("field is required", answer.Text);
        Assert.Contains("请填写手机号。", FormFields.ErrorsBeside(answer, "Data.Mobile"));
        Assert.Contains("请填写姓名。", FormFields.ErrorsBeside(answer, "Data.FullName"));
    }

    [Fact]
    public async Task An_empty_sign_in_says_only_chinese()
    {
        using var session = new HttpSession(factory);
        var answer = await session.SubmitAsync("/Account/Login", ("Data.UserName", ""), ("Data.Password", ""));

        AssertChineseOnly(answer, 2);
        Assert.Equal(["请输入手机号或用户名。"], FormFields.ErrorsBeside(answer, "Data.UserName"));
        Assert.Equal(["请输入密码。"], FormFields.ErrorsBeside(answer, "Data.Password"));
    }

    [Fact]
    public async Task Connection_form_names_a_wrong_technical_value_by_its_label_and_keeps_what_was_typed()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Applicant));
        var form = await session.GetAsync("/Connection/Apply");
        var answer = await session.SubmitAsync(form, null,
            ("Data.Customer", "Enterprise"), ("Data.EnterpriseName", "枣庄市明德科技有限公司"), ("Data.Address", "枣庄市市中区光明路1号"), ("Data.Purpose", "办公"),
            ("Data.Utilities", "Power"), ("Data.Utilities", "Water"), ("Data.Utilities", "Gas"),
            ("Data.Power.CapacityKw", "abc"), ("Data.Power.Voltage", "Low"), ("Data.Power.LineLengthM", "30"),
            ("Data.Water.PipeLengthM", "12.5"), ("Data.Water.DiameterMm", "9x"),
            ("Data.Gas.GasCubicMetresPerMonth", "1e"));

        AssertChineseOnly(answer, 3);
        Assert.Contains("“abc”不是有效的报装容量（千瓦），请重新填写。", FormFields.ErrorsBeside(answer, "Data.Power.CapacityKw"));
        Assert.Contains("“9x”不是有效的接水管径（毫米），请重新填写。", FormFields.ErrorsBeside(answer, "Data.Water.DiameterMm"));
        Assert.Contains("“1e”不是有效的月用气量（立方米），请重新填写。", FormFields.ErrorsBeside(answer, "Data.Gas.GasCubicMetresPerMonth"));
        Assert.Equal("abc", answer.InputValue("Data.Power.CapacityKw"));
        Assert.Equal("30", answer.InputValue("Data.Power.LineLengthM"));
        Assert.Equal("12.5", answer.InputValue("Data.Water.PipeLengthM"));
        Assert.Equal("9x", answer.InputValue("Data.Water.DiameterMm"));
        Assert.Equal("枣庄市市中区光明路1号", answer.InputValue("Data.Address"));
    }

    [Fact]
    public async Task Connection_form_lists_the_missing_fields_and_the_technical_problems_at_once_beside_each_field()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Applicant));
        var answer = await session.SubmitAsync(await session.GetAsync("/Connection/Apply"), null,
            ("Data.Customer", "Enterprise"), ("Data.Utilities", "Power"), ("Data.Power.Voltage", "Low"), ("Data.Power.LineLengthM", "-1"));

        AssertChineseOnly(answer, 4);
        Assert.Contains("请填写用能地址。", FormFields.ErrorsBeside(answer, "Data.Address"));
        Assert.Contains("供电：请填写报装容量。", FormFields.ErrorsBeside(answer, "Data.Power.CapacityKw"));
        Assert.Contains("供电：线路长度应在0至50,000米之间。", FormFields.ErrorsBeside(answer, "Data.Power.LineLengthM"));
        Assert.Equal("-1", answer.InputValue("Data.Power.LineLengthM"));
    }

    [Fact]
    public async Task Establishment_form_sent_empty_with_text_in_number_fields_says_chinese_and_keeps_the_investors()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Applicant));
        var form = await session.GetAsync("/Establishment/Apply");
        var answer = await session.PostAsync("/Establishment/Apply?handler=Submit", (HttpSession.TokenField, form.Token()!),
            ("Data.RegisteredCapital", "一百万"), ("Data.Investors[0].Name", "张三"), ("Data.Investors[0].IdentityNumber", "370402199001011234"),
            ("Data.Investors[0].SharePercent", "abc"), ("Data.ContactPhone", "12"));

        AssertChineseOnly(answer, 5);
        Assert.Contains("“一百万”不是有效的注册资本（万元），请重新填写。", FormFields.ErrorsBeside(answer, "Data.RegisteredCapital"));
        Assert.Contains("“abc”不是有效的出资比例，请重新填写。", FormFields.ErrorsBeside(answer, "Data.Investors[0].SharePercent"));
        Assert.Contains("请填写住所（门牌号）。", FormFields.ErrorsBeside(answer, "Data.Address"));
        Assert.Contains("联系电话应为手机号或带区号的固定电话。", FormFields.ErrorsBeside(answer, "Data.ContactPhone"));
        Assert.Equal("一百万", answer.InputValue("Data.RegisteredCapital"));
        Assert.Equal("张三", answer.InputValue("Data.Investors[0].Name"));
        Assert.Equal("370402199001011234", answer.InputValue("Data.Investors[0].IdentityNumber"));
        Assert.Equal("abc", answer.InputValue("Data.Investors[0].SharePercent"));
        Assert.Equal("12", answer.InputValue("Data.ContactPhone"));
    }

    [Fact]
    public async Task A_slot_number_too_large_for_a_slot_is_refused_by_its_label()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Applicant));
        var token = (await session.GetAsync("/Appointments/Book?category=establishment")).Token("/Account/Logout");

        var answer = await session.PostAsync("/Appointments/Book",
            (HttpSession.TokenField, token!), ("Data.Category", "establishment"), ("Data.Date", "2026-11-24"), ("Data.SlotKey", "99999999999"));

        AssertChineseOnly(answer);
        Assert.Contains("“99999999999”不是有效的预约时段，请重新填写。", FormFields.Errors(answer));
    }

    [Fact]
    public async Task Hidden_fields_changed_by_hand_are_refused_without_naming_them()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Admin));
        var edit = await session.GetAsync("/Promises/Edit");
        var row = edit.Form("/Promises/Edit?handler=Limit");

        var answer = await session.SubmitAsync(edit, "/Promises/Edit?handler=Limit", ("Data.Amount", "十"), ("Data.Version", "二"));

        AssertChineseOnly(answer, 2);
        Assert.Contains("“十”不是有效的时限数值，请重新填写。", FormFields.Errors(answer));
        Assert.Equal("十", answer.InputValue("Data.Amount"));
        Assert.NotNull(row);
    }

    [Fact]
    public async Task Calendar_day_with_an_unreadable_date_is_refused_in_chinese()
    {
        using var session = await new HttpSession(factory).SignedInAsync(await factory.CreateUserAsync(Roles.Admin));
        var answer = await session.SubmitAsync(await session.GetAsync("/Calendar/Manage"), "/Calendar/Manage?handler=Day",
            ("Data.Date", "明天"), ("Data.Kind", "Holiday"), ("Data.Name", ""));

        AssertChineseOnly(answer, 2);
    }

    [Fact]
    public async Task Visit_rating_reports_every_missing_indicator_and_the_contact_at_once()
    {
        await using var own = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(own);
        var ticket = await world.DoneTicketAsync();
        using var visitor = new HttpSession(own);

        var answer = await visitor.SubmitAsync(await visitor.GetAsync($"/Ratings/Visit/{ticket}"), null,
            ("Data.Comment", "窗口态度很好"), ("Data.Anonymous", "false"), ("Data.Name", ""), ("Data.Phone", ""));

        AssertChineseOnly(answer, 6);
        var errors = FormFields.Errors(answer);
        foreach (var indicator in RatingScale.OnSite)
        {
            Assert.Contains(RatingFormRules.MissingLevel(indicator), errors);
            Assert.Contains(RatingFormRules.MissingLevel(indicator), FormFields.ErrorsBeside(answer, $"Data.Scores[{indicator.Code}]"));
        }

        Assert.Contains("实名评价请填写姓名。", errors);
        Assert.Contains("实名评价请填写11位手机号码，以便回访。", errors);
        Assert.Contains("窗口态度很好", answer.Text);
    }

    [Fact]
    public async Task A_case_rating_sent_through_mediatr_lists_every_missing_indicator()
    {
        await using var own = new PortalFactory(Provider.Sqlite);
        var world = await RatingWorld.CreateAsync(own);
        var number = await world.CompletedCaseAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => own.SendAs(world.Applicant, new GiveCaseRating.Command
        {
            Number = number,
            Subject = RatingSubject.Processing,
            Scores = new() { ["overall"] = RatingLevel.Dissatisfied },
        }));

        Assert.Equal(
            [.. RatingScale.Online.Skip(1).Select(RatingFormRules.MissingLevel), "差评请写明不满意的原因，便于核实整改。"],
            refused.Errors.Select(e => e.Message));
        Assert.Equal(["Scores[efficiency]", "Scores[guide]", "Scores[convenience]", "Scores[platform]", "Comment"], refused.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Validators_speak_chinese_and_name_fields_by_their_label_whatever_the_thread_culture()
    {
        FormValidation.UseChineseMessages();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            var validator = new InlineValidator<Labelled>();
            validator.RuleFor(x => x.Mobile).NotEmpty().MaximumLength(3);

            var errors = validator.Validate(new Labelled { Mobile = "" }).Errors.Concat(validator.Validate(new Labelled { Mobile = "12345" }).Errors).ToList();

            Assert.Equal(2, errors.Count);
            Assert.All(errors, e =>
            {
                Assert.Contains("手机号", e.ErrorMessage);
                Assert.False(FormFields.HasLatinWord(e.ErrorMessage), e.ErrorMessage);
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    public sealed class Labelled
    {
        [System.ComponentModel.DataAnnotations.Display(Name = "手机号")]
        public string Mobile { get; init; } = "";
    }
}
