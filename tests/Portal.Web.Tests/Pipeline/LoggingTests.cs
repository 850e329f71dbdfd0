using Portal.Domain.Identity;
using Portal.Infrastructure.Identity;
using Portal.Web.Common.Pipeline;
using Portal.Web.Features.Account;

namespace Portal.Web.Tests.Pipeline;

/// <summary>What the request log writes about a request: personal data masked, passwords never.</summary>
public sealed class LoggingTests
{
    private const string IdNumber = "370102199003071234";
    private const string Mobile = "13812345678";
    private const string Password = "zhang2026secret";

    private static Register.Command Registration => new()
    {
        FullName = "张三",
        IdNumber = IdNumber,
        Mobile = Mobile,
        Kind = UserKind.Citizen,
        Password = Password,
        ConfirmPassword = Password,
    };

    [Fact]
    public void Logged_registration_masks_the_id_number_the_mobile_and_the_name()
    {
        var logged = LoggingBehavior<Register.Command, string>.Describe(Registration);

        Assert.Contains("\"IdNumber\":\"3701**********1234\"", logged);
        Assert.Contains("\"Mobile\":\"138****5678\"", logged);
        Assert.Contains("\"FullName\":\"张*\"", logged);
        Assert.DoesNotContain(IdNumber, logged);
        Assert.DoesNotContain(Mobile, logged);
        Assert.DoesNotContain("张三", logged);
    }

    [Fact]
    public void Logged_registration_never_contains_the_password()
    {
        var logged = LoggingBehavior<Register.Command, string>.Describe(Registration);

        Assert.DoesNotContain(Password, logged);
        Assert.DoesNotContain("secret", logged, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"Password\":\"***\"", logged);
        Assert.Contains("\"ConfirmPassword\":\"***\"", logged);
    }

    [Fact]
    public void Logged_registration_masks_an_id_number_whose_check_character_is_X()
    {
        var id = ResidentIdNumber.Create("11010519491231002");
        var logged = LoggingBehavior<Register.Command, string>.Describe(Registration with { IdNumber = id });

        Assert.Contains($"\"IdNumber\":\"{id[..4]}**********{id[^4..]}\"", logged);
        Assert.DoesNotContain(id, logged);
    }

    [Fact]
    public void Logged_agent_authorisation_masks_the_agents_name_id_number_and_mobile()
    {
        var grant = new Portal.Web.Features.Enterprises.Agents.Grant.Command
        {
            CreditCode = "91370402MA3C000000",
            AgentMobile = Mobile,
            AgentName = "李四海",
            AgentIdNumber = IdNumber,
            Services = ["deregistration-simple"],
        };

        var logged = LoggingBehavior<Portal.Web.Features.Enterprises.Agents.Grant.Command, string>.Describe(grant);

        Assert.Contains("\"AgentName\":\"李**\"", logged);
        Assert.DoesNotContain("李四海", logged);
        Assert.DoesNotContain(IdNumber, logged);
        Assert.DoesNotContain(Mobile, logged);
    }
}
