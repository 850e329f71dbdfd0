using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Security;
using Portal.Web.Common;
using Portal.Web.Features.Security;

namespace Portal.Web.Features.Admin;

public static class AuditSearch
{
    public const int PageSize = 50;

    [RequireRoles(Roles.Admin)]
    public sealed record Query : IQuery<Result>
    {
        public DateOnly? From { get; init; }

        public DateOnly? To { get; init; }

        public SecurityEventType? Type { get; init; }

        /// <summary>A user name, or a part of it (masked user names of unknown accounts match by their visible part).</summary>
        public string? Account { get; init; }

        public int Page { get; init; } = 1;
    }

    private static bool InRange(DateOnly? date) => date is null || (date.Value.Year >= 2000 && date.Value.Year <= 2099);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.From).Must(InRange).WithMessage("开始日期应在2000年至2099年之间。");
            RuleFor(q => q.To).Must(InRange).WithMessage("结束日期应在2000年至2099年之间。")
                .Must((q, to) => q.From is null || to is null || to >= q.From).WithMessage("结束日期不能早于开始日期。");
            RuleFor(q => q.Account).MaximumLength(100).WithMessage("账号过长。");
            RuleFor(q => q.Type).IsInEnum().WithMessage("事件类型无效。");
        }
    }

    /// <summary>One entry as shown, its time in the portal's time zone.</summary>
    public sealed record Row(long Id, DateTime At, string Event, SecurityEventType Type, string UserName, string? ActorName, string? IpAddress, string? Detail);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total, int Page, IReadOnlyList<(SecurityEventType Type, string Label)> Types)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed class Handler(PortalDbContext db, CalendarService calendar) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var events = db.SecurityEvents.AsNoTracking();
            if (request.From is { } from)
            {
                var start = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
                events = events.Where(e => e.OccurredAt >= start);
            }

            if (request.To is { } to)
            {
                var end = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
                events = events.Where(e => e.OccurredAt < end);
            }

            if (request.Type is { } type)
            {
                events = events.Where(e => e.Type == type);
            }

            if (request.Account?.Trim() is { Length: > 0 } account)
            {
                events = events.Where(e => e.UserName.Contains(account));
            }

            var total = await events.CountAsync(cancellationToken);
            var page = Math.Clamp(request.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            var rows = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .ToListAsync(cancellationToken);
            return new Result([.. rows.Select(e => ToRow(e, clock))], total, page, Types);
        }
    }

    public static Row ToRow(SecurityEvent e, DeadlineClock clock) =>
        new(e.Id, clock.ToLocal(e.OccurredAt), SecurityEventLabels.Label(e.Type), e.Type, e.UserName, e.ActorName, e.IpAddress, e.Detail);

    public static IReadOnlyList<(SecurityEventType Type, string Label)> Types { get; } =
        [.. Enum.GetValues<SecurityEventType>().Select(t => (t, SecurityEventLabels.Label(t)))];
}
