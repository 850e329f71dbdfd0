using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Notifications;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Exposure;

/// <summary>
/// Issue 16 part 7: personal data in what staff see and what the log keeps — the contact phone on the 企业开办
/// application only for those whose task needs it, and refusals and outgoing messages masked in the log.
/// </summary>
public sealed class PersonalDataExposureTests
{
    private const string Phone = "13800000001";
    private const string MaskedPhone = "138****0001";

    [Fact]
    public async Task A_tax_reviewer_sees_the_contact_phone_masked_while_those_who_contact_the_applicant_see_it_whole()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await ApplicantWithLegalRepresentativeIdAsync(factory);
        var number = (await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄明德科技有限公司", "tech", "software"))).Number;
        var reviewers = new Reviewers(factory);

        async Task<string> PhoneSeenBy(TestUser user) =>
            (await factory.SendAs(user, new SubmittedApplication.Query { Number = number })).ContactPhone;

        Assert.Equal(Phone, await PhoneSeenBy(applicant));
        Assert.Equal(Phone, await PhoneSeenBy(await factory.CreateUserAsync(Roles.Window)));
        Assert.Equal(Phone, await PhoneSeenBy(await factory.CreateUserAsync(Roles.Supervisor)));
        Assert.Equal(Phone, await PhoneSeenBy(await reviewers.OfAsync(Department.Market)));
        Assert.Equal(Phone, await PhoneSeenBy(await reviewers.OfAsync(Department.Bank)));
        Assert.Equal(MaskedPhone, await PhoneSeenBy(await reviewers.OfAsync(Department.Tax)));
        Assert.Equal(MaskedPhone, await PhoneSeenBy(await reviewers.OfAsync(Department.HumanResources)));
        Assert.Equal(MaskedPhone, await PhoneSeenBy(await reviewers.OfAsync(Department.HousingFund)));
        Assert.Equal(MaskedPhone, await PhoneSeenBy(await reviewers.OfAsync(Department.Police)));
        Assert.Equal(MaskedPhone, await PhoneSeenBy(await factory.CreateUserAsync(Roles.Admin)));

        // The page the 税务 reviewer opens shows the masked number only.
        using var tax = await new HttpSession(factory).SignedInAsync(await reviewers.OfAsync(Department.Tax));
        var page = await tax.GetAsync($"/Establishment/Application/{number}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(MaskedPhone, page.TestId("contact-phone"));
        Assert.DoesNotContain(Phone, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Police_see_the_phone_whole_when_the_seals_are_mailed()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        var applicant = await ApplicantWithLegalRepresentativeIdAsync(factory);
        var form = EstablishmentSteps.ValidForm("枣庄远航科技有限公司", "tech") with { SealDelivery = SealDelivery.Mail, SealMailAddress = "山东省枣庄市市中区光明路1号" };
        var number = (await factory.SubmitAsync(applicant, form)).Number;

        var seen = await factory.SendAs(await new Reviewers(factory).OfAsync(Department.Police), new SubmittedApplication.Query { Number = number });

        Assert.Equal(Phone, seen.ContactPhone);
    }

    [Fact]
    public async Task A_refusal_naming_an_investor_is_shown_whole_but_logged_with_the_name_masked()
    {
        await using var factory = new LoggedPortal();
        var applicant = await ApplicantWithLegalRepresentativeIdAsync(factory);
        var form = EstablishmentSteps.ValidForm("枣庄青松科技有限公司", "tech") with
        {
            Investors =
            [
                new InvestorRow { Name = "张明", IdentityNumber = EstablishmentSteps.LegalRepresentativeId, SharePercent = 60 },
                new InvestorRow { Name = "李华", IdentityNumber = "370402199001011234", SharePercent = 40 },
            ],
        };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SubmitAsync(applicant, form));

        Assert.Contains("股东“李华”的证件号码", refused.Message);
        var logged = factory.Log.Where(m => m.Contains("refused", StringComparison.Ordinal)).ToList();
        Assert.Contains(logged, m => m.Contains("股东“李*”的证件号码", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log, m => m.Contains("李华", StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Log, m => m.Contains("370402199001011234", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_log_sender_masks_the_recipients_phone_and_address_and_numbers_in_the_text()
    {
        var log = new ListLogger();
        var sender = new LogNotificationSender(new Logger<LogNotificationSender>(new ListLoggerFactory(log)));

        await sender.SendAsync(new OutgoingMessage(7, "u1", "13912345678", "zhangming@example.cn", "办件已受理", "请联系13800000001核对身份证号370102199003071234。", null), CancellationToken.None);

        var line = Assert.Single(log.Lines);
        Assert.Contains("139****5678", line);
        Assert.Contains("z***@example.cn", line);
        Assert.Contains("138****0001", line);
        Assert.Contains("3701**********1234", line);
        Assert.DoesNotContain("13912345678", line);
        Assert.DoesNotContain("zhangming", line);
        Assert.DoesNotContain("13800000001", line);
        Assert.DoesNotContain("370102199003071234", line);
    }

    private static async Task<TestUser> ApplicantWithLegalRepresentativeIdAsync(PortalFactory factory)
    {
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        await factory.WithDb(db => db.Users.Where(u => u.Id == applicant.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IdNumber, EstablishmentSteps.LegalRepresentativeId)));
        return applicant;
    }
}
