using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Security;
using Portal.Web.Setup.Seeding;
using Portal.Web.Tests.Forms;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>
/// The password rule — at least 8 characters of three kinds, and not a common or easily guessed one — on every path
/// that sets a password: registration (RegistrationTests), changing one's own, an administrator's reset, and
/// Identity's user manager itself.
/// </summary>
public sealed class PasswordPolicyTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Theory]
    [InlineData("password1", PasswordPolicy.TooFewKinds)]
    [InlineData("12345678a", PasswordPolicy.TooFewKinds)]
    [InlineData("portal2026", PasswordPolicy.TooFewKinds)]
    [InlineData("Ab1@", PasswordPolicy.TooShort)]
    [InlineData("Password1", PasswordPolicy.TooGuessable)]
    [InlineData("P@ssw0rd", PasswordPolicy.TooGuessable)]
    [InlineData("Aa123456!", PasswordPolicy.TooGuessable)]
    [InlineData("Qwer@1234", PasswordPolicy.TooGuessable)]
    public void Weak_passwords_are_refused_with_the_reason(string password, string reason) =>
        Assert.Equal([reason], PasswordPolicy.Check(password, []));

    [Theory]
    [InlineData(DemoData.Password)]
    [InlineData("Lanse#Haibin77")]
    [InlineData("huang-he-ru-hai-LIU")]
    public void Strong_passwords_pass(string password) => Assert.Empty(PasswordPolicy.Check(password, []));

    [Fact]
    public void The_persons_own_data_counts_as_guessable()
    {
        var user = new PortalUser { UserName = "13957206481", PhoneNumber = "13957206481", FullName = "王芳", IdNumber = "370402199003071234" };

        Assert.Equal([PasswordPolicy.TooGuessable], PasswordPolicy.Check("Wf#13957206481", user));
        Assert.Empty(PasswordPolicy.Check("Wf#13957206481", []));
    }

    [Fact]
    public void Kinds_count_upper_lower_digits_and_symbols()
    {
        Assert.Equal(0, PasswordPolicy.Kinds(""));
        Assert.Equal(2, PasswordPolicy.Kinds("password1"));
        Assert.Equal(3, PasswordPolicy.Kinds("Password1"));
        Assert.Equal(4, PasswordPolicy.Kinds("Pass word1"));
        Assert.Equal(2, PasswordPolicy.Kinds("密码密码密码12"));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("12345678a")]
    [InlineData("Password1")]
    public async Task Identitys_user_manager_refuses_them_on_every_path(string password)
    {
        var refused = await factory.Service(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var created = await users.CreateAsync(new PortalUser { UserName = $"pw{Guid.NewGuid():N}"[..20], FullName = "测试" }, password);
            return created.Errors.Select(e => e.Description).ToList();
        });

        Assert.NotEmpty(refused);
        Assert.All(refused, e => Assert.DoesNotMatch("[A-Za-z]{3,}", e));
    }

    [Theory]
    [InlineData("password1", PasswordPolicy.TooFewKinds)]
    [InlineData("Password1", PasswordPolicy.TooGuessable)]
    public async Task Changing_ones_own_password_to_a_weak_one_is_refused(string password, string reason)
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(applicant);

        var answer = await browser.SubmitAsync("/Account/Password",
            ("Data.CurrentPassword", HttpSession.DefaultPassword), ("Data.NewPassword", password), ("Data.ConfirmPassword", password));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(reason, FormFields.ErrorsBeside(answer, "Data.NewPassword"));
        using var again = new HttpSession(factory);
        Assert.Equal("/Cases", (await again.SignInAsync(applicant.UserName)).RedirectPath);
    }

    [Fact]
    public async Task A_wrong_current_password_is_refused_beside_its_field()
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(applicant);

        var answer = await browser.SubmitAsync("/Account/Password",
            ("Data.CurrentPassword", "Wrong@2026x"), ("Data.NewPassword", "Lanse#Haibin77"), ("Data.ConfirmPassword", "Lanse#Haibin77"));

        Assert.Equal(["当前密码不正确。"], FormFields.ErrorsBeside(answer, "Data.CurrentPassword"));
    }

    [Theory]
    [InlineData("12345678a", PasswordPolicy.TooFewKinds)]
    [InlineData("P@ssw0rd", PasswordPolicy.TooGuessable)]
    public async Task An_administrators_reset_to_a_weak_password_is_refused(string password, string reason)
    {
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(admin);
        var page = await browser.GetAsync($"/Admin/Account?id={applicant.Id}");

        var answer = await browser.SubmitAsync(page, SessionTests.Handler(page, "Password"), ("Password.NewPassword", password), ("Password.ConfirmPassword", password));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(reason, FormFields.ErrorsBeside(answer, "Password.NewPassword"));
        using var again = new HttpSession(factory);
        Assert.Equal("/Cases", (await again.SignInAsync(applicant.UserName)).RedirectPath);
    }

    [Fact]
    public async Task An_administrators_reset_to_a_strong_password_ends_the_sessions_and_the_new_one_works()
    {
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        using var applicantBrowser = await new HttpSession(factory).SignedInAsync(applicant);
        using var browser = await new HttpSession(factory).SignedInAsync(admin);
        var page = await browser.GetAsync($"/Admin/Account?id={applicant.Id}");

        var answer = await browser.SubmitAsync(page, SessionTests.Handler(page, "Password"), ("Password.NewPassword", "Lanse#Haibin77"), ("Password.ConfirmPassword", "Lanse#Haibin77"));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.StartsWith("/Account/Login", (await applicantBrowser.GetAsync("/Cases")).RedirectPath);
        using var again = new HttpSession(factory);
        Assert.Equal("/Cases", (await again.SignInAsync(applicant.UserName, "Lanse#Haibin77")).RedirectPath);
    }
}
