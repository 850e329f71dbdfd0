using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Cases;

/// <summary>
/// 首问负责 hand-over: the case's owner (or a supervisor) records that another member of staff owns it from now on,
/// with a reason; the history keeps every hand-over.
/// </summary>
public static class HandOver
{
    [RequireStaff]
    public sealed record Command : ICommand<string>, ICaseRequest
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "接手人")]
        public string? ToUserId { get; init; }

        [Display(Name = "移交原因")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ToUserId).NotEmpty().WithMessage("请选择接手的工作人员。");
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写移交原因。").MaximumLength(500).WithMessage("移交原因不能超过500字。");
        }
    }

    /// <summary>Who may hand a case over: its current owner, a supervisor, an administrator.</summary>
    public static bool MayHandOver(string? ownerId, CurrentUser me) =>
        (ownerId is not null && ownerId == me.Id) || me.IsInRole(Roles.Supervisor) || me.IsInRole(Roles.Admin);

    /// <summary>Staff who can take a case over (everyone with a staff role other than administrator).</summary>
    public static async Task<IReadOnlyList<(string Id, string Name)>> TargetsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var staffRoles = Roles.Staff.Where(r => r != Roles.Admin).ToList();
        var rows = await (
                from u in db.Users
                where db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staffRoles.Contains(r.Name!)))
                orderby u.FullName
                select new { u.Id, u.FullName, u.WindowNumber })
            .AsNoTracking()
            .Take(500)
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Id, r.WindowNumber is null ? r.FullName : $"{r.FullName}（{r.WindowNumber} 号窗口）")).ToList();
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = CaseAccess.EnsureVisible(
                await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken), me, services);
            if (c.State.IsFinal())
            {
                throw new RuleViolationException([$"办件已{c.State.EndedPhrase()}，不能再移交首问负责人。"]);
            }

            if (!MayHandOver(c.OwnerId, me))
            {
                throw new ForbiddenException("只有首问负责人或督查人员可以移交办件。");
            }

            if (request.ExpectedVersion != 0 && request.ExpectedVersion != c.Version)
            {
                throw new ConflictException(ConflictException.CaseChanged);
            }

            var targets = await TargetsAsync(db, cancellationToken);
            if (!targets.Any(t => t.Id == request.ToUserId))
            {
                throw new ValidationFailedException(nameof(Command.ToUserId), "请选择接手的工作人员。");
            }

            var name = await db.Users.AsNoTracking().Where(u => u.Id == request.ToUserId).Select(u => u.FullName).SingleAsync(cancellationToken);
            try
            {
                c.HandOver(request.ToUserId!, name, me.ToActor(), time.GetUtcNow().UtcDateTime, request.Reason!.Trim());
            }
            catch (InvalidOperationException ex)
            {
                throw new RuleViolationException([ex.Message]);
            }

            await db.SaveChangesAsync(cancellationToken);
            return name;
        }
    }
}
