using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Security;
using Portal.Web.Setup;
using Portal.Web.Tests.Http;

namespace Portal.Web.Tests.Setup;

/// <summary>
/// The first administrator of a portal without demo data (<c>--create-admin</c>, docs/operations.md): created with the
/// Admin role only when the password passes the rule and the name is free; it then signs in, must bind an
/// authenticator, and reaches 系统管理.
/// </summary>
public sealed class AdminCommandTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    private const string StrongPassword = "Huanghe#Rukou2026";

    [Fact]
    public async Task The_first_administrator_is_created_signs_in_with_a_second_factor_and_reaches_the_admin_pages()
    {
        var log = new StringWriter();
        Assert.True(await CreateAsync("city-admin", StrongPassword, log));
        Assert.Contains("已创建管理员“city-admin”", log.ToString(), StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByNameAsync("city-admin");
            Assert.NotNull(user);
            Assert.Equal(UserKind.Staff, user.Kind);
            Assert.Equal([Roles.Admin], await users.GetRolesAsync(user));
            Assert.False(await users.GetTwoFactorEnabledAsync(user));
        }

        // The password step sends the new administrator to bind an authenticator; after that 系统管理 opens.
        using var browser = new HttpSession(factory);
        var answer = await browser.SubmitAsync("/Account/Login", ("Data.UserName", "city-admin"), ("Data.Password", StrongPassword));
        Assert.StartsWith("/Account/Authenticator", answer.RedirectPath);
        await browser.PassSecondFactorAsync("city-admin", answer);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Admin")).Status);
    }

    [Theory]
    [InlineData("password1", PasswordPolicy.TooFewKinds)]
    [InlineData("P@ssw0rd", PasswordPolicy.TooGuessable)]
    [InlineData("Ab1@", PasswordPolicy.TooShort)]
    public async Task A_weak_password_is_refused_with_the_reason_and_no_account_is_made(string password, string reason)
    {
        var name = "weak-admin-" + Guid.NewGuid().ToString("N")[..6];
        var log = new StringWriter();

        Assert.False(await CreateAsync(name, password, log));

        Assert.Contains(reason, log.ToString(), StringComparison.Ordinal);
        Assert.Null(await FindAsync(name));
    }

    [Fact]
    public async Task An_existing_user_name_is_refused_and_that_account_keeps_its_roles()
    {
        Assert.True(await CreateAsync("taken-admin", StrongPassword, new StringWriter()));
        var log = new StringWriter();

        Assert.False(await CreateAsync("taken-admin", "Another#Strong2026pw", log));

        Assert.Contains("已存在", log.ToString(), StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByNameAsync("taken-admin"))!;
        Assert.True(await users.CheckPasswordAsync(user, StrongPassword));
    }

    [Theory]
    [InlineData("", StrongPassword, "用法")]
    [InlineData("--name", StrongPassword, "用法")]
    [InlineData("no-password-admin", "", "未提供密码")]
    [InlineData("no-password-admin", null, "未提供密码")]
    public async Task A_missing_user_name_or_password_is_refused(string userName, string? password, string message)
    {
        var log = new StringWriter();

        Assert.False(await CreateAsync(userName, password, log));

        Assert.Contains(message, log.ToString(), StringComparison.Ordinal);
        Assert.Null(await FindAsync("no-password-admin"));
    }

    private async Task<bool> CreateAsync(string userName, string? password, TextWriter log)
    {
        using var scope = factory.Services.CreateScope();
        return await AdminCommand.CreateAsync(scope.ServiceProvider, userName, "市政务服务中心管理员", password, log);
    }

    private async Task<PortalUser?> FindAsync(string userName)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByNameAsync(userName);
    }
}
