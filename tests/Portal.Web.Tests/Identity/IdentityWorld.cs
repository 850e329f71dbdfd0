using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Web.Features.Enterprises;
using Portal.Web.Tests.Deregistration;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Identity;

/// <summary>
/// An enterprise whose legal representative 张明 holds a verified account (and owns the enterprise in the portal), and
/// the people who try to act for it: an impostor, 张明's own name and ID number on an unverified account, agents.
/// </summary>
public sealed record IdentityWorld(PortalFactory Factory, TestUser Representative, TestUser Window, TestUser Market, TestUser Supervisor, TestEnterprise Enterprise)
{
    private static int mobiles;

    public static async Task<IdentityWorld> CreateAsync(PortalFactory factory)
    {
        var world = await DeregistrationWorld.CreateAsync(factory);
        return new IdentityWorld(factory, world.Representative, world.Window, world.Market, world.Supervisor, world.Enterprise);
    }

    public Task<string> RepresentativeIdNumberAsync() => Factory.IdNumberOfAsync(Representative);

    /// <summary>"冒名者": registered (unverified) with the legal representative's ID number under another name.</summary>
    public async Task<TestUser> ImpostorAsync() => await ClaimantAsync("冒名者");

    /// <summary>An unverified account with exactly the legal representative's name and ID number.</summary>
    public async Task<TestUser> UnverifiedRealNameAsync() => await ClaimantAsync(Representative.Name);

    /// <summary>A verified applicant with a mobile number as user name, ready to be named an agent.</summary>
    public async Task<(TestUser User, string Mobile, string IdNumber)> VerifiedPersonAsync(string name, bool verified = true)
    {
        var user = await Factory.CreateUserAsync(Roles.Applicant, name);
        var mobile = $"1390{Interlocked.Increment(ref mobiles) % 10000:D4}{Random.Shared.Next(1000):D3}";
        await Factory.WithDb(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.UserName, mobile).SetProperty(u => u.NormalizedUserName, mobile).SetProperty(u => u.PhoneNumber, mobile)));
        user = user with { UserName = mobile };
        if (verified)
        {
            await Factory.VerifyAsync(user);
        }

        return (user, mobile, await Factory.IdNumberOfAsync(user));
    }

    /// <summary>The legal representative names the person an agent for the services (through the real command).</summary>
    public async Task<TestUser> AgentForAsync(string name, params string[] services)
    {
        var (agent, mobile, idNumber) = await VerifiedPersonAsync(name);
        await Factory.SendAs(Representative, GrantCommand(mobile, name, idNumber, services));
        return agent;
    }

    public Agents.Grant.Command GrantCommand(string mobile, string name, string idNumber, string[] services, DateOnly? expiresOn = null) => new()
    {
        CreditCode = Enterprise.CreditCode,
        AgentMobile = mobile,
        AgentName = name,
        AgentIdNumber = idNumber,
        Services = [.. services],
        ExpiresOn = expiresOn,
    };

    /// <summary>The legal representative revokes the agent's active authorisation.</summary>
    public async Task RevokeAsync(TestUser agent)
    {
        var id = await Factory.WithDb(db => db.EnterpriseAgents.Where(a => a.AgentUserId == agent.Id && a.RevokedAt == null).Select(a => a.Id).SingleAsync());
        await Factory.SendAs(Representative, new Agents.Revoke.Command { CreditCode = Enterprise.CreditCode, Id = id });
    }

    private async Task<TestUser> ClaimantAsync(string name)
    {
        var idNumber = await RepresentativeIdNumberAsync();
        var user = await Factory.CreateUserAsync(Roles.Applicant, name);
        await Factory.WithDb(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IdNumber, idNumber)));
        return user;
    }
}
