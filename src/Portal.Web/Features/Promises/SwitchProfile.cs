using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;

namespace Portal.Web.Features.Promises;

public static class SwitchProfile
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        public string Profile { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Profile).Must(p => PolicyProfiles.Find(p) is not null).WithMessage("请选择一个已有的政策配置。");
        }
    }

    public sealed class Handler(PortalDbContext db) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var setting = await db.Settings.FirstOrDefaultAsync(s => s.Key == PromiseService.ActiveProfileSetting, cancellationToken);
            if (setting is null)
            {
                db.Settings.Add(new PortalSetting { Key = PromiseService.ActiveProfileSetting, Value = request.Profile });
            }
            else
            {
                setting.Value = request.Profile;
            }

            await db.SaveChangesAsync(cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Promises, cancellationToken);
            return Unit.Value;
        }
    }
}
