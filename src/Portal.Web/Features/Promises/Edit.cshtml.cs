using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Common.Forms;
using Portal.Workflow;

namespace Portal.Web.Features.Promises;

[Authorize(Roles = Roles.Admin)]
public sealed class EditModel(IMediator mediator) : PageModel, IReloadablePage
{
    [BindProperty]
    public EditLimit.Command Data { get; set; } = new();

    [BindProperty]
    [Display(Name = "城市方案")]
    public string? Profile { get; set; }

    public ProfileEditor.Result Editor { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReloadAsync(cancellationToken);

    [ValidateForm(nameof(Data))]
    public async Task<IActionResult> OnPostLimitAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(Data, cancellationToken);
        TempData["Notice"] = "时限已保存，新开始的环节按新时限计算；已开始的环节保持原时限。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        await mediator.Send(new SwitchProfile.Command { Profile = Profile ?? "" }, cancellationToken);
        TempData["Notice"] = "已切换适用的政策配置。";
        return RedirectToPage();
    }

    public async Task ReloadAsync(CancellationToken cancellationToken) =>
        Editor = await mediator.Send(new ProfileEditor.Query(), cancellationToken);
}

public static class ProfileEditor
{
    [RequireRoles(Roles.Admin)]
    public sealed record Query : IQuery<Result>;

    public sealed record Result(string Active, IReadOnlyList<(string Code, string Name)> Profiles, IReadOnlyList<PromiseLimit> Rows);

    public sealed class Handler(PortalDbContext db, PromiseService promises) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var table = await promises.GetAsync(cancellationToken);
            var rows = await db.PromiseLimits.AsNoTracking().Where(p => p.ProfileCode == table.ProfileCode).OrderBy(p => p.Id).ToListAsync(cancellationToken);
            return new Result(table.ProfileCode, PolicyProfiles.All.Select(p => (p.Code, p.Name)).ToList(), rows);
        }
    }
}

/// <summary>The administrator changes one limit of the active profile. Steps already started keep their stored deadline.</summary>
public static class EditLimit
{
    [RequireRoles(Roles.Admin)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "承诺时限条目")]
        public long Id { get; init; }

        [Display(Name = "时限数值")]
        public int Amount { get; init; }

        [Display(Name = "时限单位")]
        public TimeUnit Unit { get; init; }

        [Display(Name = "页面版本")]
        public long Version { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Amount).InclusiveBetween(1, 3650).WithMessage("时限数值应在1到3650之间。");
            RuleFor(c => c.Unit).IsInEnum().WithMessage("请选择时限单位。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var row = await db.PromiseLimits.FirstOrDefaultAsync(p => p.Id == request.Id, cancellationToken) ?? throw new NotFoundException();
            db.Entry(row).Property(p => p.Version).OriginalValue = request.Version;
            row.Amount = request.Amount;
            row.Unit = request.Unit;
            row.UpdatedAt = time.GetUtcNow().UtcDateTime;
            row.UpdatedBy = me.Name;
            await db.SaveChangesAsync(cancellationToken);
            await Revisions.BumpAsync(db, Revisions.Promises, cancellationToken);
            return Unit.Value;
        }
    }
}

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
