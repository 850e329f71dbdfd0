using Microsoft.EntityFrameworkCore;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>
/// The checks of 一表申请 on submission: each refusal comes back in Chinese, through the whole pipeline, and leaves
/// no case, application, name reservation or case number behind.
/// </summary>
public sealed class ValidationTests
{
    private const string Name = "枣庄青禾科技有限公司";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Legal_representative_id_with_a_wrong_check_character_is_refused(Provider provider)
    {
        var valid = EstablishmentSteps.LegalRepresentativeId;
        var wrong = valid[..17] + (valid[17] == '0' ? '1' : '0');

        var error = await RefusedAsync(provider, EstablishmentSteps.ValidForm(Name, "tech") with { LegalRepresentativeIdNumber = wrong });

        Assert.Equal(nameof(EstablishmentForm.LegalRepresentativeIdNumber), error.Field);
        Assert.Equal("法定代表人居民身份证号校验位不正确，请核对后重新输入。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Shares_that_add_up_to_ninety_percent_are_refused(Provider provider)
    {
        var form = EstablishmentSteps.ValidForm(Name, "tech");
        form = form with
        {
            Investors =
            [
                form.Investors[0] with { SharePercent = 60 },
                form.Investors[1] with { SharePercent = 30 },
            ],
        };

        var error = await RefusedAsync(provider, form);

        Assert.StartsWith("全部股东出资比例之和应为100%", error.Message);
        Assert.Equal("全部股东出资比例之和应为100%，现为90%。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Investor_number_that_is_neither_an_id_nor_a_credit_code_is_refused(Provider provider)
    {
        var form = EstablishmentSteps.ValidForm(Name, "tech");
        form = form with { Investors = [form.Investors[0], form.Investors[1] with { IdentityNumber = "37040219900707OOO1" }] };

        var error = await RefusedAsync(provider, form);

        Assert.Equal("股东“李华”的证件号码既不是有效的居民身份证号，也不是有效的统一社会信用代码，请核对。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Investor_identified_by_a_valid_credit_code_is_accepted(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var organisation = CreditCodes.Issue(EnterpriseType.LimitedLiability, "370402", 4242);
        var form = EstablishmentSteps.ValidForm(Name, "tech");
        form = form with { Investors = [form.Investors[0], new InvestorRow { Name = "枣庄示例投资有限公司", IdentityNumber = organisation.ToLowerInvariant(), SharePercent = 40 }] };

        var result = await factory.SubmitAsync(applicant, form);

        var c = await factory.LoadCaseAsync(result.Number);
        var application = await factory.ApplicationOfCaseAsync(c.Id);
        Assert.NotNull(application);
        Assert.Contains(application.Investors, i => i.Name == "枣庄示例投资有限公司" && i.IdentityNumber == organisation && i.SharePercent == 40);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Sole_proprietorship_with_two_investors_is_refused(Provider provider)
    {
        var error = await RefusedAsync(provider, EstablishmentSteps.ValidForm("枣庄青禾软件开发个人独资企业", "software") with { Type = EnterpriseType.SoleProprietorship });

        Assert.Equal("个人独资企业只能有一位投资人。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Negative_registered_capital_is_refused(Provider provider)
    {
        var error = await RefusedAsync(provider, EstablishmentSteps.ValidForm(Name, "tech") with { RegisteredCapital = -5 });

        Assert.Equal(nameof(EstablishmentForm.RegisteredCapital), error.Field);
        Assert.Equal("注册资本至少0.01万元（100元），请核对单位（万元）。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Missing_contact_phone_is_refused(Provider provider)
    {
        var error = await RefusedAsync(provider, EstablishmentSteps.ValidForm(Name, "tech") with { ContactPhone = null });

        Assert.Equal(nameof(EstablishmentForm.ContactPhone), error.Field);
        Assert.Equal("请填写联系电话。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Name_with_the_reserved_word_China_is_refused_naming_the_word(Provider provider)
    {
        var error = await RefusedAsync(provider, EstablishmentSteps.ValidForm("枣庄中国青禾科技有限公司", "tech"));

        Assert.Equal(nameof(EstablishmentForm.ProposedName), error.Field);
        Assert.Contains("“中国”", error.Message);
        Assert.Equal("名称含有“中国”，须经国家市场监督管理总局核准，不能自主申报。", error.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Seals_by_mail_without_an_address_are_refused(Provider provider)
    {
        var error = await RefusedAsync(provider, EstablishmentSteps.ValidForm(Name, "tech") with { SealDelivery = SealDelivery.Mail, SealMailAddress = null });

        Assert.Equal(nameof(EstablishmentForm.SealMailAddress), error.Field);
        Assert.Equal("选择邮寄印章时请填写邮寄地址。", error.Message);
    }

    /// <summary>Submits the form as an applicant, expects exactly one Chinese validation error, and checks nothing was written.</summary>
    private static async Task<(string Field, string Message)> RefusedAsync(Provider provider, EstablishmentForm form)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SubmitAsync(applicant, form));

        Assert.Equal((0, 0, 0, 0), await factory.StoredCountsAsync());
        var counter = await factory.WithDb(db => db.NumberSequences.AsNoTracking().SingleAsync(s => s.Key == "QYKB"));
        Assert.Equal(0, counter.Next);
        Assert.All(refused.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        return Assert.Single(refused.Errors);
    }
}
