using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Connections;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Connections;

/// <summary>涉路、涉树工程 (000:177): the utility registers how the works are handled and when they start; the lead time is checked.</summary>
public static class PlanWorks
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "办理方式")]
        public RoadWorksRoute Route { get; init; }

        [Display(Name = "报请批准（或批准）日期")]
        public DateOnly? FiledOn { get; init; }

        [Display(Name = "计划开工日期")]
        public DateOnly? StartOn { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Route).IsInEnum().WithMessage("请选择办理方式。");
            RuleFor(c => c.StartOn).NotNull().WithMessage("请填写计划开工日期。");
            RuleFor(c => c.FiledOn).NotNull().When(c => c.Route != RoadWorksRoute.Commitment).WithMessage("请填写报请批准（或批准）的日期。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, PromiseService promises, CalendarService calendar, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var r = await db.UtilityRequests.Include(x => x.Application).FirstOrDefaultAsync(x => x.CaseNumber == request.Number, cancellationToken)
                ?? throw new NotFoundException("未找到该办件。");
            if (!me.IsInRole(r.Utility.Department().ReviewerRole()))
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。");
            }

            if (!r.NeedsWorksPlan)
            {
                throw new RuleViolationException(["该报装不涉及城市道路挖掘或树木砍伐，无需登记施工计划。"]);
            }

            var c = await db.Cases.SingleAsync(x => x.Id == r.CaseId, cancellationToken);
            if (c.State.IsFinal())
            {
                throw new RuleViolationException([$"该报装已{c.State.Label()}，不能再登记施工计划。"]);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var clock = await calendar.GetClockAsync(cancellationToken);
            var lead = (await promises.GetAsync(cancellationToken)).Limit(PromiseKeys.PowerRoadWorksFiling) ?? Workflow.TimeLimit.NaturalDays(3);
            var problems = UtilityRequest.WorksPlanProblems(request.Route, request.FiledOn, request.StartOn!.Value, lead, clock.LocalDate(now));
            if (problems.Count > 0)
            {
                throw new ValidationFailedException(nameof(Command.StartOn), string.Join("", problems));
            }

            r.PlanRoadWorks(request.Route, request.FiledOn, request.StartOn.Value, lead, clock.LocalDate(now), me.Name, now);
            c.Record("登记涉路涉树施工计划", me.ToActor(), now, ConnectionPanel.WorksPlanText(r, lead));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
