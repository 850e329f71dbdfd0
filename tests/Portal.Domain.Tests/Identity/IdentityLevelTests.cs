using Portal.Domain.Enterprises;
using Portal.Domain.Identity;

namespace Portal.Domain.Tests.Identity;

/// <summary>Identity levels: a verification holds only for the name and ID number verified; the legal-representative match needs both.</summary>
public class IdentityLevelTests
{
    private const string Id = "11010519491231002X";

    [Fact]
    public void An_account_never_verified_is_unverified()
    {
        Assert.Equal(IdentityLevel.Unverified, IdentityLevels.Of("张明", Id, null, null, null));
        Assert.Equal("未实名核验", IdentityLevel.Unverified.Label());
    }

    [Theory]
    [InlineData(VerificationMethod.Window, IdentityLevel.VerifiedAtWindow, "已实名核验（窗口核验）")]
    [InlineData(VerificationMethod.IdentityProvider, IdentityLevel.VerifiedByIdentityProvider, "已实名核验（统一身份认证）")]
    public void A_verification_of_the_current_name_and_id_number_gives_its_level(VerificationMethod method, IdentityLevel level, string label)
    {
        Assert.Equal(level, IdentityLevels.Of("张明", Id, "张明", Id, method));
        Assert.True(level.IsVerified());
        Assert.Equal(label, level.Label());
    }

    [Theory]
    [InlineData("张明明", Id)]
    [InlineData("张明", "110105194912310038")]
    [InlineData("张明", null)]
    public void A_changed_name_or_id_number_drops_the_account_to_unverified(string name, string? idNumber) =>
        Assert.Equal(IdentityLevel.Unverified, IdentityLevels.Of(name, idNumber, "张明", Id, VerificationMethod.Window));

    [Theory]
    [InlineData("张明", Id, true)]
    [InlineData(" 张明 ", "11010519491231002x", true)]
    [InlineData("冒名者", Id, false)]
    [InlineData("张明", "110105194912310038", false)]
    [InlineData("", Id, false)]
    [InlineData("张明", "", false)]
    public void The_same_person_needs_both_the_name_and_the_id_number(string name, string idNumber, bool same) =>
        Assert.Equal(same, IdentityLevels.SamePerson(name, idNumber, "张明", Id));
}

/// <summary>经办人授权: named services, optional last moment, immediate revocation.</summary>
public class EnterpriseAgentTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_authorisation_covers_only_its_services_until_it_ends()
    {
        var end = Now.AddDays(2);
        var agent = EnterpriseAgent.Grant(7, ("a", "李四", "1101**********002X"), ["deregistration-simple", "addon-tax", "addon-tax"], ("r", "张明"), Now, end);

        Assert.Equal(["addon-tax", "deregistration-simple"], agent.ServiceCodes);
        Assert.True(agent.Covers("deregistration-simple", Now));
        Assert.False(agent.Covers("deregistration-ordinary", Now));
        Assert.True(agent.Covers("addon-tax", end.AddTicks(-1)));
        Assert.False(agent.Covers("addon-tax", end));
    }

    [Fact]
    public void Revocation_ends_it_at_once_and_only_once()
    {
        var agent = EnterpriseAgent.Grant(7, ("a", "李四", "x"), ["deregistration-simple"], ("r", "张明"), Now, null);

        Assert.True(agent.Revoke(("r", "张明"), Now.AddMinutes(5)));

        Assert.False(agent.Covers("deregistration-simple", Now.AddMinutes(5)));
        Assert.False(agent.Revoke(("r", "张明"), Now.AddMinutes(6)));
        Assert.Equal(Now.AddMinutes(5), agent.RevokedAt);
    }

    [Fact]
    public void An_authorisation_names_a_service_and_cannot_end_before_it_starts()
    {
        Assert.Throws<ArgumentException>(() => EnterpriseAgent.Grant(7, ("a", "李四", "x"), [], ("r", "张明"), Now, null));
        Assert.Throws<ArgumentException>(() => EnterpriseAgent.Grant(7, ("a", "李四", "x"), ["addon-tax"], ("r", "张明"), Now, Now));
    }
}
