using Portal.Domain.Enterprises;

namespace Portal.Domain.Tests.Enterprises;

/// <summary>The 一表申请 form and the enterprise registered from it.</summary>
public sealed class EstablishmentApplicationTests
{
    private static readonly DateTime IssuedAt = new(2026, 11, 23, 2, 30, 0, DateTimeKind.Utc);

    private static EstablishmentApplication Application() => new()
    {
        ApplicantId = "applicant-1",
        ProposedName = "枣庄惠民餐饮有限公司",
        Type = EnterpriseType.LimitedLiability,
        RegisteredCapital = 50m,
        Address = "山东省枣庄市市中区光明路1号",
        ScopeCodes = "software,daily-goods",
        OtherScope = "石榴盆景销售",
        LegalRepresentative = "张明",
        LegalRepresentativeIdNumber = "11010519491231002X",
        ContactName = "李华",
        ContactPhone = "13800000000",
        SealDelivery = SealDelivery.Mail,
        SealMailAddress = "山东省枣庄市市中区光明路1号 张明收",
        SynchronousItems = "seal,tax",
    };

    private static EstablishmentDetails Details(
        string name = "枣庄惠民餐饮有限公司",
        SealDelivery delivery = SealDelivery.PickUp,
        string? mailAddress = null) => new(
        name,
        EnterpriseType.LimitedLiability,
        100m,
        "  山东省枣庄市市中区光明路1号 ",
        "软件开发；日用百货销售",
        " 张明 ",
        "11010519491231002X",
        delivery,
        mailAddress);

    [Fact]
    public void Scope_codes_are_split_on_commas_trimmed_and_empty_entries_dropped()
    {
        var application = new EstablishmentApplication { ScopeCodes = " tech , software,,daily-goods , " };

        Assert.Equal(["tech", "software", "daily-goods"], application.ScopeCodeList);
    }

    [Fact]
    public void Synchronous_items_are_split_on_commas_trimmed_and_empty_entries_dropped()
    {
        var application = new EstablishmentApplication { SynchronousItems = "seal, tax ,,social-insurance" };

        Assert.Equal(["seal", "tax", "social-insurance"], application.SynchronousItemList);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData(" , ,")]
    public void Empty_lists_split_into_nothing(string text)
    {
        var application = new EstablishmentApplication { ScopeCodes = text, SynchronousItems = text };

        Assert.Empty(application.ScopeCodeList);
        Assert.Empty(application.SynchronousItemList);
    }

    [Fact]
    public void A_new_application_is_a_draft_with_empty_lists()
    {
        var application = new EstablishmentApplication();

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.CaseId);
        Assert.Empty(application.ScopeCodeList);
        Assert.Empty(application.SynchronousItemList);
        Assert.Empty(application.Investors);
    }

    [Fact]
    public void The_details_carry_the_licence_fields_and_the_written_out_business_scope()
    {
        var details = Application().ToDetails();

        Assert.Equal("枣庄惠民餐饮有限公司", details.Name);
        Assert.Equal(EnterpriseType.LimitedLiability, details.Type);
        Assert.Equal(50m, details.RegisteredCapital);
        Assert.Equal("山东省枣庄市市中区光明路1号", details.Address);
        Assert.Equal("软件开发；日用百货销售；石榴盆景销售", details.BusinessScope);
        Assert.Equal("张明", details.LegalRepresentative);
        Assert.Equal("11010519491231002X", details.LegalRepresentativeIdNumber);
        Assert.Equal(SealDelivery.Mail, details.SealDelivery);
        Assert.Equal("山东省枣庄市市中区光明路1号 张明收", details.SealMailAddress);
    }

    [Fact]
    public void The_details_business_scope_follows_the_catalog_wording_for_the_same_codes()
    {
        var application = Application();
        application.ScopeCodes = " tech ,software";
        application.OtherScope = null;

        Assert.Equal(
            EstablishmentCatalog.ScopeText(["tech", "software"], null),
            application.ToDetails().BusinessScope);
    }

    [Fact]
    public void Registering_copies_the_licence_fields_and_is_active()
    {
        var enterprise = Enterprise.Register("91370402MA0000007Y", Details(), "applicant-1", 42, new DateOnly(2026, 11, 23), IssuedAt);

        Assert.Equal("91370402MA0000007Y", enterprise.CreditCode);
        Assert.Equal("枣庄惠民餐饮有限公司", enterprise.Name);
        Assert.Equal(EnterpriseType.LimitedLiability, enterprise.Type);
        Assert.Equal(100m, enterprise.RegisteredCapital);
        Assert.Equal("山东省枣庄市市中区光明路1号", enterprise.Address);
        Assert.Equal("软件开发；日用百货销售", enterprise.BusinessScope);
        Assert.Equal("张明", enterprise.LegalRepresentative);
        Assert.Equal("11010519491231002X", enterprise.LegalRepresentativeIdNumber);
        Assert.Equal(new DateOnly(2026, 11, 23), enterprise.EstablishedOn);
        Assert.Equal("applicant-1", enterprise.OwnerId);
        Assert.Equal(42, enterprise.CaseId);
        Assert.Equal(EnterpriseStatus.Active, enterprise.Status);
        Assert.Null(enterprise.CancelledOn);
        Assert.Equal(0, enterprise.Version);
    }

    [Fact]
    public void The_licence_and_the_electronic_seal_are_issued_at_the_same_instant()
    {
        var enterprise = Enterprise.Register("91370402MA0000007Y", Details(), "applicant-1", 42, new DateOnly(2026, 11, 23), IssuedAt);

        Assert.Equal(IssuedAt, enterprise.LicenceIssuedAt);
        Assert.Equal(IssuedAt, enterprise.ElectronicSealIssuedAt);
    }

    [Fact]
    public void Registering_trims_the_name_and_stores_its_normalized_core()
    {
        var enterprise = Enterprise.Register("91370402MA0000007Y", Details(name: "  枣庄 惠民餐饮（有限公司） "), "applicant-1", 42, new DateOnly(2026, 11, 23), IssuedAt);

        Assert.Equal("枣庄 惠民餐饮（有限公司）", enterprise.Name);
        Assert.Equal("枣庄惠民餐饮", enterprise.NormalizedName);
        Assert.Equal(EnterpriseNames.Normalize("枣庄惠民餐饮有限责任公司"), enterprise.NormalizedName);
    }

    [Fact]
    public void The_seal_mail_address_is_kept_when_the_seals_are_mailed()
    {
        var enterprise = Enterprise.Register("91370402MA0000007Y", Details(delivery: SealDelivery.Mail, mailAddress: "枣庄市市中区光明路1号"), "applicant-1", 42, new DateOnly(2026, 11, 23), IssuedAt);

        Assert.Equal(SealDelivery.Mail, enterprise.SealDelivery);
        Assert.Equal("枣庄市市中区光明路1号", enterprise.SealMailAddress);
    }

    [Fact]
    public void The_seal_mail_address_is_dropped_when_the_seals_are_picked_up()
    {
        var enterprise = Enterprise.Register("91370402MA0000007Y", Details(delivery: SealDelivery.PickUp, mailAddress: "枣庄市市中区光明路1号"), "applicant-1", 42, new DateOnly(2026, 11, 23), IssuedAt);

        Assert.Equal(SealDelivery.PickUp, enterprise.SealDelivery);
        Assert.Null(enterprise.SealMailAddress);
    }

    [Fact]
    public void An_enterprise_registered_from_an_application_carries_its_details()
    {
        var application = Application();
        var enterprise = Enterprise.Register("91370402MA0000007Y", application.ToDetails(), application.ApplicantId, 7, new DateOnly(2026, 11, 23), IssuedAt);

        Assert.Equal("枣庄惠民餐饮有限公司", enterprise.Name);
        Assert.Equal("枣庄惠民餐饮", enterprise.NormalizedName);
        Assert.Equal("软件开发；日用百货销售；石榴盆景销售", enterprise.BusinessScope);
        Assert.Equal("山东省枣庄市市中区光明路1号 张明收", enterprise.SealMailAddress);
        Assert.Equal("applicant-1", enterprise.OwnerId);
    }

    [Fact]
    public void Bumping_the_version_counts_up()
    {
        var enterprise = Enterprise.Register("91370402MA0000007Y", Details(), "applicant-1", 42, new DateOnly(2026, 11, 23), IssuedAt);
        enterprise.BumpVersion();
        enterprise.BumpVersion();

        Assert.Equal(2, enterprise.Version);
    }
}
