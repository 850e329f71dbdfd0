using System.Net;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Materials;

/// <summary>
/// 单独办理 has no application form of its own (one 办理 button on the enterprise page; the enterprise's data are held):
/// what it asks to be uploaded is handed in on the case page it leads to.
/// </summary>
public sealed class LaterItemMaterialsTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task Starting_an_item_that_asks_for_an_upload_leads_to_its_case_pages_materials_naming_what_to_upload()
    {
        var representative = await factory.BecomeFormLegalRepresentativeAsync(await factory.CreateUserAsync(Roles.Applicant));
        var creditCode = await MaterialListPageTests.EnterpriseWithEveryItemLaterAsync(factory, representative);
        using var owner = await new HttpSession(factory).SignedInAsync(representative);
        var start = $"/Enterprises/{creditCode}?handler=Start";

        // 职工就业登记 asks for the 职工花名册: its case page opens at 申请材料 and names it, with the file inputs there.
        var employment = await owner.SubmitAsync(await owner.GetAsync($"/Enterprises/{creditCode}"), start, ("item", "employment"));
        Assert.Equal(HttpStatusCode.Redirect, employment.Status);
        var location = employment.Header("Location")!;
        Assert.Matches(@"^/Cases/[^#/]+#materials$", location);
        var casePage = await owner.GetAsync(location[..location.IndexOf('#')]);
        Assert.Contains("请在本页“申请材料”中上传“" + MaterialCatalog.StaffRoster.Name + "”", casePage.Text);
        Assert.NotNull(casePage.Html.Document.QuerySelector($"#materials [data-testid='file-{MaterialCatalog.StaffRoster.Code}']"));

        // 涉税办理 asks for nothing to upload (all 免提交): its case page as before.
        var tax = await owner.SubmitAsync(await owner.GetAsync($"/Enterprises/{creditCode}"), start, ("item", "tax"));
        Assert.Equal(HttpStatusCode.Redirect, tax.Status);
        Assert.DoesNotContain("#", tax.Header("Location")!);
        Assert.DoesNotContain("请在本页“申请材料”中上传", (await owner.GetAsync(tax.Header("Location")!)).Text);
    }
}
