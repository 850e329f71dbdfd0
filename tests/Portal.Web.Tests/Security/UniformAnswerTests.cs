using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Account;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Security;

/// <summary>
/// Sign-in and registration answer the same, with the same work done, for existing and missing accounts: the work is
/// counted at Identity's password hasher (the expensive part: PBKDF2), not timed.
/// </summary>
public sealed class UniformAnswerTests
{
    [Fact]
    public async Task A_missing_account_costs_the_same_password_check_as_a_wrong_password()
    {
        await using var factory = new CountingPortal();
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = new HttpSession(factory);

        var before = factory.Hasher.Verifications;
        var wrong = await browser.SignInAsync(user.UserName, "Wrong@2026x");
        var afterWrong = factory.Hasher.Verifications;
        var missing = await browser.SignInAsync("13999999999", "Wrong@2026x");
        var afterMissing = factory.Hasher.Verifications;

        Assert.Equal(1, afterWrong - before);
        Assert.Equal(1, afterMissing - afterWrong);
        Assert.Equal(wrong.Html.Texts(".alert-error li"), missing.Html.Texts(".alert-error li"));
        Assert.Equal([SignIn.Refused], missing.Html.Texts(".alert-error li"));
    }

    [Fact]
    public async Task A_locked_account_costs_the_same_password_check_and_gives_the_same_answer()
    {
        await using var factory = new CountingPortal();
        var user = await factory.CreateUserAsync(Roles.Applicant);
        using var browser = new HttpSession(factory);
        for (var i = 0; i < 5; i++)
        {
            await browser.SignInAsync(user.UserName, $"Wrong{i}@2026x");
        }

        var before = factory.Hasher.Verifications;
        var locked = await browser.SignInAsync(user.UserName);

        Assert.Equal(1, factory.Hasher.Verifications - before);
        Assert.Equal(HttpStatusCode.OK, locked.Status);
        Assert.Equal([SignIn.Refused], locked.Html.Texts(".alert-error li"));
    }

    [Fact]
    public async Task Registering_an_existing_id_number_hashes_the_password_once_like_a_new_registration()
    {
        await using var factory = new CountingPortal();
        using var browser = new HttpSession(factory);
        var id = ResidentIdNumber.Create("37040219850612123");

        var beforeNew = factory.Hasher.Hashes;
        var created = await Register(browser, id, "13912340001");
        var afterNew = factory.Hasher.Hashes;
        var again = await Register(browser, id, "13912340002");
        var afterAgain = factory.Hasher.Hashes;

        Assert.Equal(1, afterNew - beforeNew);
        Assert.Equal(1, afterAgain - afterNew);
        Assert.Equal(created.Status, again.Status);
        Assert.Equal(created.RedirectPath, again.RedirectPath);
    }

    private static Task<HttpPage> Register(HttpSession browser, string id, string mobile) =>
        browser.SubmitAsync("/Account/Register",
            ("Data.FullName", "孙七"), ("Data.IdNumber", id), ("Data.Mobile", mobile), ("Data.Kind", nameof(UserKind.Citizen)),
            ("Data.EnterpriseName", ""), ("Data.Password", HttpSession.DefaultPassword), ("Data.ConfirmPassword", HttpSession.DefaultPassword));

    /// <summary>The portal with Identity's password hasher wrapped by one that counts its calls.</summary>
    private sealed class CountingPortal() : PortalFactory(Provider.Sqlite)
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> inner = new();
        private int hashes;
        private int verifications;

        public int Hashes => Volatile.Read(ref hashes);

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(PortalUser user, string password)
        {
            Interlocked.Increment(ref hashes);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
