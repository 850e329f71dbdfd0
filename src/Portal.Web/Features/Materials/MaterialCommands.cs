using System.ComponentModel.DataAnnotations;
using System.Text;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>Loading a case for a material command, with the access rules of <see cref="MaterialAccess"/>.</summary>
internal static class MaterialCases
{
    public const string NotYours = "未找到该办件，或该办件不属于您。";

    /// <summary>The case (tracked, with its sub-items) when the person may open its materials; 404 otherwise.</summary>
    public static async Task<(Case Case, MaterialRights Rights)> OpenAsync(PortalDbContext db, MaterialStanding standing, string number, CancellationToken cancellationToken)
    {
        var c = await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == number, cancellationToken);
        var rights = c is null ? null : await standing.OfAsync(c, cancellationToken);
        return c is not null && rights is { MayOpen: true } ? (c, rights) : throw new NotFoundException(NotYours);
    }

    public static async Task<(Case Case, MaterialRights Rights)> ForUploadAsync(PortalDbContext db, MaterialStanding standing, string number, CancellationToken cancellationToken)
    {
        var (c, rights) = await OpenAsync(db, standing, number, cancellationToken);
        return rights.MayUpload ? (c, rights) : throw new ForbiddenException(c.State.IsFinal() || c.State == CaseState.Withdrawn
            ? $"办件已{c.State.Label()}，不能再提交材料。"
            : "只有申请人、代办人或经办窗口可以为该办件提交材料。");
    }

    public static async Task<Case> ForReviewAsync(PortalDbContext db, MaterialStanding standing, string number, CancellationToken cancellationToken)
    {
        var (c, rights) = await OpenAsync(db, standing, number, cancellationToken);
        return rights.MayReview ? c : throw new ForbiddenException("只有经办该办件的工作人员可以审核材料。");
    }

    /// <summary>Each file stored whole first (refusals collected), then the case's 50 MB checked; throws with every refusal.</summary>
    public static async Task<List<(string Item, StoredUpload Stored)>> StoreAllAsync(
        MaterialUploads uploads, IReadOnlyList<IncomingFile> files, long alreadyStored, CancellationToken cancellationToken)
    {
        var stored = new List<(string, StoredUpload)>();
        var refusals = new List<(string Field, string Message)>();
        foreach (var file in files)
        {
            var (upload, refusal) = await uploads.StoreAsync(file, cancellationToken);
            if (upload is not null)
            {
                stored.Add((file.ItemCode, upload));
            }
            else
            {
                refusals.Add((IncomingFile.FieldOf(file.ItemCode), refusal!));
            }
        }

        if (refusals.Count == 0 && MaterialUploads.OverCaseLimit(alreadyStored, stored.Sum(s => s.Item2.Content.Size)) is { } tooMuch)
        {
            refusals.Add(("", tooMuch));
        }

        return refusals.Count > 0 ? throw new ValidationFailedException(refusals) : stored;
    }
}

/// <summary>
/// 上传材料: the applicant side (or staff holding the case, scanning a visitor's papers) adds files — or, where the item
/// allows, a written explanation — to one list item of a case: before 受理, in answer to a 一次性告知, or supplying a 容缺
/// item. Any refused file refuses the whole post (nothing is referenced), with the reason in Chinese.
/// </summary>
public static class Upload
{
    public sealed record Command : ICommand<int>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "材料")]
        public string ItemCode { get; init; } = "";

        [Display(Name = "情况说明")]
        public string? Explanation { get; init; }

        public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ItemCode).NotEmpty().WithMessage("请选择材料。").MaximumLength(40).WithMessage("材料代码不正确。");
            RuleFor(c => c.Explanation).MaximumLength(MaterialLimits.MaxExplanationLength).WithMessage($"情况说明不能超过{MaterialLimits.MaxExplanationLength}字。");
            RuleFor(c => c).Must(c => c.Files.Count > 0 || !string.IsNullOrWhiteSpace(c.Explanation))
                .WithName(nameof(Command.Explanation)).WithMessage("请选择要上传的文件，或填写情况说明。");
            RuleForEach(c => c.Files).Must((c, f) => f.ItemCode == c.ItemCode).WithMessage("文件与材料不对应。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, _) = await MaterialCases.ForUploadAsync(db, standing, request.Number, cancellationToken);
            var stored = await MaterialCases.StoreAllAsync(uploads, request.Files, await uploads.CaseBytesAsync(c.Id, cancellationToken), cancellationToken);
            var item = await uploads.ItemAsync(c, request.ItemCode, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            try
            {
                foreach (var (_, upload) in stored)
                {
                    item.Attach(new MaterialFile(item.Code, upload.Content, upload.FileName, actor, now, upload.Preview));
                }

                if (!string.IsNullOrWhiteSpace(request.Explanation))
                {
                    item.Explain(request.Explanation);
                }
            }
            catch (InvalidOperationException refused)
            {
                throw new ValidationFailedException(IncomingFile.FieldOf(request.ItemCode), refused.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return stored.Count;
        }
    }
}

/// <summary>删除: the applicant side takes back a file nobody has judged yet (it stays stored, not current: nothing is lost).</summary>
public static class RemoveFile
{
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "文件")]
        public long FileId { get; init; }
    }

    public sealed class Handler(PortalDbContext db, MaterialStanding standing, MaterialUploads uploads) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, _) = await MaterialCases.ForUploadAsync(db, standing, request.Number, cancellationToken);
            var items = await uploads.ItemsAsync(c.Id, cancellationToken);
            var file = items.SelectMany(i => i.Files).FirstOrDefault(f => f.Id == request.FileId) ?? throw new NotFoundException("未找到该文件。");
            try
            {
                file.Material!.Remove(file);
            }
            catch (InvalidOperationException refused)
            {
                throw new RuleViolationException([refused.Message]);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>
/// 审核: staff holding the case judge one item 合格 or 不合格 (with the reason the 一次性告知 will list). When the items
/// supplied under a 容缺 commitment are all 合格, the commitment is closed by the same action (容缺材料已补齐).
/// </summary>
public static class Review
{
    [RequireStaff]
    public sealed record Command : ICommand<bool>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "材料")]
        public long MaterialId { get; init; }

        /// <summary>
        /// An item of the case's list that has no row yet (a case filed before every item got one at submission): judged
        /// by its code, its row made then, as an upload makes it.
        /// </summary>
        [Display(Name = "材料")]
        public string? ItemCode { get; init; }

        [Display(Name = "审核结果")]
        public bool Accepted { get; init; }

        [Display(Name = "不合格理由")]
        public string? Reason { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Reason).MaximumLength(MaterialLimits.MaxReasonLength).WithMessage($"不合格理由不能超过{MaterialLimits.MaxReasonLength}字。");
            RuleFor(c => c.Reason).NotEmpty().When(c => !c.Accepted).WithMessage("请写明不合格的理由（将列入一次性告知）。");
            RuleFor(c => c.ItemCode).MaximumLength(40).WithMessage("材料代码不正确。");
        }
    }

    /// <returns>Whether the case's 容缺 commitment was closed by this judgement.</returns>
    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, TimeProvider time) : IRequestHandler<Command, bool>
    {
        public async Task<bool> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await MaterialCases.ForReviewAsync(db, standing, request.Number, cancellationToken);
            var items = await uploads.ItemsAsync(c.Id, cancellationToken);
            var item = items.FirstOrDefault(i => i.Id == request.MaterialId);
            if (item is null && request.MaterialId == 0 && !string.IsNullOrEmpty(request.ItemCode))
            {
                item = await uploads.ItemAsync(c, request.ItemCode, cancellationToken);
                if (item.Id == 0)
                {
                    items.Add(item);
                }
            }

            if (item is null)
            {
                throw new NotFoundException("未找到该材料。");
            }

            if (item.Version != request.ExpectedVersion)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            db.Entry(item).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            try
            {
                item.Review(request.Accepted, request.Reason, actor, now);
            }
            catch (InvalidOperationException refused)
            {
                throw new RuleViolationException([refused.Message]);
            }

            var closed = false;
            var committed = items.Where(i => i.UnderCommitment).ToList();
            if (request.Accepted && item.UnderCommitment && c.ToleranceItem is not null && c.ToleranceSuppliedAt is null
                && committed.All(i => i.Status == MaterialStatus.Accepted))
            {
                c.SupplyToleranceItem(actor, now, $"容缺材料经审核合格：{string.Join("、", committed.Select(i => i.Name))}");
                closed = true;
            }

            await db.SaveChangesAsync(cancellationToken);
            return closed;
        }
    }
}

/// <summary>
/// 一次性告知: staff holding the case send one notice listing every item marked 不合格 with its reason (000:503,
/// 003:377). The list is built from the items, so it is complete; the case waits for the applicant with its clock
/// paused (SPEC 4). A second notice needs a supervisor, as for any 补正 (CaseWorkflow).
/// </summary>
public static class SendNotice
{
    [RequireStaff]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "其他需要说明的事项")]
        public string? Note { get; init; }

        [Display(Name = "督查批准再次补正")]
        public bool SupervisorOverride { get; init; }

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("其他需要说明的事项不能超过500字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, CaseContexts contexts, CaseActions actions) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await MaterialCases.ForReviewAsync(db, standing, request.Number, cancellationToken);
            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            var rejected = (await uploads.ItemsAsync(c.Id, cancellationToken)).Where(i => i.Status == MaterialStatus.Rejected).ToList();
            if (rejected.Count == 0)
            {
                throw new RuleViolationException(["没有标为不合格的材料：请先逐项审核，把需要补正的材料标为不合格并写明理由。"]);
            }

            var text = NoticeText.Of(rejected, request.Note);
            foreach (var item in rejected)
            {
                item.ListInNotice(c.SupplementCount + 1);
            }

            var context = await contexts.ForCaseAsync(c, cancellationToken);
            await actions.FireAsync(c, CaseTrigger.RequestSupplement, context, new CaseActionArgs
            {
                Reason = text,
                SupervisorOverride = request.SupervisorOverride && me.IsInRole(Roles.Supervisor),
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return text;
        }
    }
}

/// <summary>The text of a 一次性告知 built from the items marked 不合格: one numbered line each, then the note.</summary>
public static class NoticeText
{
    public const int MaxLength = 2000;

    public static string Of(IReadOnlyList<CaseMaterial> rejected, string? note)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rejected.Count; i++)
        {
            var reason = rejected[i].ReviewReason ?? "";
            text.Append(i + 1).Append(". ").Append(rejected[i].Name).Append('：').Append(reason.Length > 120 ? reason[..119] + "…" : reason).Append('\n');
        }

        if (!string.IsNullOrWhiteSpace(note))
        {
            text.Append("其他：").Append(note.Trim());
        }

        var result = text.ToString().TrimEnd();
        return result.Length <= MaxLength ? result : result[..(MaxLength - 1)] + "…";
    }
}

/// <summary>
/// 提交补正材料: the applicant answers the 一次性告知 — each listed item by new files or, where allowed, a written
/// explanation — and the case goes back to whoever asked, its clock resuming. A notice written as free text (no list
/// item marked) is answered under one item "补正材料". Files and the move are one transaction.
/// </summary>
public static class AnswerNotice
{
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        /// <summary>Written explanations by item code.</summary>
        [Display(Name = "情况说明")]
        public IReadOnlyDictionary<string, string> Explanations { get; init; } = new Dictionary<string, string>();

        public IReadOnlyList<IncomingFile> Files { get; init; } = [];

        [Display(Name = "页面版本")]
        public long ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleForEach(c => c.Explanations).Must(e => e.Value.Length <= MaterialLimits.MaxExplanationLength)
                .WithMessage($"情况说明不能超过{MaterialLimits.MaxExplanationLength}字。");
            RuleFor(c => c.Explanations.Count).LessThanOrEqualTo(50).WithMessage("提交的说明过多。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialStanding standing, MaterialUploads uploads, CaseContexts contexts, CaseActions actions, TimeProvider time)
        : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var (c, rights) = await MaterialCases.ForUploadAsync(db, standing, request.Number, cancellationToken);
            if (!rights.ApplicantSide)
            {
                throw new ForbiddenException("只有申请人或代办人可以提交补正材料。");
            }

            if (c.Version != request.ExpectedVersion)
            {
                throw new ConflictException();
            }

            db.Entry(c).Property(x => x.Version).OriginalValue = request.ExpectedVersion;
            if (c.State != CaseState.AwaitingSupplement)
            {
                throw new RuleViolationException(["该办件当前不需要补正。"]);
            }

            var items = await uploads.ItemsAsync(c.Id, cancellationToken);
            var listed = items.Where(i => i.NoticeRound == c.SupplementCount && i.Status == MaterialStatus.Rejected).ToList();
            var allowed = listed.Count > 0 ? listed.Select(i => i.Code).ToHashSet() : [MaterialCatalog.SupplementCode];
            if (request.Files.Any(f => !allowed.Contains(f.ItemCode)) || request.Explanations.Keys.Any(k => !allowed.Contains(k)))
            {
                throw new ValidationFailedException("", "只能补正一次性告知列明的材料。");
            }

            var stored = await MaterialCases.StoreAllAsync(uploads, request.Files, await uploads.CaseBytesAsync(c.Id, cancellationToken), cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            var answered = new List<string>();
            foreach (var code in allowed)
            {
                var files = stored.Where(s => s.Item == code).ToList();
                var explanation = request.Explanations.TryGetValue(code, out var e) && !string.IsNullOrWhiteSpace(e) ? e : null;
                if (files.Count == 0 && explanation is null)
                {
                    continue;
                }

                var item = await uploads.ItemAsync(c, code, cancellationToken);
                try
                {
                    foreach (var (_, upload) in files)
                    {
                        item.Attach(new MaterialFile(code, upload.Content, upload.FileName, actor, now, upload.Preview));
                    }

                    if (explanation is not null)
                    {
                        item.Explain(explanation);
                    }
                }
                catch (InvalidOperationException refused)
                {
                    throw new ValidationFailedException(IncomingFile.FieldOf(code), refused.Message);
                }

                answered.Add(item.Name);
            }

            await db.SaveChangesAsync(cancellationToken);
            var context = await contexts.ForCaseAsync(c, cancellationToken, rights.Actor);
            await actions.FireAsync(c, CaseTrigger.SubmitSupplement, context, new CaseActionArgs
            {
                Reason = answered.Count > 0 ? Shorten("已补正：" + string.Join("、", answered)) : null,
            }, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        private static string Shorten(string text) => text.Length <= 500 ? text : text[..499] + "…";
    }
}

/// <summary>
/// 暂存: files chosen on an application form before it is submitted are stored at once (so a refused form, a draft or a
/// phone's slow upload loses nothing) and wait on the form's staging key — the applicant's own draft, or a clerk's one
/// filing (帮办代办, a new batch each time the form is opened). Each refused file is reported; the others are kept.
/// </summary>
public static class StageFiles
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<IReadOnlyList<(string Field, string Message)>>
    {
        [Display(Name = "表单")]
        public string Form { get; init; } = "";

        [Display(Name = "上传批次")]
        public string? Batch { get; init; }

        public IReadOnlyList<IncomingFile> Files { get; init; } = [];
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, MaterialUploads uploads, TimeProvider time)
        : IRequestHandler<Command, IReadOnlyList<(string Field, string Message)>>
    {
        public async Task<IReadOnlyList<(string Field, string Message)>> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = Staging.KeyFor(me, request.Form, request.Batch);
            var refusals = new List<(string Field, string Message)>();
            var already = await uploads.StagedBytesAsync(key, cancellationToken);
            var counts = await db.MaterialFiles.Where(f => f.CaseId == null && f.StagingKey == key).GroupBy(f => f.ItemCode)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var actor = me.ToActor();
            foreach (var file in request.Files)
            {
                var field = IncomingFile.FieldOf(file.ItemCode);
                if (counts.GetValueOrDefault(file.ItemCode) >= MaterialLimits.MaxFilesPerItem)
                {
                    refusals.Add((field, $"每项材料最多上传{MaterialLimits.MaxFilesPerItem}个文件，请合并为一个PDF后上传。"));
                    continue;
                }

                if (MaterialUploads.OverCaseLimit(already, file.Length) is { } tooMuch)
                {
                    refusals.Add((field, tooMuch));
                    continue;
                }

                var (stored, refusal) = await uploads.StoreAsync(file, cancellationToken);
                if (stored is null)
                {
                    refusals.Add((field, refusal!));
                    continue;
                }

                db.MaterialFiles.Add(MaterialFile.Stage(key, file.ItemCode, stored.Content, stored.FileName, actor, now, stored.Preview));
                already += stored.Content.Size;
                counts[file.ItemCode] = counts.GetValueOrDefault(file.ItemCode) + 1;
            }

            await db.SaveChangesAsync(cancellationToken);
            return refusals;
        }
    }
}

/// <summary>移除: takes a staged file off the form it waits on (the uploader only).</summary>
public static class Unstage
{
    [RequireRoles(Roles.Applicant, Roles.Window)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "表单")]
        public string Form { get; init; } = "";

        [Display(Name = "上传批次")]
        public string? Batch { get; init; }

        [Display(Name = "文件")]
        public long FileId { get; init; }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var key = Staging.KeyFor(me, request.Form, request.Batch);
            var file = await db.MaterialFiles.FirstOrDefaultAsync(f => f.Id == request.FileId, cancellationToken);
            if (file is null || !file.BelongsTo(key))
            {
                throw new NotFoundException("未找到该文件。");
            }

            db.MaterialFiles.Remove(file);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

/// <summary>
/// Which staged files belong to which form: the key is made on the server from the signed-in person and the form. A
/// form is one service's application: 企业开办 ("establishment"), 报装 ("connection", every utility of the one form), and
/// a 注销 or 单独办理 of one enterprise ("deregistration-ordinary:&lt;统一社会信用代码&gt;"), so files chosen for one
/// enterprise never go with another's.
/// </summary>
public static class Staging
{
    public const string Establishment = "establishment";

    public const string Connection = "connection";

    /// <summary>The services whose start forms of one enterprise take files.</summary>
    private static readonly string[] EnterpriseServices = ["deregistration-simple", "deregistration-ordinary"];

    /// <summary>The form of a 注销 or 单独办理 of one enterprise.</summary>
    public static string ForEnterprise(string serviceCode, string creditCode) => $"{serviceCode}:{creditCode}";

    /// <summary>Whether <paramref name="form"/> names a form that takes files.</summary>
    public static bool IsKnown(string? form)
    {
        if (form is Establishment or Connection)
        {
            return true;
        }

        var colon = form?.IndexOf(':') ?? -1;
        if (colon < 0)
        {
            return false;
        }

        var (service, code) = (form![..colon], form[(colon + 1)..]);
        return (EnterpriseServices.Contains(service)
                || service.StartsWith("addon-", StringComparison.Ordinal) && Portal.Domain.Enterprises.EstablishmentCatalog.Item(service["addon-".Length..]) is not null)
            && code.Length == 18 && code.All(char.IsAsciiLetterOrDigit);
    }

    /// <summary>An applicant's draft has one key; a clerk's filing (帮办代办) one per opening of the form (a GUID batch).</summary>
    public static string KeyFor(CurrentUser me, string form, string? batch)
    {
        if (!IsKnown(form))
        {
            throw new ValidationFailedException("", "未知的申请表。");
        }

        if (!me.IsStaff)
        {
            return $"{form}:{me.Id}";
        }

        return Guid.TryParseExact(batch, "N", out var parsed)
            ? $"{form}:{me.Id}:{parsed:N}"
            : throw new ValidationFailedException("", "上传批次无效，请刷新页面后重新选择文件。");
    }

    /// <summary>The key, or null for a clerk whose form carries no valid batch (nothing staged to attach).</summary>
    public static string? TryKeyFor(CurrentUser me, string form, string? batch) =>
        !me.IsStaff || Guid.TryParseExact(batch, "N", out _) ? KeyFor(me, form, batch) : null;

    public static string NewBatch() => Guid.NewGuid().ToString("N");

    /// <summary>Who files application forms, and so stages files on them: applicants, and window clerks for a visitor.</summary>
    public static bool MayStage(CurrentUser me) => me.IsInRole(Roles.Applicant) || me.IsInRole(Roles.Window);
}
