using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Enterprises;
using Portal.Domain.Organisation;
using Portal.Web.Common;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Establishment;

/// <summary>名称自主申报: a submitted name is reserved until its case ends, on both databases, also under concurrency.</summary>
public sealed class NameTests
{
    private const string Taken = "枣庄惠民餐饮有限公司";

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Name_differing_only_in_organisation_form_spaces_or_brackets_is_refused_naming_the_existing_one(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a = await factory.CreateUserAsync(Roles.Applicant);
        var b = await factory.CreateUserAsync(Roles.Applicant);
        await factory.SubmitAsync(a, EstablishmentSteps.ValidForm(Taken, "catering"));
        var before = await factory.StoredCountsAsync();

        foreach (var variant in new[] { "枣庄惠民餐饮有限责任公司", "枣庄 惠民餐饮（有限公司）" })
        {
            var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
                factory.SubmitAsync(b, EstablishmentSteps.ValidForm(variant, "catering")));
            var error = Assert.Single(refused.Errors);
            Assert.Equal(nameof(EstablishmentForm.ProposedName), error.Field);
            Assert.Contains($"“{Taken}”", error.Message);
            Assert.Equal(EnterpriseNames.Conflict(Taken).Message, error.Message);

            var check = await factory.SendAs(b, new CheckName.Query { Name = variant });
            Assert.False(check.Ok);
            Assert.Equal(Taken, check.ConflictingName);
            Assert.Equal(error.Message, check.Message);
        }

        Assert.Equal(before, await factory.StoredCountsAsync());
        Assert.Equal(0, await factory.WithDb(db => db.EstablishmentApplications.CountAsync(x => x.ApplicantId == b.Id)));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Name_check_accepts_a_free_name_and_reports_reserved_words(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);

        var free = await factory.SendAs(applicant, new CheckName.Query { Name = "枣庄青禾科技有限公司" });
        var reserved = await factory.SendAs(applicant, new CheckName.Query { Name = "枣庄中国青禾科技有限公司" });

        Assert.True(free.Ok);
        Assert.Null(free.ConflictingName);
        Assert.False(reserved.Ok);
        Assert.Contains("“中国”", reserved.Message);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Withdrawing_the_case_releases_the_name_for_another_applicant(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a = await factory.CreateUserAsync(Roles.Applicant);
        var b = await factory.CreateUserAsync(Roles.Applicant);
        var first = await factory.SubmitAsync(a, EstablishmentSteps.ValidForm(Taken, "catering"));
        Assert.False((await factory.SendAs(b, new CheckName.Query { Name = Taken })).Ok);

        await factory.ActNowAsync(a, first.Number, CaseTrigger.Withdraw);

        var withdrawn = await factory.CaseWithItemsAsync(first.Number);
        Assert.Equal(CaseState.Withdrawn, withdrawn.State);
        Assert.All(withdrawn.SubItems, i => Assert.Equal(SubItemState.Cancelled, i.State));
        var closed = await factory.ApplicationOfCaseAsync(withdrawn.Id);
        Assert.Equal(ApplicationStatus.Closed, closed!.Status);
        Assert.Equal(0, await factory.WithDb(db => db.NameReservations.CountAsync()));

        var check = await factory.SendAs(b, new CheckName.Query { Name = "枣庄惠民餐饮有限责任公司" });
        Assert.True(check.Ok, check.Message);
        var second = await factory.SubmitAsync(b, EstablishmentSteps.ValidForm("枣庄惠民餐饮有限责任公司", "catering"));

        var reservation = await factory.WithDb(db => db.NameReservations.AsNoTracking().SingleAsync());
        Assert.Equal("枣庄惠民餐饮有限责任公司", reservation.Name);
        var secondCase = await factory.LoadCaseAsync(second.Number);
        Assert.Equal(b.Id, secondCase.ApplicantId);
        Assert.Equal((await factory.ApplicationOfCaseAsync(secondCase.Id))!.Id, reservation.ApplicationId);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Two_applicants_submitting_the_same_new_name_at_once_get_one_success_and_one_refusal(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var a = await factory.CreateUserAsync(Roles.Applicant);
        var b = await factory.CreateUserAsync(Roles.Applicant);

        using var start = new SemaphoreSlim(0, 2);
        var attempts = new[] { a, b }.Select(applicant => Task.Run(async () =>
        {
            await start.WaitAsync();
            return await Scenario.Outcome(() => factory.SubmitAsync(applicant, EstablishmentSteps.ValidForm("枣庄同时科技有限公司", "tech")));
        })).ToList();
        start.Release(2);
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o is null);
        var failure = Assert.IsType<ValidationFailedException>(Assert.Single(outcomes, o => o is not null));
        var error = Assert.Single(failure.Errors);
        Assert.Equal(nameof(EstablishmentForm.ProposedName), error.Field);
        Assert.True(
            error.Message == "该名称刚刚已被他人申报，请更换字号后重新提交。" || error.Message == EnterpriseNames.Conflict("枣庄同时科技有限公司").Message,
            error.Message);

        var winner = outcomes[0] is null ? a : b;
        var c = await factory.WithDb(db => db.Cases.AsNoTracking().SingleAsync());
        Assert.Equal(winner.Id, c.ApplicantId);
        var application = await factory.WithDb(db => db.EstablishmentApplications.AsNoTracking().SingleAsync());
        Assert.Equal(winner.Id, application.ApplicantId);
        Assert.Equal(c.Id, application.CaseId);
        var reservation = await factory.WithDb(db => db.NameReservations.AsNoTracking().SingleAsync());
        Assert.Equal(application.Id, reservation.ApplicationId);
        Assert.Equal(8, await factory.WithDb(db => db.SubItems.CountAsync()));
    }
}
