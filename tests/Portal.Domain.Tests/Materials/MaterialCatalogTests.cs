using Portal.Domain.Enterprises;
using Portal.Domain.Materials;

namespace Portal.Domain.Tests.Materials;

/// <summary>The material lists: what each service, scope entry and sub-item asks for, and what is looked up instead.</summary>
public sealed class MaterialCatalogTests
{
    [Fact]
    public void Identity_and_licences_are_looked_up_not_uploaded_and_cite_the_electronic_certificate_lines()
    {
        var list = MaterialCatalog.ForEstablishment([], []);

        var identity = Assert.Single(list, r => r.Code == "identity");
        Assert.Equal(MaterialSupply.LookedUp, identity.Supply);
        Assert.Contains("000:79", identity.Source);
        Assert.Contains("003:11-13", identity.Source);
        Assert.Contains("电子两证", identity.LookedUpFrom);
        var licence = Assert.Single(list, r => r.Code == "investor-licence");
        Assert.Equal(MaterialSupply.LookedUp, licence.Supply);
        Assert.Contains("电子营业执照", licence.LookedUpFrom);
    }

    [Fact]
    public void A_food_business_scope_adds_the_floor_plan_and_the_food_safety_rules_both_tolerable_with_templates()
    {
        var plain = MaterialCatalog.ForEstablishment(["tech"], []);
        var food = MaterialCatalog.ForEstablishment(["catering", "food-sales"], []);

        Assert.DoesNotContain(plain, r => r.Code is "floor-plan" or "food-safety-rules");
        var added = food.Except(plain).ToList();
        Assert.Equal(["floor-plan", "food-safety-rules"], added.Select(r => r.Code));
        Assert.All(added, r =>
        {
            Assert.True(r.Required);
            Assert.True(r.Tolerable);
            Assert.Equal(MaterialSupply.Upload, r.Supply);
            Assert.NotNull(MaterialCatalog.Template(r.Template));
            Assert.StartsWith(MaterialCatalog.PortalDefault, r.Source);
        });

        // Each line appears once, however many scope entries ask for it.
        Assert.Equal(food.Count, food.Select(r => r.Code).Distinct().Count());
    }

    [Fact]
    public void Every_scope_entry_that_needs_a_permit_has_its_lines_and_no_permit_free_one_adds_any()
    {
        foreach (var entry in EstablishmentCatalog.Scope)
        {
            Assert.Equal(entry.NeedsPermit, MaterialCatalog.ByScope.ContainsKey(entry.Code));
        }
    }

    [Fact]
    public void Employment_registration_chosen_with_the_establishment_adds_the_staff_roster()
    {
        Assert.Contains(MaterialCatalog.ForEstablishment([], ["employment"]), r => r.Code == "staff-roster");
        Assert.DoesNotContain(MaterialCatalog.ForEstablishment([], ["seal", "tax"]), r => r.Code == "staff-roster");
    }

    [Fact]
    public void An_unknown_service_has_no_list_it_is_refused_rather_than_answered_with_an_empty_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MaterialCatalog.ForService("addon-unknown"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaterialCatalog.ForService("connection-oil"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MaterialCatalog.ForService(""));
    }

    [Fact]
    public void Each_sub_item_done_on_its_own_asks_for_what_fits_it_and_the_seal_for_no_registration_data()
    {
        static IReadOnlyList<string> Codes(string item) => MaterialCatalog.ForService("addon-" + item).Select(r => r.Code).ToList();

        // 刻章: the licence and the legal representative, both looked up; nothing about tax or insurance.
        Assert.Equal(["licence", "legal-representative-identity"], Codes("seal"));
        Assert.All(MaterialCatalog.ForService("addon-seal"), r => Assert.Equal(MaterialSupply.LookedUp, r.Supply));
        Assert.Contains("tax-officer-identity", Codes("tax"));
        Assert.Contains("registration-record", Codes("tax"));
        foreach (var item in new[] { "social-insurance", "medical-insurance", "housing-fund" })
        {
            Assert.Equal(["licence", "legal-representative-identity", "registration-record"], Codes(item));
        }

        Assert.Equal(["licence", "legal-representative-identity", "bank-appointment"], Codes("bank-account"));
        Assert.Equal(["licence", "legal-representative-identity", "staff-roster"], Codes("employment"));

        // Every sub-item the enterprise can do on its own has a list, and none is the 企业开办 catch-all line.
        foreach (var item in EstablishmentCatalog.Items.Where(i => !i.Mandatory))
        {
            Assert.DoesNotContain("shared-registration", Codes(item.Code));
            Assert.DoesNotContain("identity", Codes(item.Code));
        }
    }

    [Fact]
    public void The_site_proof_of_gas_heat_and_telecom_does_not_cite_the_electricity_only_line()
    {
        Assert.Contains("000:185", Assert.Single(MaterialCatalog.ForService("connection-power"), r => r.Code == "site-property").Source);
        foreach (var service in new[] { "connection-gas", "connection-heat", "connection-telecom", "connection" })
        {
            var site = Assert.Single(MaterialCatalog.ForService(service), r => r.Code == "site-property");
            Assert.DoesNotContain("000:185", site.Source);
            Assert.StartsWith(MaterialCatalog.PortalDefault, site.Source);
        }
    }

    [Fact]
    public void Water_connection_needs_one_material_the_online_form_as_the_source_promises()
    {
        var water = MaterialCatalog.ForService("connection-water");

        Assert.DoesNotContain(water, r => r.Supply == MaterialSupply.Upload);
        Assert.Contains(water, r => r.Supply == MaterialSupply.Online && r.Source == "002:19");
    }

    [Fact]
    public void The_guide_of_establishment_shows_the_base_list_and_the_lines_scope_entries_and_sub_items_add()
    {
        var sections = MaterialCatalog.Guide("establishment");

        Assert.Equal(["基本材料", "按经营范围增加的材料", "按同步办理事项增加的材料"], sections.Select(s => s.Title));
        Assert.Contains(sections[1].Items, r => r.Code == "floor-plan");
        Assert.Contains(sections[2].Items, r => r.Code == "staff-roster");
    }
}
