using MediatR;
using Portal.Domain.Deregistration;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Enterprises;

namespace Portal.Web.Features.Deregistration;

/// <summary>The start form: the enterprise, the route's conditions and promises.</summary>
public static class StartForm
{
    public sealed record Query : IQuery<Result>
    {
        public string CreditCode { get; init; } = "";

        public DeregistrationRoute Route { get; init; }
    }

    public sealed record Result(
        string CreditCode,
        string Name,
        string LegalRepresentative,
        DeregistrationRoute Route,
        IReadOnlyList<EligibilityCondition> Conditions,
        string Commitment,
        string NoticeLimit,
        string CancelLimit,
        string CreditorNotifyLimit,
        string CreditorNoticeLimit,
        string ClaimsLimit,
        bool IsSupervisor,
        bool MayApply);

    public sealed class Handler(CurrentUser me, EnterpriseAccess access, PromiseService promises) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            if (!me.IsSignedIn)
            {
                throw new NotSignedInException();
            }

            var (enterprise, standing) = await access.ForCodeAsync(request.CreditCode, cancellationToken)
                ?? throw new NotFoundException("未找到该企业。");
            var supervisor = me.IsInRole(Roles.Supervisor);
            var route = request.Route.IsByAuthority() ? DeregistrationRoute.Simple : request.Route;
            var (mayApply, refusal) = DeregistrationAccess.MayStart(standing, route);
            if (!supervisor && !mayApply)
            {
                throw new ForbiddenException(refusal);
            }

            if (!enterprise.IsActive)
            {
                throw new RuleViolationException([$"该企业已于{enterprise.CancelledOn:yyyy年M月d日}注销。"]);
            }

            var table = await promises.GetAsync(cancellationToken);
            string L(string key) => table.Limit(key)?.ToString() ?? "—";
            return new Result(
                enterprise.CreditCode,
                enterprise.Name,
                enterprise.LegalRepresentative,
                request.Route,
                SimpleDeregistrationRules.Conditions,
                SimpleDeregistrationRules.Commitment,
                L(Domain.Profiles.PromiseKeys.SimpleDeregistrationNotice),
                L(Domain.Profiles.PromiseKeys.SimpleDeregistrationCancel),
                L(Domain.Profiles.PromiseKeys.OrdinaryCreditorNotify),
                L(Domain.Profiles.PromiseKeys.OrdinaryCreditorNotice),
                L(Domain.Profiles.PromiseKeys.OrdinaryClaims),
                supervisor,
                mayApply);
        }
    }
}
