using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Common.Pipeline;
using Portal.Web.Features.Cases;
using Portal.Web.Features.Establishment;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Pipeline;

/// <summary>The transaction behaviour: a command's writes are committed together or not at all.</summary>
public sealed class TransactionTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Crash_after_saving_mid_request_leaves_nothing_half_written(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var before = await factory.SnapshotAsync(number);
        var savedInsideTheRequest = 0;

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var contexts = scope.ServiceProvider.GetRequiredService<CaseContexts>();
            var behavior = new TransactionBehavior<Act.Command, Unit>(db);
            var command = new Act.Command { Number = number, Trigger = CaseTrigger.Accept, ExpectedVersion = before.Version };

            var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => behavior.Handle(command, CancellationToken.None, async () =>
            {
                var c = await db.Cases.SingleAsync(x => x.Number == number);
                c.Fire(CaseTrigger.Accept, await contexts.ForAsync(EstablishmentService.Code, CancellationToken.None, window.Actor));
                savedInsideTheRequest = await db.SaveChangesAsync();
                throw new InvalidOperationException("进程在保存之后、提交之前崩溃");
            }));

            Assert.Equal("进程在保存之后、提交之前崩溃", crash.Message);
        }

        // The save inside the request did write the case, its history row, the applicant's 已受理 message (the
        // notification outbox is part of the same save) and the work queue's move from the window to the 市场监管
        // reviewer (one row removed, one added), but none of them was committed.
        Assert.Equal(5, savedInsideTheRequest);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.Notifications.AnyAsync(n => n.CaseNumber == number));
            Assert.Equal([Roles.Window], await db.WorkItems.Where(w => w.Case.Number == number).Select(w => w.Holder).ToListAsync());
        }

        Assert.Equal(before, await factory.SnapshotAsync(number));
        var c = await factory.LoadCaseAsync(number);
        Assert.Null(c.AcceptedAt);
        Assert.Null(c.OwnerId);
        Assert.DoesNotContain(c.History, e => e.Action == nameof(CaseTrigger.Accept));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Request_that_finishes_commits_its_state_change_and_history_together(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var number = await factory.SubmitCaseAsync(applicant);
        var before = await factory.SnapshotAsync(number);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var contexts = scope.ServiceProvider.GetRequiredService<CaseContexts>();
            var behavior = new TransactionBehavior<Act.Command, Unit>(db);
            var command = new Act.Command { Number = number, Trigger = CaseTrigger.Accept, ExpectedVersion = before.Version };

            await behavior.Handle(command, CancellationToken.None, async () =>
            {
                var c = await db.Cases.SingleAsync(x => x.Number == number);
                c.Fire(CaseTrigger.Accept, await contexts.ForAsync(EstablishmentService.Code, CancellationToken.None, window.Actor));
                await db.SaveChangesAsync();
                Assert.NotNull(db.Database.CurrentTransaction);
                return Unit.Value;
            });
        }

        var after = await factory.SnapshotAsync(number);
        Assert.Equal(CaseState.InProgress, after.State);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.HistoryCount + 1, after.HistoryCount);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.PostgreSql)]
    public async Task Workflow_refusal_inside_a_request_becomes_a_rule_violation_and_rolls_back(Provider provider)
    {
        await using var factory = new PortalFactory(provider);
        var applicant = await factory.CreateUserAsync(Roles.Applicant);
        var window = await factory.CreateUserAsync(Roles.Window);
        var first = await factory.SubmitCaseAsync(applicant);
        var second = await factory.SubmitCaseAsync(applicant);
        var before = (await factory.SnapshotAsync(first), await factory.SnapshotAsync(second));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var contexts = scope.ServiceProvider.GetRequiredService<CaseContexts>();
            var transaction = new TransactionBehavior<Act.Command, Unit>(db);
            var failures = new FailureBehavior<Act.Command, Unit>();
            var command = new Act.Command { Number = first, Trigger = CaseTrigger.Accept };

            // The first case is accepted and saved; then a refused action on the second one ends the request. The
            // transaction rolls back and forgets what it tracked; the failure behaviour names the refusal.
            var refused = await Assert.ThrowsAsync<RuleViolationException>(() => failures.Handle(command, CancellationToken.None, () => transaction.Handle(command, CancellationToken.None, async () =>
            {
                var context = await contexts.ForAsync(EstablishmentService.Code, CancellationToken.None, window.Actor);
                (await db.Cases.SingleAsync(x => x.Number == first)).Fire(CaseTrigger.Accept, context);
                await db.SaveChangesAsync();
                (await db.Cases.SingleAsync(x => x.Number == second)).Fire(CaseTrigger.Complete, context);
                await db.SaveChangesAsync();
                return Unit.Value;
            })));

            Assert.Contains("不能执行「办结」", refused.Message);
            Assert.Empty(db.ChangeTracker.Entries());
        }

        Assert.Equal(before, (await factory.SnapshotAsync(first), await factory.SnapshotAsync(second)));
    }
}
