using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Calendar;

public static class DeleteDay
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public DateOnly Date { get; init; }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == request.Date, cancellationToken) ?? throw new NotFoundException("该日期没有特别安排。");
            db.CalendarDays.Remove(day);
            await db.SaveChangesAsync(cancellationToken);
            await RecomputeDeadlines.MarkPendingAsync(db, request.Date, cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Calendar, cancellationToken);
            return Unit.Value;
        }
    }
}
