using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Guides;

/// <summary>
/// A guide page's 在线申请 button: who gets it, and what staff who cannot apply read instead of a button ending in 403.
/// </summary>
public sealed class ApplyButtonTests
{
    [Theory]
    [InlineData("/Establishment", "/Establishment/Apply")]
    [InlineData("/Connection/power", "/Connection/Apply?utility=Power")]
    public async Task Staff_who_cannot_apply_are_told_who_can_instead_of_a_button_that_ends_in_403(string guide, string form)
    {
        await using var factory = new PortalFactory();
        var reviewer = await factory.CreateUserAsync(Department.Market.ReviewerRole(), "市场监管审批员");
        var window = await factory.CreateUserAsync(Roles.Window, "窗口甲");
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");

        using (var staff = await new HttpSession(factory).SignedInAsync(reviewer))
        {
            var page = await staff.GetAsync(guide);
            Assert.Empty(page.Html.Document.QuerySelectorAll($"a[href='{form}']"));
            var told = page.TestId("who-can-apply");
            Assert.NotNull(told);
            Assert.Contains($"您当前登录的是{Roles.Label(Department.Market.ReviewerRole())}账号，不能提交申请", told);
            Assert.Contains("窗口工作人员帮办代办", told);
        }

        using (var clerk = await new HttpSession(factory).SignedInAsync(window))
        {
            var page = await clerk.GetAsync(guide);
            Assert.Single(page.Html.Document.QuerySelectorAll($"a.btn[href='{form}']"));
            Assert.Null(page.TestId("who-can-apply"));
        }

        using (var person = await new HttpSession(factory).SignedInAsync(applicant))
        {
            Assert.Single((await person.GetAsync(guide)).Html.Document.QuerySelectorAll($"a.btn[href='{form}']"));
        }

        using var visitor = new HttpSession(factory);
        Assert.Single((await visitor.GetAsync(guide)).Html.Document.QuerySelectorAll($"a.btn[href='{form}']"));
    }
}
