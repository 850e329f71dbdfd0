using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;
using Portal.Web.Features.Security;
using Portal.Web.Tests.Forms;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Account;

/// <summary>实名注册 over HTTP: Chinese errors next to what the person typed, and a working account afterwards.</summary>
public sealed class RegistrationTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    /// <summary>A published sample number whose check character is X (GB 11643).</summary>
    private const string SampleId = "11010519491231002X";

    private static int sequence;

    [Fact]
    public async Task Registration_page_shows_the_chinese_real_name_form()
    {
        using var session = new HttpSession(factory);

        var page = await session.GetAsync("/Account/Register");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("实名注册", page.Text);
        Assert.Contains("居民身份证号", page.Text);
        Assert.Contains("手机号", page.Text);
        Assert.Contains("确认密码", page.Text);
        Assert.Contains("至少8位，包含大写字母、小写字母、数字、符号中的至少三类", page.Text);
        Assert.NotNull(page.Token());
        Assert.NotNull(page.InputValue("Data.FullName"));
    }

    [Fact]
    public async Task Wrong_id_check_character_is_refused_in_chinese_and_keeps_the_typed_name_and_creates_nobody()
    {
        Assert.True(ResidentIdNumber.IsValid(SampleId));
        var wrong = SampleId[..17] + "3";
        var mobile = NextMobile();
        using var session = new HttpSession(factory);

        var answer = await Register(session, Form("张晓明", wrong, mobile));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("居民身份证号校验位不正确", answer.Text);
        Assert.Equal("张晓明", answer.InputValue("Data.FullName"));
        Assert.Equal(wrong, answer.InputValue("Data.IdNumber"));
        Assert.Equal(mobile, answer.InputValue("Data.Mobile"));
        Assert.Equal(0, await Users(u => u.IdNumber == wrong || u.UserName == mobile));
    }

    [Fact]
    public async Task Bad_mobile_number_is_refused_in_chinese()
    {
        var id = NextId();
        using var session = new HttpSession(factory);

        var answer = await Register(session, Form("李四", id, "1234567"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("手机号应为11位", answer.Text);
        Assert.Equal(0, await Users(u => u.IdNumber == id));
    }

    [Fact]
    public async Task Mismatched_password_confirmation_is_refused_in_chinese()
    {
        var id = NextId();
        using var session = new HttpSession(factory);

        var answer = await Register(session, Form("王五", id, NextMobile(), confirm: "different2026"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("两次输入的密码不一致", answer.Text);
        Assert.Equal(0, await Users(u => u.IdNumber == id));
    }

    [Theory]
    [InlineData("onlyletters")]
    [InlineData("password1")]
    [InlineData("12345678a")]
    public async Task Password_of_fewer_than_three_kinds_is_refused_in_chinese(string password)
    {
        var id = NextId();
        using var session = new HttpSession(factory);

        var answer = await Register(session, Form("赵六", id, NextMobile(), password: password, confirm: password));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal([PasswordPolicy.TooFewKinds], FormFields.ErrorsBeside(answer, "Data.Password"));
        Assert.Equal(0, await Users(u => u.IdNumber == id));
    }

    [Theory]
    [InlineData("Password1")]
    [InlineData("P@ssw0rd")]
    [InlineData("Admin@123")]
    [InlineData("Qwer@1234")]
    public async Task Common_password_of_three_kinds_is_refused_as_guessable(string password)
    {
        var id = NextId();
        using var session = new HttpSession(factory);

        var answer = await Register(session, Form("赵六", id, NextMobile(), password: password, confirm: password));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(PasswordPolicy.TooGuessable, FormFields.ErrorsBeside(answer, "Data.Password"));
        Assert.Equal(0, await Users(u => u.IdNumber == id));
    }

    [Fact]
    public async Task Password_made_of_the_persons_own_mobile_number_is_refused_as_guessable()
    {
        var id = NextId();
        var mobile = NextMobile();
        using var session = new HttpSession(factory);

        var answer = await Register(session, Form("赵六", id, mobile, password: "Zl@" + mobile, confirm: "Zl@" + mobile));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(PasswordPolicy.TooGuessable, FormFields.ErrorsBeside(answer, "Data.Password"));
        Assert.Equal(0, await Users(u => u.IdNumber == id));
    }

    [Fact]
    public async Task Valid_registration_creates_a_signed_in_applicant_with_the_id_stored_normalised()
    {
        var mobile = NextMobile();
        using var session = new HttpSession(factory);

        // Lower-case x and surrounding spaces, as people type them.
        var answer = await Register(session, Form("陈静", "  " + SampleId.ToLowerInvariant() + " ", mobile));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal(Registered, answer.RedirectPath);
        var (user, roles) = await factory.Service(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<PortalUser>>();
            var found = await users.FindByNameAsync(mobile);
            Assert.NotNull(found);
            return (found!, await users.GetRolesAsync(found!));
        });
        Assert.Equal(SampleId, user.IdNumber);
        Assert.Equal("陈静", user.FullName);
        Assert.Equal(mobile, user.PhoneNumber);
        Assert.Equal(UserKind.Citizen, user.Kind);
        Assert.Equal(new[] { Roles.Applicant }, roles);
        Assert.Equal(factory.Time.GetUtcNow().UtcDateTime, user.CreatedAt);

        // The registration signs nobody in (its answer must not differ from an existing account's); the person signs in.
        Assert.StartsWith("/Account/Login", (await session.GetAsync("/Cases")).RedirectPath);
        Assert.Contains("注册申请已提交", (await session.GetAsync(answer.RedirectPath!)).Text);
        Assert.Equal("/Cases", (await session.SignInAsync(mobile)).RedirectPath);
        var cases = await session.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.OK, cases.Status);
        Assert.Contains("我的办件", cases.Text);
        Assert.Contains("陈静", cases.Text);
    }

    /// <summary>
    /// A name and ID number typed at registration are only a claim (docs/decisions/0016-identity-levels.md): a second account
    /// may claim an ID number already claimed, both stay unverified, and the answer tells nobody that the number was
    /// registered before. Refusing it let whoever registered first block the real person and disclosed registrations.
    /// </summary>
    [Fact]
    public async Task Registering_an_id_number_already_claimed_makes_a_second_unverified_account_and_discloses_nothing()
    {
        var id = NextId(checkCharX: false);
        var firstMobile = NextMobile();
        using (var first = new HttpSession(factory))
        {
            Assert.Equal(Registered, (await Register(first, Form("周一", id, firstMobile))).RedirectPath);
        }

        using var second = new HttpSession(factory);
        var mobile = NextMobile();
        var answer = await Register(second, Form("冒名者", " " + id + " ", mobile));

        // The same answer as any registration: nothing says that the ID number was claimed before.
        Assert.Equal(Registered, answer.RedirectPath);
        var page = await second.GetAsync(answer.RedirectPath!);
        Assert.DoesNotContain("该身份证号已注册", page.Text);
        var claimants = await factory.WithDb(db => db.Users.AsNoTracking().Where(u => u.IdNumber == id).ToListAsync());
        Assert.Equal(2, claimants.Count);
        Assert.All(claimants, u => Assert.Equal(IdentityLevel.Unverified, u.Level));
        Assert.Contains(claimants, u => u.UserName == mobile && u.FullName == "冒名者");
    }

    [Fact]
    public async Task Registering_a_registered_mobile_number_again_answers_like_a_new_registration_and_creates_nobody()
    {
        var mobile = NextMobile();
        using (var first = new HttpSession(factory))
        {
            Assert.Equal(Registered, (await Register(first, Form("吴二", NextId(), mobile))).RedirectPath);
        }

        var otherId = NextId();
        using var second = new HttpSession(factory);
        var answer = await Register(second, Form("郑三", otherId, mobile));

        Assert.Equal(Registered, answer.RedirectPath);
        Assert.Equal(0, await Users(u => u.IdNumber == otherId));
        Assert.Equal(1, await Users(u => u.UserName == mobile));
        Assert.Equal("吴二", await factory.WithDb(db => db.Users.Where(u => u.UserName == mobile).Select(u => u.FullName).SingleAsync()));
    }

    private static Task<HttpPage> Register(HttpSession session, (string Name, string Value)[] fields) =>
        session.SubmitAsync("/Account/Register", fields);

    private const string Registered = "/Account/Login?Registered=True";

    private static (string Name, string Value)[] Form(string name, string id, string mobile, string password = HttpSession.DefaultPassword, string? confirm = null) =>
    [
        ("Data.FullName", name),
        ("Data.IdNumber", id),
        ("Data.Mobile", mobile),
        ("Data.Kind", nameof(UserKind.Citizen)),
        ("Data.EnterpriseName", ""),
        ("Data.Password", password),
        ("Data.ConfirmPassword", confirm ?? password),
    ];

    private Task<int> Users(System.Linq.Expressions.Expression<Func<PortalUser, bool>> where) =>
        factory.WithDb(db => db.Users.CountAsync(where));

    private static string NextMobile() => $"139{Interlocked.Increment(ref sequence):D4}{Random.Shared.Next(10000):D4}";

    /// <summary>A valid number (born 1990-03-07 in 370402) with a fresh sequence code.</summary>
    private static string NextId(bool checkCharX = false)
    {
        while (true)
        {
            var id = ResidentIdNumber.Create($"37040219900307{Interlocked.Increment(ref sequence) % 1000:D3}");
            if (id.EndsWith('X') == checkCharX)
            {
                return id;
            }
        }
    }
}
