using System.ComponentModel.DataAnnotations;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Materials;
using Portal.Web.Common;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Materials;

/// <summary>One file as a list shows it.</summary>
public sealed record FileView(long Id, string Name, FileKind Kind, string Size, string UploadedBy, string UploadedAt, bool Current, bool HasPreview)
{
    public string DownloadHref => $"/Materials/Files/{Id}";

    public string ViewHref => $"/Materials/Files/{Id}/inline";
}

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

/// <summary>The files staged on an application form, by item (for the form to show what is already uploaded).</summary>
public static class StagedFiles
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Query : IQuery<IReadOnlyList<(string ItemCode, FileView File)>>
    {
        [Display(Name = "表单")]
        public string Form { get; init; } = "";

        [Display(Name = "上传批次")]
        public string? Batch { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, CalendarService calendar) : IRequestHandler<Query, IReadOnlyList<(string ItemCode, FileView File)>>
    {
        public async Task<IReadOnlyList<(string ItemCode, FileView File)>> Handle(Query request, CancellationToken cancellationToken)
        {
            if (me.IsStaff && !Guid.TryParseExact(request.Batch, "N", out _))
            {
                return [];
            }

            var key = Staging.KeyFor(me, request.Form, request.Batch);
            var clock = await calendar.GetClockAsync(cancellationToken);
            var files = await db.MaterialFiles.AsNoTracking().Where(f => f.CaseId == null && f.StagingKey == key).OrderBy(f => f.Id).ToListAsync(cancellationToken);
            return files.Select(f => (f.ItemCode, new FileView(f.Id, f.DisplayName, f.Kind, MaterialLimits.Megabytes(f.Size), f.UploadedByName,
                DeadlineView.Format(clock.ToLocal(f.UploadedAt)), true, f.PreviewHash is not null))).ToList();
        }
    }
}

/// <summary>
/// 打开文件: one file's bytes for whoever may open it (<see cref="MaterialAccess"/>; anyone else: 404). Inline, an image
/// is its upright copy; a download is always the original as uploaded. The stored content's hash is checked on every read.
/// </summary>
public static class OpenFile
{
    public sealed record Query : IQuery<Result>
    {
        [Display(Name = "文件")]
        public long Id { get; init; }

        [Display(Name = "在页面中查看")]
        public bool Inline { get; init; }
    }

    public sealed record Result(byte[] Content, string MediaType, string DownloadName, bool Inline);

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, IFileStore store) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var file = await db.MaterialFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException("未找到该文件。");
            if (file.CaseId is { } caseId)
            {
                var c = await db.Cases.AsNoTracking().Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Id == caseId, cancellationToken);
                if (c is null || !(await standing.OfAsync(c, cancellationToken)).MayOpen)
                {
                    throw new NotFoundException("未找到该文件。");
                }
            }
            else if (!MaterialAccess.MayOpenStaged(file.UploadedById, me))
            {
                throw new NotFoundException("未找到该文件。");
            }

            var usePreview = request.Inline && file.PreviewHash is not null;
            byte[] content;
            try
            {
                content = await store.ReadAsync(usePreview ? file.PreviewHash! : file.Hash, cancellationToken);
            }
            catch (StoredFileException failed)
            {
                throw new RuleViolationException([failed.Message]);
            }

            var kind = usePreview ? file.PreviewKind ?? file.Kind : file.Kind;
            var inline = request.Inline && kind is FileKind.Pdf or FileKind.Jpeg or FileKind.Png;
            return new Result(content, kind.MediaType(), Path.GetFileNameWithoutExtension(file.DisplayName) + file.Kind.Extension(), inline);
        }
    }
}
