using System.Net;
using System.Text.Json;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// 报装需求推送 over real HTTP: each utility pulls its own new and changed child cases with its key in X-Api-Key;
/// another utility's key is refused (403), a missing or wrong key is 401; since = the previous until returns only
/// what changed since; the OpenAPI document describes the endpoint.
/// </summary>
public sealed class UtilityFeedTests
{
    private const string PowerKey = "k-power-7f3a9c";
    private const string WaterKey = "k-water-21be04";
    private const string GasKey = "k-gas-5d0e11";

    private static PortalFactory Create(Provider provider)
    {
        var factory = new PortalFactory(provider);
        factory.Settings["Portal:UtilityFeedKeys:Power"] = PowerKey;
        factory.Settings["Portal:UtilityFeedKeys:Water"] = WaterKey;
        factory.Settings["Portal:UtilityFeedKeys:Gas"] = GasKey;
        return factory;
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task A_key_opens_only_its_own_utility_and_missing_or_wrong_keys_are_refused_without_data(Provider provider)
    {
        await using var factory = Create(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        using var client = factory.CreateClient();

        var foreign = await client.FeedAsync("power", WaterKey);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal("该密钥无权读取供电报装。", foreign.Error);
        Assert.DoesNotContain("供水", foreign.Body);
        Assert.DoesNotContain(cases[Utility.Power], foreign.Body);
        Assert.DoesNotContain(ConnectionSteps.Address, foreign.Body);
        Assert.False(foreign.Json.TryGetProperty("items", out _));

        var missing = await client.FeedAsync("power", null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.Equal("缺少 X-Api-Key 请求头。", missing.Error);
        Assert.DoesNotContain(ConnectionSteps.Address, missing.Body);

        var wrong = await client.FeedAsync("power", "k-power-guess");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal("密钥无效。", wrong.Error);
        Assert.DoesNotContain(ConnectionSteps.Address, wrong.Body);

        // A utility whose key is not configured (heat) cannot be read with an empty or any key.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.FeedAsync("heat", "")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.FeedAsync("heat", PowerKey)).Status);

        var unknown = await client.FeedAsync("nuclear", PowerKey);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("nuclear", unknown.Error);
        Assert.Equal(HttpStatusCode.NotFound, (await client.FeedAsync("7", PowerKey)).Status);

        // Each key reads its own utility (the utility name is case-insensitive).
        var power = await client.FeedAsync("Power", PowerKey);
        Assert.Equal(HttpStatusCode.OK, power.Status);
        Assert.Equal([cases[Utility.Power]], power.Numbers);
        var water = await client.FeedAsync("water", WaterKey);
        Assert.Equal(HttpStatusCode.OK, water.Status);
        Assert.Equal([cases[Utility.Water]], water.Numbers);
        Assert.Empty((await client.FeedAsync("gas", GasKey)).Items);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Power_key_returns_only_power_children_with_classification_and_technical_data(Provider provider)
    {
        await using var factory = Create(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var joint = await world.SubmitJointAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var gasOnly = await world.SubmitAsync(ConnectionSteps.Application(Utility.Gas));
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var highVoltage = await world.SubmitAsync(ConnectionSteps.Application(Utility.Power) with
        {
            Address = "山东省枣庄市薛城区工业园9号",
            CreditCode = ConnectionSteps.ValidCreditCode,
            Power = new TechnicalData { CapacityKw = 800, Voltage = VoltageLevel.Kv10, DualSupply = true },
        });
        using var client = factory.CreateClient();

        var page = await client.FeedAsync("power", PowerKey);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("application/json", page.MediaType);
        Assert.Equal("power", page.Json.GetProperty("utility").GetString());
        Assert.Equal([joint[Utility.Power], highVoltage[Utility.Power]], page.Numbers);
        Assert.DoesNotContain(joint[Utility.Water], page.Body);
        Assert.DoesNotContain(gasOnly[Utility.Gas], page.Body);
        Assert.All(page.Items, i => Assert.Equal("power", i.GetProperty("utility").GetString()));

        var sanling = page.Items[0];
        Assert.Equal(joint.Parent, sanling.GetProperty("applicationNumber").GetString());
        Assert.Equal(nameof(CaseState.SiteSurvey), sanling.GetProperty("state").GetString());
        Assert.Equal(CaseState.SiteSurvey.Label(), sanling.GetProperty("stateLabel").GetString());
        Assert.Equal("Reviewer.Power", sanling.GetProperty("holderRole").GetString());
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 2, 17), sanling.GetProperty("stepDueAt").GetDateTime().ToUniversalTime());
        Assert.False(sanling.GetProperty("overdue").GetBoolean());
        Assert.Equal("power-sanling", sanling.GetProperty("classification").GetString());
        Assert.Equal("“三零”服务低压接入（免审批）", sanling.GetProperty("classificationLabel").GetString());
        Assert.Contains("000:177", sanling.GetProperty("source").GetString());
        Assert.Equal("“三零”服务企业用户电网侧办电时间不超过7个工作日", sanling.GetProperty("rule").GetString());
        Assert.Equal(ConnectionSteps.Address, sanling.GetProperty("address").GetString());
        Assert.Equal("Enterprise", sanling.GetProperty("customer").GetString());
        Assert.Equal(ConnectionSteps.EnterpriseName, sanling.GetProperty("enterpriseName").GetString());
        Assert.Equal(JsonValueKind.Null, sanling.GetProperty("surveyAt").ValueKind);
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), sanling.GetProperty("submittedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 9), sanling.GetProperty("updatedAt").GetDateTime().ToUniversalTime());
        var data = sanling.GetProperty("data");
        Assert.Equal(120m, data.GetProperty("capacityKw").GetDecimal());
        Assert.Equal(150m, data.GetProperty("lineLengthM").GetDecimal());
        Assert.True(data.GetProperty("externalWorks").GetBoolean());
        Assert.True(data.GetProperty("sanLing").GetBoolean());
        Assert.True(data.GetProperty("noInterestedParty").GetBoolean());

        var tenKv = page.Items[1];
        Assert.Equal("power-10kv-dual", tenKv.GetProperty("classification").GetString());
        Assert.Equal(ConnectionSteps.ValidCreditCode, tenKv.GetProperty("creditCode").GetString());
        Assert.Equal(800m, tenKv.GetProperty("data").GetProperty("capacityKw").GetDecimal());
        Assert.True(tenKv.GetProperty("data").GetProperty("dualSupply").GetBoolean());
        // 10 kV dual supply: 18 working days from Mon 23 Nov → Thu 17 Dec.
        Assert.Equal(Scenario.ChinaUtc(2026, 12, 17, 17), tenKv.GetProperty("stepDueAt").GetDateTime().ToUniversalTime());
        // The cursor names the last item's change instant; nothing more is waiting.
        Assert.StartsWith($"{tenKv.GetProperty("updatedAt").GetDateTime().ToUniversalTime().Ticks}-", page.Until, StringComparison.Ordinal);
        Assert.False(page.HasMore);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Since_the_previous_until_returns_only_requests_changed_after_it_and_nothing_when_nothing_changed(Provider provider)
    {
        await using var factory = Create(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var first = await world.SubmitJointAsync();
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var second = await world.SubmitAsync(ConnectionSteps.Application(Utility.Power) with { Address = "山东省枣庄市薛城区工业园9号" });
        using var client = factory.CreateClient();

        // 09:05: everything so far.
        factory.Time.SetChina(2026, 11, 23, 9, 5);
        var all = await client.FeedAsync("power", PowerKey);
        Assert.Equal([first[Utility.Power], second[Utility.Power]], all.Numbers);

        // Nothing changed: nothing (also a minute later).
        var nothing = await client.FeedAsync("power", PowerKey, all.Until);
        Assert.Equal(HttpStatusCode.OK, nothing.Status);
        Assert.Empty(nothing.Items);
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var stillNothing = await client.FeedAsync("power", PowerKey, nothing.Until);
        Assert.Empty(stillNothing.Items);

        // 10:00: the window arranges the joint survey of the first application: its power request changed (and its water one).
        factory.Time.SetChina(2026, 11, 23, 10);
        await world.ScheduleSurveyAsync(world.Window, first.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 23, 10, 5);
        var afterSurvey = await client.FeedAsync("power", PowerKey, stillNothing.Until);
        var changed = Assert.Single(afterSurvey.Items);
        Assert.Equal(first[Utility.Power], changed.GetProperty("number").GetString());
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 10), changed.GetProperty("surveyAt").GetDateTime().ToUniversalTime());
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 23, 10), changed.GetProperty("updatedAt").GetDateTime().ToUniversalTime());
        var waterChanged = await client.FeedAsync("water", WaterKey, stillNothing.Until);
        Assert.Equal([first[Utility.Water]], waterChanged.Numbers);
        Assert.Empty((await client.FeedAsync("power", PowerKey, afterSurvey.Until)).Items);

        // Tue 24 Nov 11:00: the power company records the survey of the first application: its step moved.
        factory.Time.SetChina(2026, 11, 24, 11);
        await world.ActAsync(world.Power, first[Utility.Power], CaseTrigger.RecordSurvey, "具备接电条件");
        factory.Time.SetChina(2026, 11, 24, 11, 1);
        var afterStep = await client.FeedAsync("power", PowerKey, afterSurvey.Until);
        var moved = Assert.Single(afterStep.Items);
        Assert.Equal(first[Utility.Power], moved.GetProperty("number").GetString());
        Assert.Equal(nameof(CaseState.ContractSigning), moved.GetProperty("state").GetString());
        Assert.Equal(Scenario.ChinaUtc(2026, 11, 24, 11), moved.GetProperty("updatedAt").GetDateTime().ToUniversalTime());

        // The water company records its findings: the power feed has nothing new, the water feed has it.
        factory.Time.SetChina(2026, 11, 24, 14);
        await world.ActAsync(world.Water, first[Utility.Water], CaseTrigger.RecordSurvey, "具备接水条件");
        factory.Time.SetChina(2026, 11, 24, 14, 1);
        Assert.Empty((await client.FeedAsync("power", PowerKey, afterStep.Until)).Items);
        Assert.Equal([first[Utility.Water]], (await client.FeedAsync("water", WaterKey, waterChanged.Until)).Numbers);

        // The second application is withdrawn by its applicant: its power request is in the next page, as withdrawn.
        factory.Time.SetChina(2026, 11, 24, 15);
        await world.ActAsync(world.Applicant, second.Parent, CaseTrigger.Withdraw, "项目取消");
        factory.Time.SetChina(2026, 11, 24, 15, 1);
        var afterWithdraw = await client.FeedAsync("power", PowerKey, afterStep.Until);
        var withdrawn = Assert.Single(afterWithdraw.Items);
        Assert.Equal(second[Utility.Power], withdrawn.GetProperty("number").GetString());
        Assert.Equal(nameof(CaseState.Withdrawn), withdrawn.GetProperty("state").GetString());

        // Without since: everything again.
        Assert.Equal(2, (await client.FeedAsync("power", PowerKey)).Items.Count);
    }

    /// <summary>
    /// A poller that reads at the very instant a change is stamped must still get that change on its next read
    /// (the contract: pass the previous until as since and nothing is missed).
    /// </summary>
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Change_stamped_at_the_instant_of_the_previous_read_is_delivered_on_the_next_read(Provider provider)
    {
        await using var factory = Create(provider);
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        using var client = factory.CreateClient();
        factory.Time.SetChina(2026, 11, 23, 10);

        // The utility reads at 10:00:00 ...
        var read = await client.FeedAsync("power", PowerKey);
        Assert.Single(read.Items);
        // ... and in the same instant the window arranges the survey (its change is stamped 10:00:00).
        await world.ScheduleSurveyAsync(world.Window, cases.Parent, new DateOnly(2026, 11, 24), new TimeOnly(10, 0));
        factory.Time.SetChina(2026, 11, 23, 10, 5);

        var next = await client.FeedAsync("power", PowerKey, read.Until);

        Assert.True(
            next.Numbers.Contains(cases[Utility.Power]),
            $"the survey arranged at the instant of the previous read (until={read.Until}) is never delivered: since={read.Until} answered {next.Body}");
    }

    [Fact]
    public async Task OpenApi_document_describes_the_feed_path_its_key_header_and_its_answers()
    {
        await using var factory = Create(Provider.Sqlite);
        using var session = new HttpSession(factory);

        var document = await session.GetAsync("/openapi/utilities.json");

        Assert.Equal(HttpStatusCode.OK, document.Status);
        Assert.Equal("application/json", document.MediaType);
        var root = JsonDocument.Parse(document.Body).RootElement;
        Assert.StartsWith("3.", root.GetProperty("openapi").GetString());
        Assert.Equal("政务服务中心 · 报装需求推送接口", root.GetProperty("info").GetProperty("title").GetString());
        var paths = root.GetProperty("paths");
        Assert.Equal(["/api/utilities/{utility}/requests"], paths.EnumerateObject().Select(p => p.Name));
        var get = paths.GetProperty("/api/utilities/{utility}/requests").GetProperty("get");
        Assert.Equal("GetUtilityRequests", get.GetProperty("operationId").GetString());
        Assert.Contains("X-Api-Key", get.GetProperty("description").GetString());
        var parameters = get.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("utility", parameters);
        Assert.Contains("since", parameters);
        Assert.Contains("after", parameters);
        Assert.Contains("limit", parameters);
        var responses = get.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Equal(["200", "400", "401", "403", "404"], responses.Order());
        // No other part of the portal is in this document.
        Assert.DoesNotContain("/Cases", document.Body);
    }

    [Fact]
    public async Task Guide_pages_show_the_classes_with_their_rules_and_the_apply_link()
    {
        await using var factory = Create(Provider.Sqlite);
        using var visitor = new HttpSession(factory);

        var joint = await visitor.GetAsync("/Connection");
        Assert.Equal(HttpStatusCode.OK, joint.Status);
        Assert.Contains("水电气热信联合报装", joint.Text);
        Assert.Contains("“三零”服务低压接入（免审批）", joint.Text);
        Assert.Contains("150米以下：承诺备案、容缺受理", joint.Text);
        Assert.Contains("href=\"/Connection/Apply\"", joint.Body);

        foreach (var utility in Utilities.All)
        {
            var page = await visitor.GetAsync($"/Connection/{utility}");
            Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
            Assert.Contains(utility.ServiceLabel(), page.Text);
            Assert.Contains($"href=\"/Connection/Apply?utility={utility}\"", page.Body);
        }

        var power = await visitor.GetAsync("/Connection/Power");
        Assert.Contains("10千伏双电源", power.Text);
        Assert.DoesNotContain("150米以下：承诺备案、容缺受理", power.Text);
        var gas = await visitor.GetAsync("/Connection/Gas");
        // 10 working days from now (Mon 23 Nov 09:00): Mon 7 Dec 17:00.
        Assert.Equal("2026年12月7日 17:00", gas.TestId("due-now"));
    }

    [Fact]
    public async Task A_change_is_served_once_it_is_a_few_seconds_old_and_a_bad_cursor_is_refused()
    {
        await using var factory = Create(Provider.Sqlite);
        factory.Settings["Portal:UtilityFeedSettleSeconds"] = "2";
        var world = await ConnectionWorld.CreateAsync(factory);
        var cases = await world.SubmitJointAsync();
        using var client = factory.CreateClient();

        // Just submitted: not served yet, so a change still being committed elsewhere cannot be jumped over.
        Assert.Empty((await client.FeedAsync("power", PowerKey)).Items);
        factory.Time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal([cases[Utility.Power]], (await client.FeedAsync("power", PowerKey)).Numbers);

        var bad = await client.FeedAsync("power", PowerKey, "not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("after", bad.Body);
    }
}
