using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Materials;

/// <summary>
/// A case's materials as its page shows them: every line of its list (免提交 ones with where they are looked up), each
/// upload item's status, files, explanation and judgement, and what the person may do now.
/// </summary>
public static class CasePanel
{
    public sealed record Query : IQuery<Result?>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";
    }

    public sealed record Item(
        long? Id,
        string Code,
        string Name,
        MaterialSupply Supply,
        bool Required,
        bool Tolerable,
        bool AllowsExplanation,
        string? Condition,
        string? Note,
        string? LookedUpFrom,
        string? Template,
        string Formats,
        string Source,
        MaterialStatus Status,
        string? Explanation,
        string? Reason,
        string? ReviewedBy,
        bool InNotice,
        bool UnderCommitment,
        long Version,
        IReadOnlyList<FileView> Files,
        IReadOnlyList<FileView> Earlier);

    public sealed record Result(
        string Number,
        long CaseVersion,
        bool MayOpen,
        bool MayUpload,
        bool MayReview,
        bool IsApplicantSide,
        bool AwaitingSupplement,
        bool SupervisorMayOverride,
        bool CanSendNotice,
        string? NoticeText,
        string? Tolerance,
        string UsedBytes,
        IReadOnlyList<Item> Items)
    {
        public IEnumerable<Item> Uploads => Items.Where(i => i.Supply == MaterialSupply.Upload);

        public IEnumerable<Item> NotUploaded => Items.Where(i => i.Supply != MaterialSupply.Upload);

        /// <summary>The items the applicant answers now: those the 一次性告知 listed, or one "补正材料" for a free-text notice.</summary>
        public IReadOnlyList<Item> ToAnswer => AwaitingSupplement && IsApplicantSide
            ? Items.Where(i => i.InNotice && i.Status == MaterialStatus.Rejected).ToList()
            : [];

        public bool FreeTextNotice => AwaitingSupplement && IsApplicantSide && ToAnswer.Count == 0;

        public int Rejected => Items.Count(i => i.Status == MaterialStatus.Rejected);

        public int Waiting => Items.Count(i => i.Status == MaterialStatus.Submitted);

        /// <summary>Where the list is judged when not here (报装: on each utility's own case).</summary>
        public string? ListNote { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, CalendarService calendar, CaseReads reads)
        : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken)
        {
            var c = await reads.ByNumberAsync(request.Number, cancellationToken);
            if (c is null)
            {
                return null;
            }

            var clock = await calendar.GetClockAsync(cancellationToken);
            var rights = await standing.OfAsync(c, cancellationToken);
            var mayOpen = rights.MayOpen;
            var stored = await db.CaseMaterials.AsNoTracking().Include(m => m.Files).Where(m => m.CaseId == c.Id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
            var requirements = await uploads.RequirementsAsync(c, cancellationToken);
            var items = new List<Item>();
            foreach (var r in requirements)
            {
                var row = stored.FirstOrDefault(s => s.Code == r.Code);
                items.Add(ItemOf(r, row, mayOpen, clock, c));
            }

            foreach (var row in stored.Where(s => requirements.All(r => r.Code != s.Code)))
            {
                var requirement = new MaterialRequirement(row.Code, row.Name, MaterialSupply.Upload, row.Code == MaterialCatalog.SupplementCode ? "000:503" : "002:19；002:25")
                {
                    Required = row.Required,
                    Tolerable = row.Tolerable,
                    AllowsExplanation = row.AllowsExplanation,
                };
                items.Add(ItemOf(requirement, row, mayOpen, clock, c));
            }

            var mayReview = rights.MayReview;
            var supervisor = me.IsInRole(Roles.Supervisor);
            var used = stored.SelectMany(s => s.Files).Sum(f => f.Size);
            return new Result(
                c.Number,
                c.Version,
                mayOpen,
                rights.MayUpload,
                mayReview,
                rights.ApplicantSide,
                c.State == CaseState.AwaitingSupplement,
                supervisor && c.SupplementCount > 0,
                mayReview && c.State is CaseState.Submitted or CaseState.InProgress,
                c.State == CaseState.AwaitingSupplement ? c.SupplementItems : null,
                c.ToleranceItem is null ? null
                    : c.ToleranceSuppliedAt is { } supplied ? $"容缺材料已于{DeadlineView.Format(clock.ToLocal(supplied))}补齐"
                    : $"容缺受理：{c.ToleranceItem}（承诺{(c.ToleranceDueAt is { } due ? DeadlineView.Format(clock.ToLocal(due)) : "")}前补齐）",
                $"{MaterialLimits.Megabytes(used)} / {MaterialLimits.Megabytes(MaterialLimits.MaxCaseBytes)}",
                items)
            {
                ListNote = Connections.ConnectionService.IsParent(c.ServiceCode)
                    ? "报装材料按报装项目分别由各专营单位审核：随申请上传的文件在下方“各专营单位办理进度”中各项目的办件里查看、补交。"
                    : null,
            };
        }

        private static Item ItemOf(MaterialRequirement r, CaseMaterial? row, bool mayOpen, Portal.Domain.Calendar.DeadlineClock clock, Case c)
        {
            IReadOnlyList<FileView> Files(bool current) => !mayOpen || row is null ? [] : row.Files.Where(f => f.Current == current).OrderBy(f => f.Id)
                .Select(f => new FileView(f.Id, f.DisplayName, f.Kind, MaterialLimits.Megabytes(f.Size), f.UploadedByName,
                    DeadlineView.Format(clock.ToLocal(f.UploadedAt)), f.Current, f.PreviewHash is not null))
                .ToList();

            return new Item(
                row?.Id,
                r.Code,
                r.Name,
                r.Supply,
                r.Required,
                r.Tolerable,
                r.AllowsExplanation,
                r.Condition,
                r.Note,
                r.LookedUpFrom,
                r.Template,
                FileKinds.Labels(r.Formats),
                r.Source,
                row?.Status ?? MaterialStatus.Missing,
                mayOpen ? row?.Explanation : null,
                row?.ReviewReason,
                row?.ReviewedByName,
                row is { NoticeRound: { } round } && round == c.SupplementCount && c.State == CaseState.AwaitingSupplement,
                row?.UnderCommitment ?? false,
                row?.Version ?? 0,
                Files(current: true),
                Files(current: false));
        }
    }
}
