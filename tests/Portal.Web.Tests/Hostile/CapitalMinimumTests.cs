using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Establishment;
using Portal.Web.Tests.Http;

namespace Portal.Web.Tests.Hostile;

/// <summary>Registered capital has a sensible minimum (issue 16 part 5): 0.01万元 (100元), whole 元 (4 decimals of 万元).</summary>
public sealed class CapitalMinimumTests(SqlitePortal factory) : IClassFixture<SqlitePortal>
{
    [Theory]
    [InlineData("0.0099", "注册资本至少0.01万元（100元），请核对单位（万元）。")]
    [InlineData("0.000001", "注册资本至少0.01万元（100元），请核对单位（万元）。")]
    [InlineData("1.00001", "注册资本最多精确到元（万元后4位小数）。")]
    public async Task Capital_below_100_yuan_or_finer_than_a_yuan_is_refused_in_chinese(string capital, string message)
    {
        var applicant = await factory.CreateUserAsync(Portal.Domain.Organisation.Roles.Applicant);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm($"枣庄资本{capital.Length}测试科技有限公司", "tech") with { RegisteredCapital = decimal.Parse(capital, System.Globalization.CultureInfo.InvariantCulture) }));

        var error = Assert.Single(refused.Errors);
        Assert.Equal((nameof(EstablishmentForm.RegisteredCapital), message), error);
    }

    [Fact]
    public async Task Capital_of_exactly_100_yuan_is_accepted()
    {
        var applicant = await factory.CreateUserAsync(Portal.Domain.Organisation.Roles.Applicant);

        var result = await factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄百元资本科技有限公司", "tech") with { RegisteredCapital = 0.01m });

        Assert.StartsWith("QYKB-", result.Number);
    }
}
