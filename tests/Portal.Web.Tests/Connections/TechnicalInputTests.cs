using System.Net;
using Portal.Domain.Connections;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Connections;
using Portal.Web.Tests.Http;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Connections;

/// <summary>
/// Impossible technical data and missing application data are refused with a clear Chinese message and nothing is
/// stored (no case, no application, no request, no history), through MediatR and through the form over HTTP.
/// </summary>
public sealed class TechnicalInputTests
{
    public static TheoryData<string, string> BadInputs => new()
    {
        { "negative capacity", "供电：报装容量应大于0千瓦。" },
        { "zero capacity", "供电：报装容量应大于0千瓦。" },
        { "missing capacity", "供电：请填写报装容量。" },
        { "two million kW", "供电：报装容量不能超过1,000,000千瓦，请核对。" },
        { "low voltage above 160 kW", "供电：低压接入容量不超过160千瓦（000:187），超过的请选择10千伏或以上电压等级。" },
        { "negative line length", "供电：线路长度应在0至50,000米之间。" },
        { "external works without a line length", "供电：有外线工程时请填写线路长度。" },
        { "low voltage dual supply", "供电：双电源只适用于10千伏及以上电压等级。" },
        { "999999 m pipe", "供水：管线长度应在0至50,000米之间。" },
        { "diameter 5 mm", "供水：接水管径应在15至2000毫米之间。" },
        { "no diameter", "供水：请填写接水管径。" },
        { "negative gas volume", "燃气：月用气量应大于0立方米。" },
        { "no utility ticked", "请至少选择一项报装（电、水、气、热、信）。" },
        { "invalid credit code checksum", UnifiedSocialCreditCode.ChecksumMessage },
        { "malformed credit code", UnifiedSocialCreditCode.FormatMessage },
        { "missing address", "请填写用能地址。" },
        { "blank address", "请填写用能地址。" },
        { "missing purpose", "请填写用途（如：生产、办公、居住）。" },
        { "enterprise without a name", "企业用户请填写企业名称。" },
    };

    private static Submit.Command Bad(string input)
    {
        var joint = ConnectionSteps.Application(Utility.Power, Utility.Water, Utility.Gas);
        var power = ConnectionSteps.SanLingPower;
        var water = ConnectionSteps.FilingWater;
        return input switch
        {
            "negative capacity" => joint with { Power = power with { CapacityKw = -10 } },
            "zero capacity" => joint with { Power = power with { CapacityKw = 0 } },
            "missing capacity" => joint with { Power = power with { CapacityKw = null } },
            "two million kW" => joint with { Power = power with { CapacityKw = 2_000_000, Voltage = VoltageLevel.Kv35Plus } },
            "low voltage above 160 kW" => joint with { Power = power with { CapacityKw = 200 } },
            "negative line length" => joint with { Power = power with { LineLengthM = -1 } },
            "external works without a line length" => joint with { Power = power with { LineLengthM = null } },
            "low voltage dual supply" => joint with { Power = power with { DualSupply = true } },
            "999999 m pipe" => joint with { Water = water with { PipeLengthM = 999_999 } },
            "diameter 5 mm" => joint with { Water = water with { DiameterMm = 5 } },
            "no diameter" => joint with { Water = water with { DiameterMm = null } },
            "negative gas volume" => joint with { Gas = new TechnicalData { GasCubicMetresPerMonth = -3 } },
            "no utility ticked" => joint with { Utilities = [] },
            "invalid credit code checksum" => joint with { CreditCode = ConnectionSteps.WrongChecksumCreditCode },
            "malformed credit code" => joint with { CreditCode = "91370402-ABC" },
            "missing address" => joint with { Address = null },
            "blank address" => joint with { Address = "   " },
            "missing purpose" => joint with { Purpose = "" },
            "enterprise without a name" => joint with { EnterpriseName = null },
            _ => throw new ArgumentOutOfRangeException(nameof(input)),
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_with_a_chinese_message_and_nothing_is_stored(string input, string message)
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var before = await factory.ConnectionCountsAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(applicant, Bad(input)));

        Assert.Contains(refused.Errors, e => e.Message == message);
        Assert.All(refused.Errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e.Message));
        Assert.Equal(before, await factory.ConnectionCountsAsync());
        Assert.Equal((0, 0, 0), (before.Cases, before.Applications, before.Requests));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task One_bad_utility_refuses_the_whole_joint_application_listing_every_problem(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        var command = ConnectionSteps.Joint() with
        {
            Power = ConnectionSteps.SanLingPower with { CapacityKw = -5 },
            Water = ConnectionSteps.FilingWater with { DiameterMm = 5, PipeLengthM = 999_999 },
        };

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => factory.SendAs(applicant, command));

        Assert.Equal(
            ["供电：报装容量应大于0千瓦。", "供水：管线长度应在0至50,000米之间。", "供水：接水管径应在15至2000毫米之间。"],
            refused.Errors.Select(e => e.Message));
        Assert.Equal(["Power.CapacityKw", "Water.PipeLengthM", "Water.DiameterMm"], refused.Errors.Select(e => e.Field));
        Assert.Equal((0, 0, 0, 0), await factory.ConnectionCountsAsync());
    }

    [Fact]
    public async Task Data_of_a_utility_that_is_not_ticked_is_ignored()
    {
        await using var factory = new PortalFactory();
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");

        // Power only; the water section has nonsense left in it.
        var parent = await factory.SendAs(applicant, ConnectionSteps.Application(Utility.Power) with
        {
            Water = new TechnicalData { DiameterMm = 5, PipeLengthM = -1 },
        });

        var cases = await factory.ConnectionCasesAsync(parent);
        Assert.Equal([Utility.Power], cases.Children.Keys);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Form_with_a_negative_capacity_shows_the_chinese_message_and_keeps_what_was_typed(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant, "张明");
        using var session = await new HttpSession(factory).SignedInAsync(applicant);
        var form = await session.GetAsync("/Connection/Apply?utility=Power");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains("data-testid=\"connection-form\"", form.Body);
        Assert.NotNull(form.Token());
        (string, string)[] Fields(string capacity) =>
        [
            ("Data.Customer", "Enterprise"),
            ("Data.EnterpriseName", ConnectionSteps.EnterpriseName),
            ("Data.Address", ConnectionSteps.Address),
            ("Data.Purpose", "生产"),
            ("Data.Utilities", "Power"),
            ("Data.Power.CapacityKw", capacity),
            ("Data.Power.Voltage", "Low"),
            ("Data.Power.ExternalWorks", "true"),
            ("Data.Power.LineLengthM", "150"),
            ("Data.Power.SanLing", "true"),
            ("Data.Power.NoInterestedParty", "true"),
        ];

        var refused = await session.SubmitAsync(form, null, Fields("-50"));

        Assert.True(refused.Status == HttpStatusCode.OK, refused.ToString());
        Assert.Contains("供电：报装容量应大于0千瓦。", refused.Text);
        Assert.Equal(ConnectionSteps.Address, refused.InputValue("Data.Address"));
        Assert.Equal(ConnectionSteps.EnterpriseName, refused.InputValue("Data.EnterpriseName"));
        Assert.Equal("-50", refused.InputValue("Data.Power.CapacityKw"));
        Assert.Equal("150", refused.InputValue("Data.Power.LineLengthM"));
        Assert.Equal((0, 0, 0, 0), await factory.ConnectionCountsAsync());

        // Corrected on the same page, it is accepted and the applicant is sent to the new case.
        var accepted = await session.SubmitAsync(refused, null, Fields("120"));
        Assert.True(accepted.Status == HttpStatusCode.Redirect, accepted.ToString());
        Assert.Matches(@"^/Cases/BZ-20261123-\d{6}$", accepted.RedirectPath);
        var counts = await factory.ConnectionCountsAsync();
        Assert.Equal((2, 1, 1), (counts.Cases, counts.Applications, counts.Requests));
        var page = await session.GetAsync(accepted.RedirectPath!);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("报装申请已提交", page.Text);
        Assert.Contains("data-testid=\"utility-tracks\"", page.Body);
    }
}
