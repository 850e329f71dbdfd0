using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Domain.Enterprises;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Cases;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Deregistration;

/// <summary>Opens the case of a deregistration and ties it to the enterprise (one at a time per enterprise).</summary>
public static class DeregistrationCases
{
    public static async Task<string> OpenAsync(PortalDbContext db, Enterprise enterprise, DeregistrationApplication application, CaseActionContext context, Channel channel, CancellationToken cancellationToken)
    {
        if (!enterprise.IsActive)
        {
            throw new RuleViolationException([$"该企业已于{enterprise.CancelledOn:yyyy年M月d日}注销。"]);
        }

        if (enterprise.DeregistrationCaseId is { } running)
        {
            var number = await db.Cases.AsNoTracking().Where(c => c.Id == running).Select(c => c.Number).SingleAsync(cancellationToken);
            throw new RuleViolationException([$"该企业已有正在办理的注销申请（{number}），请勿重复提交。"]);
        }

        var owner = await db.Users.AsNoTracking().Where(u => u.Id == enterprise.OwnerId).Select(u => new { u.Id, u.FullName }).SingleAsync(cancellationToken);
        var caseNumber = await CaseNumbers.NextAsync(db, context.Service.NumberPrefix, context.Clock.LocalDate(context.NowUtc), cancellationToken);
        var c = Case.Submit(caseNumber, $"{enterprise.Name} {application.Route.Label()}", (owner.Id, owner.FullName), channel, context, enterprise.CreditCode);
        db.Cases.Add(c);
        await db.SaveChangesAsync(cancellationToken);

        application.AttachTo(c.Id, c.Number);
        db.Deregistrations.Add(application);
        // The enterprise row carries the running case: a second start at the same moment conflicts on its version.
        enterprise.BeginDeregistration(c.Id);
        await db.SaveChangesAsync(cancellationToken);
        return caseNumber;
    }
}
