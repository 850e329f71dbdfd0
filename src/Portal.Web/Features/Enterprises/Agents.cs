using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;
using Portal.Domain.Organisation;
using Portal.Domain.Privacy;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Identity;
using Portal.Web.Common;
using Portal.Web.Features.Identity;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Enterprises;

public static class Agents
{
    public const string OnlyLegalRepresentative = "只有企业的法定代表人本人（已实名核验）可以授权或撤销经办人。";

    /// <summary>One authorisation as the legal representative sees it.</summary>
    public sealed record AgentRow(long Id, string Name, string IdNumberMasked, IReadOnlyList<string> Services, string GrantedAt, string Until, string State, bool Active);

    /// <summary>“长期（撤销前有效）” or the last day it holds.</summary>
    public static string Until(DateTime? expiresAtUtc, DeadlineClock clock) =>
        expiresAtUtc is { } end ? clock.ToLocal(end).AddTicks(-1).ToString("yyyy年M月d日") + "（含当日）" : "长期（撤销前有效）";

    public static async Task<IReadOnlyList<AgentRow>> RowsAsync(PortalDbContext db, DeadlineClock clock, long enterpriseId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var rows = await db.EnterpriseAgents.AsNoTracking().Where(a => a.EnterpriseId == enterpriseId)
            .OrderByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
        return rows.Select(a => new AgentRow(
                a.Id,
                a.AgentName,
                a.AgentIdNumberMasked,
                a.ServiceCodes.Select(BindingServices.LabelOf).ToList(),
                DeadlineView.Format(clock.ToLocal(a.GrantedAt)),
                Until(a.ExpiresAt, clock),
                a.RevokedAt is { } r ? $"已于{DeadlineView.Format(clock.ToLocal(r))}撤销" : a.IsActive(nowUtc) ? "有效" : "已过期",
                a.IsActive(nowUtc)))
            .ToList();
    }

    /// <summary>The authorisation page: the enterprise, its agents and the services an agent may be named for.</summary>
    public static class View
    {
        public sealed record Query : IQuery<Result>
        {
            public string CreditCode { get; init; } = "";
        }

        public sealed record Result(string CreditCode, string Name, string LegalRepresentative, bool Active, IReadOnlyList<AgentRow> Rows, IReadOnlyList<(string Code, string Label)> Services);

        public sealed class Handler(PortalDbContext db, EnterpriseAccess access, CalendarService calendar, TimeProvider time) : IRequestHandler<Query, Result>
        {
            public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
            {
                var (enterprise, standing) = await access.ForCodeAsync(request.CreditCode, cancellationToken)
                    ?? throw new NotFoundException(EnterpriseStanding.NotFound);
                EnsureLegalRepresentative(standing);
                var clock = await calendar.GetClockAsync(cancellationToken);
                return new Result(
                    enterprise.CreditCode,
                    enterprise.Name,
                    enterprise.LegalRepresentative,
                    enterprise.IsActive,
                    await RowsAsync(db, clock, enterprise.Id, time.GetUtcNow().UtcDateTime, cancellationToken),
                    BindingServices.All.Select(s => (s.Code, s.Name)).ToList());
            }
        }
    }

    /// <summary>Names an agent: a verified account found by its mobile number whose name and ID number are as typed.</summary>
    public static class Grant
    {
        [RequireRoles(Roles.Applicant)]
        public sealed record Command : ICommand<string>
        {
            [Display(Name = "统一社会信用代码")]
            public string CreditCode { get; init; } = "";

            [Display(Name = "经办人手机号")]
            public string AgentMobile { get; init; } = "";

            [Display(Name = "经办人姓名")]
            public string AgentName { get; init; } = "";

            [Display(Name = "经办人居民身份证号")]
            public string AgentIdNumber { get; init; } = "";

            [Display(Name = "受托事项")]
            public List<string> Services { get; init; } = [];

            [Display(Name = "有效期至")]
            public DateOnly? ExpiresOn { get; init; }
        }

        public sealed class Validator : AbstractValidator<Command>
        {
            public Validator()
            {
                RuleFor(c => c.AgentMobile).NotEmpty().WithMessage("请填写经办人的注册手机号。")
                    .Matches("^1[3-9][0-9]{9}$").WithMessage("经办人手机号应为11位中国大陆手机号码。");
                RuleFor(c => c.AgentName).NotEmpty().WithMessage("请填写经办人姓名。").MaximumLength(50).WithMessage("经办人姓名不能超过50个字。");
                RuleFor(c => c.AgentIdNumber).Custom((value, context) =>
                {
                    if (ResidentIdNumber.Validate(value) is { } error)
                    {
                        context.AddFailure("经办人" + error);
                    }
                });
                RuleFor(c => c.Services).NotEmpty().WithMessage("请至少选择一项受托事项。")
                    .Must(s => s.Count <= BindingServices.All.Count).WithMessage("受托事项过多。");
                RuleForEach(c => c.Services).Must(BindingServices.IsBinding).WithMessage("受托事项中有未知的条目。");
            }
        }

        public sealed class Handler(PortalDbContext db, CurrentUser me, EnterpriseAccess access, IdentityJournal journal, CalendarService calendar, TimeProvider time)
            : IRequestHandler<Command, string>
        {
            public async Task<string> Handle(Command request, CancellationToken cancellationToken)
            {
                var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken)
                    ?? throw new NotFoundException(EnterpriseStanding.NotFound);
                var standing = await access.ForAsync(enterprise, cancellationToken);
                EnsureLegalRepresentative(standing);
                if (!enterprise.IsActive)
                {
                    throw new RuleViolationException(["企业已注销，不能再授权经办人。"]);
                }

                var clock = await calendar.GetClockAsync(cancellationToken);
                var now = time.GetUtcNow().UtcDateTime;
                DateTime? expires = null;
                if (request.ExpiresOn is { } last)
                {
                    if (last < clock.LocalDate(now))
                    {
                        throw new ValidationFailedException(nameof(Command.ExpiresOn), "有效期不能早于今天。");
                    }

                    expires = clock.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
                }

                var mobile = request.AgentMobile.Trim();
                var name = request.AgentName.Trim();
                var idNumber = ResidentIdNumber.Normalize(request.AgentIdNumber);
                var agent = await db.Users.SingleOrDefaultAsync(u => u.UserName == mobile, cancellationToken);
                var isApplicant = agent is not null && await db.UserRoles.AnyAsync(
                    r => r.UserId == agent.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Applicant), cancellationToken);
                if (agent is null || !isApplicant || !IdentityLevels.SamePerson(name, idNumber, agent.FullName, agent.IdNumber))
                {
                    throw new ValidationFailedException("", "未找到手机号、姓名和身份证号都一致的申请人账号，请核对，或请经办人先实名注册。");
                }

                if (agent.Id == me.Id)
                {
                    throw new ValidationFailedException("", "法定代表人本人可以直接办理，无需授权自己。");
                }

                if (!agent.Level.IsVerified())
                {
                    throw new ValidationFailedException("", "该经办人的账号尚未实名核验，请其先到窗口或通过统一身份认证完成核验后再授权。");
                }

                if (await db.EnterpriseAgents.AnyAsync(a => a.EnterpriseId == enterprise.Id && a.AgentUserId == agent.Id && a.RevokedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now), cancellationToken))
                {
                    throw new ValidationFailedException("", $"{agent.FullName}已有有效的授权；如需调整受托事项或期限，请先撤销原授权再重新授权。");
                }

                var grant = EnterpriseAgent.Grant(
                    enterprise.Id,
                    (agent.Id, agent.FullName, PersonalData.MaskIdNumber(agent.IdNumber)),
                    request.Services,
                    (me.Id!, standing.Name),
                    now,
                    expires);
                db.EnterpriseAgents.Add(grant);
                journal.Record(
                    new IdentityEvent(
                        agent.Id,
                        IdentityEventKind.AgentGranted,
                        now,
                        me.Id,
                        standing.Name,
                        $"法定代表人授权经办人办理{enterprise.Name}的：{string.Join("、", grant.ServiceCodes.Select(BindingServices.LabelOf))}；有效期：{Until(expires, clock)}",
                        enterprise.Id),
                    agent.UserName);
                await db.SaveChangesAsync(cancellationToken);
                return agent.FullName;
            }
        }
    }

    /// <summary>Ends an authorisation at once: from the next request on, the agent can no longer act or see the enterprise.</summary>
    public static class Revoke
    {
        [RequireRoles(Roles.Applicant)]
        public sealed record Command : ICommand<string>
        {
            [Display(Name = "统一社会信用代码")]
            public string CreditCode { get; init; } = "";

            [Display(Name = "授权记录")]
            public long Id { get; init; }
        }

        public sealed class Handler(PortalDbContext db, CurrentUser me, EnterpriseAccess access, IdentityJournal journal, TimeProvider time) : IRequestHandler<Command, string>
        {
            public async Task<string> Handle(Command request, CancellationToken cancellationToken)
            {
                var enterprise = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken)
                    ?? throw new NotFoundException(EnterpriseStanding.NotFound);
                var standing = await access.ForAsync(enterprise, cancellationToken);
                EnsureLegalRepresentative(standing);
                var grant = await db.EnterpriseAgents.FirstOrDefaultAsync(a => a.Id == request.Id && a.EnterpriseId == enterprise.Id, cancellationToken)
                    ?? throw new NotFoundException("未找到该授权。");
                var now = time.GetUtcNow().UtcDateTime;
                if (!grant.Revoke((me.Id!, standing.Name), now))
                {
                    throw new RuleViolationException(["该授权已经撤销。"]);
                }

                var agentUserName = await db.Users.AsNoTracking().Where(u => u.Id == grant.AgentUserId).Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
                journal.Record(
                    new IdentityEvent(grant.AgentUserId, IdentityEventKind.AgentRevoked, now, me.Id, standing.Name, $"法定代表人撤销经办人对{enterprise.Name}的授权", enterprise.Id),
                    agentUserName);
                await db.SaveChangesAsync(cancellationToken);
                return grant.AgentName;
            }
        }
    }

    private static void EnsureLegalRepresentative(EnterpriseStanding standing)
    {
        if (standing.MayManageAgents)
        {
            return;
        }

        standing.EnsureVisible();
        throw new ForbiddenException(standing.ClaimsLegalRepresentative ? EnterpriseStanding.VerifyFirst : OnlyLegalRepresentative);
    }
}
