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
    public void Every_profile_defines_every_key_but_the_optional_ones(string code)
    {
        var profile = PolicyProfiles.Find(code)!;
        Assert.All(PromiseKeys.All.Except(PromiseKeys.Optional), key => Assert.NotNull(profile.Find(key)));
        Assert.All(profile.Promises, p => Assert.Contains(p.Key, PromiseKeys.All));
    }

    [Fact]
    public void Establishment_limits_are_those_each_place_promised_over_the_whole_process()
    {
        Assert.Equal(TimeLimit.OfficeHours(4), PolicyProfiles.Taian.Find(PromiseKeys.EstablishmentTotal)!.Limit);
        Assert.Equal("003:9", PolicyProfiles.Taian.Find(PromiseKeys.EstablishmentTotal)!.Source);
        Assert.Equal(TimeLimit.OfficeHours(2), PolicyProfiles.Taian.Find(PromiseKeys.EstablishmentGeneral)!.Limit);
        Assert.Equal(new TimeLimit(1, TimeUnit.HalfWorkingDays), PolicyProfiles.Yicheng.Find(PromiseKeys.EstablishmentTotal)!.Limit);
        Assert.Equal("002:9", PolicyProfiles.Yicheng.Find(PromiseKeys.EstablishmentTotal)!.Source);
        Assert.Equal(TimeLimit.OfficeMinutes(20), PolicyProfiles.Liaocheng.Find(PromiseKeys.EstablishmentTotal)!.Limit);
        Assert.Equal("004:29", PolicyProfiles.Liaocheng.Find(PromiseKeys.EstablishmentTotal)!.Source);
        Assert.All(PolicyProfiles.All.SelectMany(p => p.Promises).Where(p => p.Key is PromiseKeys.EstablishmentTotal or PromiseKeys.EstablishmentGeneral),
            p => Assert.True(p.WholeProcess));
    }

    /// <summary>0.5个工作日 (002:9) is 峄城区's promise: the city of 枣庄 (000) sets none, so its profile states the portal's own.</summary>
    [Fact]
    public void Yichengs_half_day_is_not_the_whole_citys_promise()
    {
        var city = PolicyProfiles.Zaozhuang.Find(PromiseKeys.EstablishmentTotal)!;

        Assert.Equal("枣庄市", PolicyProfiles.Zaozhuang.Name);
        Assert.Equal("枣庄市峄城区", PolicyProfiles.Yicheng.Name);
        Assert.Equal(PolicyProfiles.PortalDefault, city.Source);
        Assert.Equal(TimeLimit.WorkingDays(1), city.Limit);
        Assert.Contains("002:9", city.Note);
        Assert.DoesNotContain(PolicyProfiles.All.Where(p => p != PolicyProfiles.Yicheng).SelectMany(p => p.Promises), p => p.Source.Contains("002:9"));
        Assert.Equal(["000"], PolicyProfiles.Zaozhuang.Documents);
        Assert.Equal(["000", "002"], PolicyProfiles.Yicheng.Documents);
    }

    /// <summary>Only 泰安 distinguishes 一般性企业 (003:9); the other places' documents do not, so they have no such row.</summary>
    [Fact]
    public void Only_Taian_has_a_general_enterprise_promise()
    {
        Assert.Equal([PolicyProfiles.Taian], PolicyProfiles.All.Where(p => p.Find(PromiseKeys.EstablishmentGeneral) is not null));
    }

    [Theory]
    [InlineData("zaozhuang", PromiseKeys.PowerResidential, "借用聊城市文件（004:123），枣庄市文件未作规定")]
    [InlineData("zaozhuang", PromiseKeys.WaterConnect, "借用枣庄市峄城区文件（002:19），枣庄市文件未作规定")]
    [InlineData("yicheng", PromiseKeys.PowerSanLing, "借用聊城市文件（004:123），枣庄市峄城区文件未作规定")]
    [InlineData("yicheng", PromiseKeys.WaterConnect, null)]
    [InlineData("yicheng", PromiseKeys.PowerRoadWorksFiling, null)]
    [InlineData("taian", PromiseKeys.Power10kVSingle, "借用聊城市文件（004:123），泰安市文件未作规定")]
    [InlineData("taian", PromiseKeys.WaterJointApproval, "借用枣庄市峄城区文件（002:19），泰安市文件未作规定")]
    [InlineData("taian", PromiseKeys.SimpleDeregistrationNotice, "借用枣庄市文件（000:93），泰安市文件未作规定")]
    [InlineData("taian", PromiseKeys.EstablishmentTotal, null)]
    [InlineData("liaocheng", PromiseKeys.GasConnect, "借用枣庄市峄城区文件（002:19），聊城市文件未作规定")]
    [InlineData("liaocheng", PromiseKeys.PowerLowVoltageNoWorks, null)]
    [InlineData("liaocheng", PromiseKeys.OrdinaryClaims, null)] // the Company Law binds everywhere
    [InlineData("liaocheng", PromiseKeys.HeatConnect, null)] // the portal's own default
    public void A_rule_from_another_places_document_is_marked_borrowed_with_its_source(string code, string key, string? expected)
    {
        var profile = PolicyProfiles.Find(code)!;

        Assert.Equal(expected, profile.Borrowed(profile.Find(key)!.Source));
    }

    [Fact]
    public void Rectification_of_a_bad_rating_is_the_portals_default_and_cites_no_unrelated_line()
    {
        Assert.All(PolicyProfiles.All, profile =>
        {
            var rectification = profile.Find(PromiseKeys.RatingRectification)!;
            Assert.Equal(PolicyProfiles.PortalDefault, rectification.Source);
            Assert.Contains("国办发〔2019〕51号", rectification.Note);
            Assert.DoesNotContain("003:539", rectification.Note);
            Assert.Equal(TimeLimit.WorkingDays(15), rectification.Limit);
        });
    }

    [Fact]
    public void Power_next_day_connection_is_the_next_natural_day_and_water_immediately_is_the_portals_own_limit()
    {
        var power = PolicyProfiles.Zaozhuang.Find(PromiseKeys.PowerLowVoltageNoWorks)!;
        var water = PolicyProfiles.Zaozhuang.Find(PromiseKeys.WaterNoWorks)!;

        Assert.Equal(TimeLimit.NaturalDays(1), power.Limit);
        Assert.Equal("次日", power.Limit.ToString());
        Assert.Equal("004:123", power.Source);
        Assert.Equal(PolicyProfiles.PortalDefault, water.Source);
        Assert.Contains("002:19", water.Note);
        Assert.Contains("立即", water.Note);
    }

    [Fact]
    public void Simple_deregistration_notice_is_twenty_working_days_from_000_93()
    {
        var notice = PolicyProfiles.Default.Find(PromiseKeys.SimpleDeregistrationNotice)!;
        Assert.Equal(new TimeLimit(20, TimeUnit.WorkingDays), notice.Limit);
        Assert.Equal("000:93", notice.Source);
    }
}
