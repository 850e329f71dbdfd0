using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;

namespace Portal.Domain.Tests.Enterprises;

/// <summary>The sub-items of 企业开办 and the business-scope entries that decide 即报即得.</summary>
public sealed class EstablishmentCatalogTests
{
    [Fact]
    public void There_are_eight_items_with_distinct_codes()
    {
        Assert.Equal(8, EstablishmentCatalog.Items.Count);
        Assert.Equal(8, EstablishmentCatalog.Items.Select(i => i.Code).Distinct().Count());
        Assert.All(EstablishmentCatalog.Items, i =>
        {
            Assert.False(string.IsNullOrWhiteSpace(i.Label));
            Assert.False(string.IsNullOrWhiteSpace(i.Description));
        });
    }

    [Fact]
    public void Registration_is_the_only_mandatory_item_and_is_held_by_market_regulation()
    {
        var registration = EstablishmentCatalog.Item(EstablishmentCatalog.Registration);

        Assert.NotNull(registration);
        Assert.Equal("registration", registration.Code);
        Assert.Equal("设立登记", registration.Label);
        Assert.True(registration.Mandatory);
        Assert.Equal(Department.Market, registration.Department);
        Assert.False(registration.AnyTime);
        Assert.Equal([EstablishmentCatalog.Registration], EstablishmentCatalog.Items.Where(i => i.Mandatory).Select(i => i.Code));
    }

    [Fact]
    public void Tax_bank_account_and_employment_can_be_started_any_time_and_nothing_else_can()
    {
        var anyTime = EstablishmentCatalog.Items.Where(i => i.AnyTime).Select(i => i.Code).Order().ToList();

        Assert.Equal(["bank-account", "employment", "tax"], anyTime);
    }

    [Theory]
    [InlineData("registration", "设立登记", Department.Market)]
    [InlineData("seal", "印章刻制", Department.Police)]
    [InlineData("tax", "涉税办理", Department.Tax)]
    [InlineData("social-insurance", "社保登记", Department.HumanResources)]
    [InlineData("medical-insurance", "医保登记", Department.Medical)]
    [InlineData("housing-fund", "住房公积金登记", Department.HousingFund)]
    [InlineData("bank-account", "预约银行开户", Department.Bank)]
    [InlineData("employment", "职工就业登记", Department.HumanResources)]
    public void Each_item_is_found_by_its_code_with_its_label_and_department(string code, string label, Department department)
    {
        var item = EstablishmentCatalog.Item(code);

        Assert.NotNull(item);
        Assert.Equal(label, item.Label);
        Assert.Equal(department, item.Department);
        Assert.Contains(department.ReviewerRole(), Roles.Staff);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Tax")]
    [InlineData("water")]
    public void An_unknown_item_code_finds_nothing(string code)
    {
        Assert.Null(EstablishmentCatalog.Item(code));
    }

    [Fact]
    public void Scope_entries_have_distinct_codes_and_the_permit_entries_say_so()
    {
        Assert.Equal(EstablishmentCatalog.Scope.Count, EstablishmentCatalog.Scope.Select(s => s.Code).Distinct().Count());
        Assert.All(EstablishmentCatalog.Scope.Where(s => s.NeedsPermit), s => Assert.Contains("须取得", s.Text));
        Assert.Equal(
            ["catering", "construction-labour", "food-sales", "freight"],
            EstablishmentCatalog.Scope.Where(s => s.NeedsPermit).Select(s => s.Code).Order());
    }

    [Fact]
    public void A_scope_entry_is_found_by_its_code_and_an_unknown_code_finds_nothing()
    {
        var software = EstablishmentCatalog.ScopeEntryOf("software");

        Assert.NotNull(software);
        Assert.Equal("软件开发", software.Text);
        Assert.False(software.NeedsPermit);
        Assert.Null(EstablishmentCatalog.ScopeEntryOf("gambling"));
    }

    [Fact]
    public void Standard_entries_without_permits_and_no_free_text_qualify_for_instant_approval()
    {
        Assert.True(EstablishmentCatalog.QualifiesForInstantApproval(["tech"], null));
        Assert.True(EstablishmentCatalog.QualifiesForInstantApproval(["tech", "software", "daily-goods"], ""));
        Assert.True(EstablishmentCatalog.QualifiesForInstantApproval(["software"], "  \u3000"));
    }

    [Fact]
    public void No_scope_entry_at_all_does_not_qualify_for_instant_approval()
    {
        Assert.False(EstablishmentCatalog.QualifiesForInstantApproval([], null));
    }

    [Fact]
    public void An_entry_that_needs_a_permit_does_not_qualify_for_instant_approval()
    {
        Assert.False(EstablishmentCatalog.QualifiesForInstantApproval(["catering"], null));
        Assert.False(EstablishmentCatalog.QualifiesForInstantApproval(["tech", "software", "food-sales"], null));
    }

    [Fact]
    public void An_unknown_scope_code_does_not_qualify_for_instant_approval()
    {
        Assert.False(EstablishmentCatalog.QualifiesForInstantApproval(["tech", "not-a-code"], null));
    }

    [Fact]
    public void Free_text_scope_does_not_qualify_for_instant_approval()
    {
        Assert.False(EstablishmentCatalog.QualifiesForInstantApproval(["tech"], "石榴盆景销售"));
    }

    [Fact]
    public void Scope_text_joins_the_standard_wording_and_the_trimmed_free_text_with_full_width_semicolons()
    {
        var text = EstablishmentCatalog.ScopeText(["software", "daily-goods"], "  石榴盆景销售 ");

        Assert.Equal("软件开发；日用百货销售；石榴盆景销售", text);
    }

    [Fact]
    public void Scope_text_keeps_the_order_of_the_codes_and_skips_unknown_codes_and_blank_free_text()
    {
        Assert.Equal("日用百货销售；软件开发", EstablishmentCatalog.ScopeText(["daily-goods", "nope", "software"], " "));
        Assert.Equal("软件开发", EstablishmentCatalog.ScopeText(["software"], null));
        Assert.Equal("石榴盆景销售", EstablishmentCatalog.ScopeText([], "石榴盆景销售"));
        Assert.Equal("", EstablishmentCatalog.ScopeText([], null));
    }
}
