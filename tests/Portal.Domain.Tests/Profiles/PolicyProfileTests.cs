using Portal.Domain.Profiles;
using Portal.Workflow;

namespace Portal.Domain.Tests.Profiles;

public sealed class PolicyProfileTests
{
    public static TheoryData<string> Profiles => new(PolicyProfiles.All.Select(p => p.Code));

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_promise_has_a_source_and_a_positive_limit(string code)
    {
        var profile = PolicyProfiles.Find(code)!;
        Assert.NotEmpty(profile.Promises);
        Assert.All(profile.Promises, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Source));
            Assert.True(p.Limit.Amount > 0);
        });
        Assert.Equal(profile.Promises.Count, profile.Promises.Select(p => p.Key).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void Every_profile_defines_every_key(string code)
    {
        var keys = typeof(PromiseKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var profile = PolicyProfiles.Find(code)!;
        Assert.All(keys, key => Assert.NotNull(profile.Find(key)));
    }

    [Fact]
    public void Establishment_limits_are_those_each_city_promised()
    {
        Assert.Equal(new TimeLimit(4, TimeUnit.OfficeHours), PolicyProfiles.Taian.Find(PromiseKeys.EstablishmentTotal)!.Limit);
        Assert.Equal("003:9", PolicyProfiles.Taian.Find(PromiseKeys.EstablishmentTotal)!.Source);
        Assert.Equal(new TimeLimit(2, TimeUnit.OfficeHours), PolicyProfiles.Taian.Find(PromiseKeys.EstablishmentGeneral)!.Limit);
        Assert.Equal(new TimeLimit(1, TimeUnit.HalfWorkingDays), PolicyProfiles.Zaozhuang.Find(PromiseKeys.EstablishmentTotal)!.Limit);
        Assert.Equal("002:9", PolicyProfiles.Zaozhuang.Find(PromiseKeys.EstablishmentTotal)!.Source);
        Assert.Equal(new TimeLimit(20, TimeUnit.OfficeMinutes), PolicyProfiles.Liaocheng.Find(PromiseKeys.EstablishmentTotal)!.Limit);
        Assert.Equal("004:29", PolicyProfiles.Liaocheng.Find(PromiseKeys.EstablishmentTotal)!.Source);
    }

    [Fact]
    public void Simple_deregistration_notice_is_twenty_working_days_from_000_93()
    {
        var notice = PolicyProfiles.Default.Find(PromiseKeys.SimpleDeregistrationNotice)!;
        Assert.Equal(new TimeLimit(20, TimeUnit.WorkingDays), notice.Limit);
        Assert.Equal("000:93", notice.Source);
    }
}
