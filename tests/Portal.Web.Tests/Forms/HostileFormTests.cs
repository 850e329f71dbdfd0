using System.Net;
using Portal.Domain.Organisation;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Forms;

/// <summary>
/// A form whose every field holds something no field can take (text in numbers, a number too large for any field,
/// control characters) is shown again with Chinese messages or refused — never a server error — now that a value
/// that cannot be read stops the handler and shows the page again.
/// </summary>
public sealed class HostileFormTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    public static TheoryData<string, string?, string> Posts
    {
        get
        {
            var data = new TheoryData<string, string?, string>();
            foreach (var (url, role) in new (string, string?)[]
            {
                ("/Account/Register", null), ("/Account/Login", null), ("/Hall", null), ("/Appointments/CheckIn", null),
                ("/Establishment/Apply", Roles.Applicant), ("/Connection/Apply", Roles.Applicant), ("/Connection/Apply", Roles.Window),
                ("/Promises/Edit", Roles.Admin), ("/Calendar/Manage", Roles.Admin), ("/Cases/{number}", Roles.Window),
            })
            {
                foreach (var value in new[] { "abc", "99999999999999999999", "\u0001<b>", "" })
                {
                    data.Add(url, role, value);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Every_field_holding_nonsense_never_gives_a_server_error(string url, string? role, string value)
    {
        using var session = new HttpSession(factory);
        if (role is not null)
        {
            await session.SignedInAsync(await factory.CreateUserAsync(role));
        }

        if (url.Contains("{number}", StringComparison.Ordinal))
        {
            url = url.Replace("{number}", await factory.SubmitCaseAsync(await factory.CreateUserAsync(Roles.Applicant)), StringComparison.Ordinal);
        }

        var page = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var forms = page.Forms.Where(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase) && f.Action is not ("/Account/Logout" or "/Home/TextSize")).ToList();
        Assert.NotEmpty(forms);
        foreach (var form in forms)
        {
            var fields = FormFields.Of(form)
                .Where(f => f.Name != HttpSession.TokenField)
                .Select(f => (f.Name, value))
                .Distinct()
                .ToArray();
            var answer = await session.SubmitAsync(page, form.Action, fields);

            Assert.True((int)answer.Status < 500, $"{url} form {form.Action ?? "(page)"} with “{value}” everywhere: {(int)answer.Status}");
        }
    }
}
