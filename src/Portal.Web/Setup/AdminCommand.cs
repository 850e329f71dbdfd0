using Microsoft.AspNetCore.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Setup;

/// <summary>
/// The first administrator of a portal that starts without demo data (docs/operations.md):
/// <c>dotnet Portal.Web.dll --create-admin &lt;user name&gt; [--name &lt;full name&gt;]</c> with the password in the environment
/// variable <c>PORTAL_ADMIN_PASSWORD</c> or, without it, as the first line of standard input — never on the command
/// line, where other users of the machine could read it in the process list. The password must pass the portal's
/// password rule; an existing user name is refused. The account binds its authenticator (second factor) at its first
/// sign-in, like every staff account outside Development. The process migrates the database, creates the account and
/// ends (exit code 0, or 1 with the reason).
/// </summary>
public static class AdminCommand
{
    public const string Command = "--create-admin";

    public const string PasswordVariable = "PORTAL_ADMIN_PASSWORD";

    /// <summary>Runs the command when the arguments ask for it; true when the process should end.</summary>
    public static async Task<bool> RunAsync(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, Command);
        if (at < 0)
        {
            return false;
        }

        var userName = at + 1 < args.Length ? args[at + 1] : "";
        var nameAt = Array.IndexOf(args, "--name");
        var fullName = nameAt >= 0 && nameAt + 1 < args.Length ? args[nameAt + 1] : "系统管理员";
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            password = Console.In.ReadLine();
        }

        using var scope = app.Services.CreateScope();
        var created = await CreateAsync(scope.ServiceProvider, userName, fullName, password, Console.Out);
        Environment.ExitCode = created ? 0 : 1;
        return true;
    }

    /// <summary>Creates the administrator; false (with the reasons written to <paramref name="log"/>) when it is refused.</summary>
    public static async Task<bool> CreateAsync(IServiceProvider services, string userName, string fullName, string? password, TextWriter log)
    {
        userName = userName.Trim();
        if (userName.Length == 0 || userName.StartsWith('-'))
        {
            await log.WriteLineAsync($"用法：dotnet Portal.Web.dll {Command} <用户名> [--name <姓名>]，密码由环境变量 {PasswordVariable} 或标准输入的第一行提供。");
            return false;
        }

        if (string.IsNullOrEmpty(password))
        {
            await log.WriteLineAsync($"未提供密码：请设置环境变量 {PasswordVariable}，或在标准输入的第一行输入密码。");
            return false;
        }

        var users = services.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await log.WriteLineAsync($"用户名“{userName}”已存在，未创建管理员。");
            return false;
        }

        var user = new PortalUser
        {
            UserName = userName,
            FullName = string.IsNullOrWhiteSpace(fullName) ? "系统管理员" : fullName.Trim(),
            Kind = UserKind.Staff,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            await log.WriteLineAsync("未创建管理员：" + string.Join(" ", result.Errors.Select(e => e.Description)));
            return false;
        }

        var role = await users.AddToRoleAsync(user, Roles.Admin);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            await log.WriteLineAsync("未创建管理员：" + string.Join(" ", role.Errors.Select(e => e.Description)));
            return false;
        }

        await log.WriteLineAsync($"已创建管理员“{user.UserName}”。首次登录时须绑定身份验证器（动态验证码），然后可在“系统管理”中建立其他工作人员账号。");
        return true;
    }
}
