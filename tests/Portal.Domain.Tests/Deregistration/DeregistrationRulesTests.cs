using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using static Portal.Domain.Tests.Deregistration.DeregistrationKit;

namespace Portal.Domain.Tests.Deregistration;

/// <summary>简易注销 eligibility and objection-form bounds, notice responses, and the shared cancellation confirmations.</summary>
public sealed class DeregistrationRulesTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData(" 13812345678 ")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("0632-1234567")]
    [InlineData("(0632)1234567")]
    [InlineData("010-12345678")]
    [InlineData("0632 12345678")]
    [InlineData("zhang.ming@example.com")]
    [InlineData("a@b.cn")]
    public void Accepts_a_mobile_a_landline_with_area_code_or_an_email(string contact) =>
        Assert.True(SimpleDeregistrationRules.IsContact(contact));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("23812345678")]              // 11 digits not starting with 1
    [InlineData("1381234567")]               // 10 digits starting with 1
    [InlineData("138123456789")]             // 12 digits starting with 1
    [InlineData("0632-1234")]                // area code with too short a number
    [InlineData("8765432")]                  // landline without its area code
    [InlineData("+1 4155550123")]            // not a mainland number
    [InlineData("138.1234.5678")]            // not a separator for phone numbers
    [InlineData("电话13812345678")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("<img src=x onerror=alert(1)>@a.cn")]
    [InlineData("zhang")]
    [InlineData("zhang@")]
    [InlineData("@example.com")]
    [InlineData("zhang@example")]
    [InlineData("zhang@.com")]
    [InlineData("zhang@example.com.")]
    [InlineData("zhang ming@example.com")]
    [InlineData("zhang@@example.com")]
    [InlineData("a@b@example.com")]
    public void Rejects_what_is_not_a_usable_contact(string? contact) =>
        Assert.False(SimpleDeregistrationRules.IsContact(contact));

    [Fact]
    public void Rejects_an_overlong_contact_even_if_well_formed()
    {
        var longest = new string('a', SimpleDeregistrationRules.ContactMaxLength - "@qq.com".Length) + "@qq.com";
        Assert.Equal(SimpleDeregistrationRules.ContactMaxLength, longest.Length);
        Assert.True(SimpleDeregistrationRules.IsContact(longest));
        Assert.False(SimpleDeregistrationRules.IsContact("a" + longest));
    }

    /// <summary>
    /// Script text must not pass as a contact just because it ends like an e-mail address: the e-mail branch checks
    /// only '@', a dot after it and whitespace, never which characters the address is made of.
    /// </summary>
    [Theory]
    [InlineData("<script>alert(1)</script>@evil.cn")]
    [InlineData("\"><svg/onload=alert(1)>@x.cn")]
    public void Rejects_script_text_dressed_as_an_email(string contact) =>
        Assert.False(SimpleDeregistrationRules.IsContact(contact));

    /// <summary>
    /// '+' is an allowed character, so an international prefix is meant to be accepted, but "+86" adds two digits and a
    /// mainland mobile then has 13 digits, which no branch accepts.
    /// </summary>
    [Theory]
    [InlineData("+86 13812345678")]
    [InlineData("+86-138-1234-5678")]
    public void Accepts_a_mainland_mobile_with_the_international_prefix(string contact) =>
        Assert.True(SimpleDeregistrationRules.IsContact(contact));

    [Fact]
    public void Unconfirmed_lists_the_missing_conditions_in_order()
    {
        var all = SimpleDeregistrationRules.Conditions.Select(c => c.Code).ToList();
        Assert.Equal(7, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());

        Assert.Empty(SimpleDeregistrationRules.Unconfirmed(all));
        Assert.Equal(SimpleDeregistrationRules.Conditions, SimpleDeregistrationRules.Unconfirmed([]));
        Assert.Equal(
            ["no-pending-cases", "no-equity-freeze"],
            SimpleDeregistrationRules.Unconfirmed(all.Where(c => c is not "no-pending-cases" and not "no-equity-freeze").Reverse()).Select(c => c.Code));
    }

    [Fact]
    public void Unconfirmed_ignores_unknown_codes_and_compares_exactly()
    {
        var missing = SimpleDeregistrationRules.Unconfirmed(["NO-DEBTS", "no-debts ", "made-up", "no-unpaid-costs"]);

        Assert.Equal(6, missing.Count);
        Assert.Equal("no-debts", missing[0].Code);
        Assert.DoesNotContain(missing, c => c.Code == "no-unpaid-costs");
    }

    [Fact]
    public void Simple_application_keeps_the_confirmed_conditions_and_the_signature()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));

        Assert.Equal(DeregistrationRoute.Simple, application.Route);
        Assert.Equal(string.Join(',', SimpleDeregistrationRules.Conditions.Select(c => c.Code)), application.ConfirmedConditions);
        Assert.Empty(SimpleDeregistrationRules.Unconfirmed(application.ConfirmedConditions!.Split(',')));
        Assert.Equal("张明", application.CommitmentSignedBy);
        Assert.Equal(China(2026, 11, 23, 9), application.CommitmentSignedAt);
        Assert.Equal(0, application.Corrections);
    }

    [Fact]
    public void Share_with_creates_one_item_per_department()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));

        application.ShareWith(DeregistrationApplication.SharedWith, China(2026, 12, 1, 10));

        Assert.Equal(
            [Department.HumanResources, Department.Medical, Department.Tax, Department.HousingFund, Department.Customs, Department.CentralBank],
            application.Shares.Select(s => s.Department));
        Assert.Equal(["人社", "医保", "税务", "公积金", "海关", "人民银行"], application.Shares.Select(s => s.Department.Label()));
        Assert.All(application.Shares, s =>
        {
            Assert.Same(application, s.Application);
            Assert.Equal(China(2026, 12, 1, 10), s.SharedAt);
            Assert.False(s.Confirmed);
            Assert.Null(s.ConfirmedAt);
            Assert.Null(s.ConfirmedByName);
        });
    }

    [Fact]
    public void Sharing_twice_adds_no_duplicates_and_keeps_the_first_share_time()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        application.ShareWith(DeregistrationApplication.SharedWith, China(2026, 12, 1, 10));
        application.Shares.Single(s => s.Department == Department.Tax).Confirm(Reviewer(Department.Tax), China(2026, 12, 1, 11));

        application.ShareWith(DeregistrationApplication.SharedWith, China(2026, 12, 2, 10));
        application.ShareWith([Department.Tax, Department.Tax], China(2026, 12, 2, 11));

        Assert.Equal(6, application.Shares.Count);
        Assert.Equal(6, application.Shares.Select(s => s.Department).Distinct().Count());
        Assert.All(application.Shares, s => Assert.Equal(China(2026, 12, 1, 10), s.SharedAt));
        Assert.True(application.Shares.Single(s => s.Department == Department.Tax).Confirmed);
    }

    [Fact]
    public void Sharing_a_list_with_a_repeated_department_adds_it_once()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));

        application.ShareWith([Department.Customs, Department.Customs, Department.Tax], China(2026, 12, 1, 10));

        Assert.Equal([Department.Customs, Department.Tax], application.Shares.Select(s => s.Department));
    }

    [Fact]
    public void Each_department_confirms_its_own_share_once()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        application.ShareWith(DeregistrationApplication.SharedWith, China(2026, 12, 1, 10));
        var tax = application.Shares.Single(s => s.Department == Department.Tax);

        foreach (var actor in new[] { Market, Window, Supervisor, Applicant, CaseActor.System, Reviewer(Department.Customs) })
        {
            var refused = Assert.Throws<UnauthorizedAccessException>(() => tax.Confirm(actor, China(2026, 12, 1, 11)));
            Assert.Contains("税务", refused.Message);
        }

        Assert.False(tax.Confirmed);
        tax.Confirm(Reviewer(Department.Tax), China(2026, 12, 1, 11));

        Assert.True(tax.Confirmed);
        Assert.Equal(China(2026, 12, 1, 11), tax.ConfirmedAt);
        Assert.Equal("税务审批员", tax.ConfirmedByName);
        var twice = Assert.Throws<InvalidOperationException>(() => tax.Confirm(Reviewer(Department.Tax), China(2026, 12, 1, 15)));
        Assert.Contains("无需重复确认", twice.Message);
        Assert.Equal(China(2026, 12, 1, 11), tax.ConfirmedAt);
        Assert.Single(application.Shares, s => s.Confirmed);
    }

    [Fact]
    public void Objection_starts_pending_and_is_decided_once()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        var objection = Objection(application, China(2026, 12, 1, 10));
        application.Responses.Add(objection);

        Assert.Equal(NoticeDecision.Pending, objection.Decision);
        Assert.Equal(1, application.OpenObjections);
        objection.Decide(true, "债务属实", "市场监管审批员", China(2026, 12, 2, 10));

        Assert.Equal(NoticeDecision.Upheld, objection.Decision);
        Assert.Equal("债务属实", objection.DecisionReason);
        Assert.Equal("市场监管审批员", objection.DecidedByName);
        Assert.Equal(China(2026, 12, 2, 10), objection.DecidedAt);
        Assert.Equal(0, application.OpenObjections);
        Assert.Throws<InvalidOperationException>(() => objection.Decide(false, "改判", "市场监管审批员", China(2026, 12, 3, 10)));
        Assert.Equal(NoticeDecision.Upheld, objection.Decision);
        Assert.Equal("异议成立", NoticeResponse.Label(objection.Decision));
    }

    [Fact]
    public void A_claim_is_recorded_and_cannot_be_decided()
    {
        var application = OrdinaryApplication(China(2026, 9, 22), China(2026, 9, 23, 9));
        var claim = new NoticeResponse(application, NoticeResponseKind.Claim, "王债权", "wang@example.com", "货款", 1200.50m, "claim-key-00001", China(2026, 10, 21, 9));

        Assert.Equal(NoticeDecision.Recorded, claim.Decision);
        Assert.Equal(1200.50m, claim.Amount);
        Assert.Throws<InvalidOperationException>(() => claim.Decide(true, "成立", "市场监管审批员", China(2026, 10, 22, 9)));
    }

    [Fact]
    public void Terminating_records_the_reason()
    {
        var application = SimpleApplication(China(2026, 11, 23, 9));
        application.Terminate("公示期内异议成立");
        Assert.Equal("公示期内异议成立", application.TerminationReason);
    }

    private static CaseActor Reviewer(Department department) =>
        new($"{department}-1", $"{department.Label()}审批员", new HashSet<string> { department.ReviewerRole() });
}
