using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Cases;
using Portal.Domain.Hall;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;
using Portal.Domain.Profiles;
using Portal.Domain.Ratings;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Profiles;
using Portal.Web.Common;
using Portal.Web.Features.Connections;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// What a rating rates, and whether it may be given now (一事一评: 受理 once the case is accepted, 办理 once it is
/// finished, by its applicant; 一次一评: a served ticket, by whoever holds it).
/// </summary>
public static class RatingTargets
{
    /// <summary>
    /// A rating's heading for its rater: "企业开办 · 受理 · 市场监管", or for a visit "企业开办 · 现场服务 · 政务服务中心
    /// A01 号窗口" (the hall category once, and the window), with the service and the place on their own.
    /// </summary>
    public static (string Title, string Service, string Place) Describe(Rating r, ServiceCatalog services)
    {
        var service = r.Subject == RatingSubject.Visit && r.ServiceCode.StartsWith(VisitPrefix, StringComparison.Ordinal)
            ? HallCategories.LabelOf(r.ServiceCode[VisitPrefix.Length..])
            : services.NameOf(r.ServiceCode);
        var place = RatingScale.PlaceLabel(r.Unit, r.WindowNumber);
        return ($"{service} · {r.Subject.Label()} · {place}", service, place);
    }

    public static string ServiceLabel(string serviceCode, ServiceCatalog services) =>
        serviceCode.StartsWith(VisitPrefix, StringComparison.Ordinal) ? $"现场服务·{HallCategories.LabelOf(serviceCode[VisitPrefix.Length..])}" : services.NameOf(serviceCode);

    public const string VisitPrefix = "hall.";

    /// <summary>
    /// A 报装 application (the parent case) is not rated as a whole: each utility accepts and connects its own part,
    /// so each utility's child case is rated under that utility (一事一评 per utility).
    /// </summary>
    public const string ConnectionParentRefusal = "报装申请由各专营单位分别受理和办理，请在报装申请页面分别评价各专营单位的受理和办理环节。";

    /// <summary>The number of a 报装 child case's application (parent case), or null for any other case.</summary>
    public static async Task<string?> ConnectionParentOfAsync(PortalDbContext db, Case c, CancellationToken cancellationToken) =>
        ConnectionService.IsChild(c.ServiceCode)
            ? await db.UtilityRequests.AsNoTracking().Where(r => r.CaseId == c.Id).Select(r => r.Application.CaseNumber).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>
    /// A rating of the step given before the portal rated each utility's part on its own: a rating of the whole 报装
    /// application (its parent case). Then the step of every utility of that application counts as rated (一事一评).
    /// </summary>
    public static async Task<Rating?> EarlierApplicationRatingAsync(PortalDbContext db, Case c, RatingSubject subject, CancellationToken cancellationToken)
    {
        if (await ConnectionParentOfAsync(db, c, cancellationToken) is not { } parent)
        {
            return null;
        }

        var key = Rating.KeyFor(parent, subject);
        return await db.Ratings.AsNoTracking().FirstOrDefaultAsync(r => r.SubjectKey == key, cancellationToken);
    }

    /// <summary>Why the case's step cannot be rated now, or null.</summary>
    public static string? CaseRefusal(Case c, RatingSubject subject) => subject switch
    {
        RatingSubject.Acceptance when c.AcceptedAt is null => "办件受理后才能评价受理环节。",
        RatingSubject.Processing when c.State is not (CaseState.Completed or CaseState.Rejected) => "办件办结后才能评价办理环节。",
        RatingSubject.Visit => "评价对象不正确。",
        _ => null,
    };

    /// <summary>The staff member whose work the step was: who accepted it, or who finished it (else its 首问负责人).</summary>
    public static async Task<Rating.Target> ForCaseAsync(PortalDbContext db, Case c, RatingSubject subject, ServiceCatalog services, CancellationToken cancellationToken)
    {
        var events = c.History.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        // 办理 that the system closed (统一出件 after the last parallel track) belongs to the case's 首问负责人.
        var step = subject == RatingSubject.Acceptance
            ? events.FirstOrDefault(e => e.Action is "Accept" or "AcceptWithMissing" or "AutoAccept")
            : events.LastOrDefault(e => e.ToState.IsFinal());
        var staffId = step is { } s && s.ActorId != CaseActor.System.UserId && s.ActorId != c.ApplicantId ? s.ActorId : c.OwnerId;
        var staff = staffId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == staffId).Select(u => new { u.Id, u.FullName, u.WindowNumber }).SingleOrDefaultAsync(cancellationToken);
        return new Rating.Target(subject, c.Number, null, c.ServiceCode, services.Get(c.ServiceCode).Department.ToString(), staff?.WindowNumber, staff?.Id, staff?.FullName);
    }

    public static Rating.Target ForTicket(Ticket t) =>
        new(RatingSubject.Visit, null, t.Id, VisitPrefix + t.Category, RatingScale.HallUnit, t.WindowNumber, t.CalledById, t.CalledByName);
}

/// <summary>Stores a rating once, opens the 差评 follow-up and tells the supervisors — all in the command's transaction.</summary>
public sealed class RatingStore(PortalDbContext db, PromiseService promises, Infrastructure.Calendar.CalendarService calendar)
{
    public async Task<Rating> SaveAsync(Rating rating, DateTime nowUtc, CancellationToken cancellationToken)
    {
        db.Ratings.Add(rating);
        if (rating.IsBad)
        {
            var clock = await calendar.GetClockAsync(cancellationToken);
            var limit = await RectificationLimitAsync(promises, cancellationToken);
            db.RatingFollowUps.Add(RatingFollowUp.Open(rating, clock, limit, nowUtc));
            // One message to the supervisors' inbox, not one per supervisor (docs/decisions/0021-role-inbox.md).
            db.Notifications.Add(Notification.CreateForRole(Roles.Supervisor, NotificationKind.BadRating, rating.CaseNumber, "收到差评，请及时回访核实",
                $"{RatingScale.UnitLabel(rating.Unit)}收到一条“{rating.Level.Label()}”评价（{rating.Subject.Label()}），请在{limit}内完成核实整改。",
                "/Ratings/FollowUps", nowUtc, $"rating:{rating.SubjectKey}:bad:role:{Roles.Supervisor}"));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            throw new RuleViolationException([rating.Subject == RatingSubject.Visit
                ? "本次服务已经评价过了（一次一评），评价提交后不能更改。"
                : $"该办件的{rating.Subject.Label()}环节已经评价过了（一事一评），评价提交后不能更改。"]);
        }

        return rating;
    }

    /// <summary>The active profile's 差评整改 limit (default 15 working days, 003:539).</summary>
    public static async Task<Portal.Workflow.TimeLimit> RectificationLimitAsync(PromiseService promises, CancellationToken cancellationToken) =>
        (await promises.GetAsync(cancellationToken)).Limit(PromiseKeys.RatingRectification) ?? new Portal.Workflow.TimeLimit(15, Portal.Workflow.TimeUnit.WorkingDays);
}

/// <summary>The fields of a rating form, shared by the online and on-site forms.</summary>
public record RatingForm
{
    /// <summary>Indicator code → level (1..5).</summary>
    [Display(Name = "评价等级")]
    public Dictionary<string, RatingLevel> Scores { get; init; } = [];

    [Display(Name = "评价内容")]
    public string? Comment { get; init; }

    [Display(Name = "评价方式")]
    public bool Anonymous { get; init; }

    [Display(Name = "姓名")]
    public string? Name { get; init; }

    [Display(Name = "手机号码")]
    public string? Phone { get; init; }

    [Display(Name = "提交标识")]
    public string? DuplicateGuard { get; init; }
}

/// <summary>
/// The rating form's rules, every problem reported at once beside its indicator (the domain's <see cref="Rating.Give"/>
/// checks them again and stops at the first). Included by the two rating commands' validators (an inline validator,
/// so that the validator scan does not register it on its own).
/// </summary>
public static class RatingFormRules
{
    public static IValidator<RatingForm> For(IReadOnlyList<RatingIndicator> indicators, bool askContact)
    {
        var rules = new InlineValidator<RatingForm>();
        foreach (var indicator in indicators)
        {
            rules.RuleFor(f => f.Scores).Must(scores => scores.TryGetValue(indicator.Code, out var level) && Enum.IsDefined(level))
                .OverridePropertyName($"{nameof(RatingForm.Scores)}[{indicator.Code}]")
                .WithMessage(MissingLevel(indicator));
        }

        rules.RuleFor(f => f.Scores).Must(scores => scores.Keys.All(code => indicators.Any(i => i.Code == code))).WithMessage("评价指标不正确。");
        rules.RuleFor(f => f.Comment).MaximumLength(RatingScale.MaxComment).WithMessage($"评价内容不能超过{RatingScale.MaxComment}字。");
        rules.RuleFor(f => f.Comment).NotEmpty().When(f => f.Scores.TryGetValue("overall", out var overall) && overall.IsBad())
            .WithMessage("差评请写明不满意的原因，便于核实整改。");
        if (askContact)
        {
            rules.RuleFor(f => f.Name).NotEmpty().When(f => !f.Anonymous).WithMessage("实名评价请填写姓名。");
            rules.RuleFor(f => f.Name).MaximumLength(50).WithMessage("姓名不能超过50字。");
            rules.RuleFor(f => f.Phone).Must(phone => phone?.Trim() is { Length: 11 } p && p[0] == '1' && p.All(char.IsAsciiDigit)).When(f => !f.Anonymous)
                .WithMessage("实名评价请填写11位手机号码，以便回访。");
        }

        return rules;
    }

    public static string MissingLevel(RatingIndicator indicator) => $"请为“{indicator.Label}”选择评价等级。";
}

public static class GiveCaseRating
{
    [RequireRoles(Roles.Applicant)]
    public sealed record Command : RatingForm, ICommand<string>
    {
        [Display(Name = "办件编号")]
        public string Number { get; init; } = "";

        [Display(Name = "评价环节")]
        public RatingSubject Subject { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Subject).Must(s => s is RatingSubject.Acceptance or RatingSubject.Processing).WithMessage("评价对象不正确。");
            Include(RatingFormRules.For(RatingScale.Online, askContact: false));
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, ServiceCatalog services, RatingStore store, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var c = await db.Cases.AsNoTracking().Include(x => x.History).FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || c.ApplicantId != me.Id)
            {
                throw new NotFoundException("未找到该办件，或该办件不属于您。只有申请人本人可以评价。");
            }

            if (ConnectionService.IsParent(c.ServiceCode))
            {
                throw new RuleViolationException([RatingTargets.ConnectionParentRefusal]);
            }

            if (RatingTargets.CaseRefusal(c, request.Subject) is { } refusal)
            {
                throw new RuleViolationException([refusal]);
            }

            if (await RatingTargets.EarlierApplicationRatingAsync(db, c, request.Subject, cancellationToken) is not null)
            {
                throw new RuleViolationException([$"该报装申请的{request.Subject.Label()}环节已经评价过了（一事一评），评价提交后不能更改。"]);
            }

            var target = await RatingTargets.ForCaseAsync(db, c, request.Subject, services, cancellationToken);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == me.Id).Select(u => new { u.FullName, u.PhoneNumber }).SingleAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var rating = RatingForms.Give(request, target, new Rating.Rater(me.Id, user.FullName, user.PhoneNumber, request.Anonymous), now);
            await store.SaveAsync(rating, now, cancellationToken);
            return rating.AccessCode;
        }
    }
}

public static class GiveVisitRating
{
    [PublicRequest]
    public sealed record Command : RatingForm, ICommand<string>
    {
        /// <summary>The ticket's access code (printed as a QR code on the ticket).</summary>
        [Display(Name = "排队号码")]
        public string Code { get; init; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            Include(RatingFormRules.For(RatingScale.OnSite, askContact: true));
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, RatingStore store, TimeProvider time) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该排队号。");
            if (ticket.State != TicketState.Done)
            {
                throw new RuleViolationException(["本次服务办结后才能评价。"]);
            }

            if (me.IsSignedIn && me.Id == ticket.CalledById)
            {
                throw new ForbiddenException("工作人员不能评价自己提供的服务。");
            }

            // A counter tablet may be signed in as staff: the rater is the visitor, never the staff account.
            var now = time.GetUtcNow().UtcDateTime;
            var raterId = me.IsSignedIn && !me.IsStaff ? me.Id : null;
            var rating = RatingForms.Give(request, RatingTargets.ForTicket(ticket), new Rating.Rater(raterId, request.Name, request.Phone, request.Anonymous), now);
            await store.SaveAsync(rating, now, cancellationToken);
            return rating.AccessCode;
        }
    }
}

internal static class RatingForms
{
    public static Rating Give(RatingForm form, Rating.Target target, Rating.Rater rater, DateTime nowUtc)
    {
        try
        {
            return Rating.Give(target, form.Scores, form.Comment, rater, AccessCodes.New(), nowUtc);
        }
        catch (ArgumentException ex)
        {
            throw new RuleViolationException([ex.Message]);
        }
    }
}

/// <summary>The rater answers the follow-up of their 差评: rates the result, or asks for a review once.</summary>
public static class RespondToFollowUp
{
    [PublicRequest]
    public sealed record Command : ICommand<FollowUpState>
    {
        /// <summary>The rating's access code: only the rater has it.</summary>
        [Display(Name = "评价码")]
        public string Code { get; init; } = "";

        [Display(Name = "对整改结果的评价")]
        public RectificationSatisfaction? Satisfaction { get; init; }

        [Display(Name = "说明")]
        public string? Remark { get; init; }

        [Display(Name = "申请复核")]
        public bool RequestReview { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Satisfaction).NotNull().WithMessage("请选择对整改结果的评价。").IsInEnum().WithMessage("请选择对整改结果的评价。");
            RuleFor(c => c.Remark).MaximumLength(500).WithMessage("说明不能超过500字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, FollowUpState>
    {
        public async Task<FollowUpState> Handle(Command request, CancellationToken cancellationToken)
        {
            var followUp = await db.RatingFollowUps.Include(f => f.Rating).FirstOrDefaultAsync(f => f.Rating.AccessCode == request.Code, cancellationToken)
                ?? throw new NotFoundException("未找到该评价的整改记录。");
            var actor = me.IsSignedIn ? me.ToActor() : CaseActor.Public;
            var machine = followUp.Machine(actor, isRater: true, time.GetUtcNow().UtcDateTime, new RatingFollowUp.Args(Text: request.Remark, Satisfaction: request.Satisfaction));
            machine.Fire(request.RequestReview ? FollowUpTrigger.RequestReview : FollowUpTrigger.RaterResponds);
            await db.SaveChangesAsync(cancellationToken);
            return followUp.State;
        }
    }
}

/// <summary>A supervisor works a 差评's follow-up: 回访, 核实, 整改, 复核.</summary>
public static class ActOnFollowUp
{
    [RequireRoles(Roles.Supervisor)]
    public sealed record Command : ICommand<FollowUpState>
    {
        [Display(Name = "差评整改记录")]
        public long Id { get; init; }

        [Display(Name = "整改操作")]
        public FollowUpTrigger Trigger { get; init; }

        [Display(Name = "内容")]
        public string? Text { get; init; }

        [Display(Name = "核实结论")]
        public Finding? Finding { get; init; }

        /// <summary>The version the page showed (the page always sends it; a new follow-up's is 0).</summary>
        [Display(Name = "页面版本")]
        public long? ExpectedVersion { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Trigger).Must(t => t is FollowUpTrigger.RecordVisit or FollowUpTrigger.Verify or FollowUpTrigger.Rectify or FollowUpTrigger.Reopen or FollowUpTrigger.ConfirmResult)
                .WithMessage("不支持的操作。");
            RuleFor(c => c.Text).MaximumLength(1000).WithMessage("内容不能超过1000字。");
        }
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, PromiseService promises, Infrastructure.Calendar.CalendarService calendar, TimeProvider time) : IRequestHandler<Command, FollowUpState>
    {
        public async Task<FollowUpState> Handle(Command request, CancellationToken cancellationToken)
        {
            var followUp = await db.RatingFollowUps.Include(f => f.Rating).FirstOrDefaultAsync(f => f.Id == request.Id, cancellationToken)
                ?? throw new NotFoundException("未找到该差评整改记录。");
            if (request.ExpectedVersion is { } expected && expected != followUp.Version)
            {
                throw new ConflictException(ConflictException.RecordChanged);
            }

            if (followUp.Rating.StaffId == me.Id)
            {
                throw new ForbiddenException("您是被评价的工作人员，对本人的差评须由其他督查人员处理。");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var clock = await calendar.GetClockAsync(cancellationToken);
            var limit = await RatingStore.RectificationLimitAsync(promises, cancellationToken);
            // “核实不属实，向评价人说明” is one button: its finding is 不属实 whatever was ticked.
            var finding = followUp.State == FollowUpState.Verifying && request.Trigger == FollowUpTrigger.Rectify ? Finding.NotTrue : request.Finding;
            var machine = followUp.Machine(me.ToActor(), isRater: false, now, new RatingFollowUp.Args(request.Text, finding, NewLimit: limit, Clock: clock));
            machine.Fire(request.Trigger);
            if (followUp.State == FollowUpState.AwaitingRater && followUp.Rating.RaterId is { } rater)
            {
                db.Notifications.Add(Notification.Create(rater, NotificationKind.RatingReply, followUp.Rating.CaseNumber, "您的评价有了整改反馈",
                    $"您对{followUp.Rating.Subject.Label()}的“{followUp.Rating.Level.Label()}”评价已核实处理：{followUp.Result}",
                    $"/Ratings/View/{followUp.Rating.AccessCode}", now, $"rating:{followUp.Id}:reply:{now.Ticks}"));
            }

            await db.SaveChangesAsync(cancellationToken);
            return followUp.State;
        }
    }
}

/// <summary>申诉: the rated staff member (or staff of the rated unit) appeals a rating once, with a reason.</summary>
public static class FileAppeal
{
    [RequireStaff]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "评价")]
        public long RatingId { get; init; }

        [Display(Name = "申诉理由")]
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请写明申诉理由。").MaximumLength(1000).WithMessage("申诉理由不能超过1000字。");
    }

    /// <summary>Who may appeal a rating: a 差评 (the ratings that start a follow-up), by the staff member rated or staff of the rated department (the hall's windows for visits).</summary>
    public static bool MayAppeal(Rating r, CurrentUser me) => r.IsBad && Concerns(r, me);

    /// <summary>
    /// The rating is of my work: I am the staff member rated, or a reviewer of the rated department (its back office
    /// answers for the department's services). Window clerks each answer for their own work only: a visit or a step of
    /// another window is not theirs.
    /// </summary>
    public static bool Concerns(Rating r, CurrentUser me) =>
        r.StaffId == me.Id || (Enum.TryParse<Department>(r.Unit, out var d) && me.IsInRole(d.ReviewerRole()));

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var rating = await db.Ratings.FirstOrDefaultAsync(r => r.Id == request.RatingId, cancellationToken);
            if (rating is null || !Concerns(rating, me))
            {
                throw new NotFoundException("未找到该评价。");
            }

            if (!rating.IsBad)
            {
                throw new RuleViolationException(["只能对差评（不满意、非常不满意）提出申诉。"]);
            }

            try
            {
                db.RatingAppeals.Add(RatingAppeal.File(rating, me.ToActor(), request.Reason!, time.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                throw new RuleViolationException(["该评价已提出过申诉，不能重复申诉。"]);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new RuleViolationException([ex.Message]);
            }

            return Unit.Value;
        }
    }
}

/// <summary>A supervisor other than the rated staff member decides an appeal; upheld excludes the rating from statistics.</summary>
public static class DecideAppeal
{
    [RequireRoles(Roles.Supervisor)]
    public sealed record Command : ICommand<Unit>
    {
        [Display(Name = "申诉")]
        public long AppealId { get; init; }

        [Display(Name = "申诉决定")]
        public bool Upheld { get; init; }

        [Display(Name = "决定理由")]
        public string? Reason { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Reason).NotEmpty().WithMessage("请写明决定理由。").MaximumLength(1000).WithMessage("决定理由不能超过1000字。");
    }

    public sealed class Handler(PortalDbContext db, CurrentUser me, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command request, CancellationToken cancellationToken)
        {
            var appeal = await db.RatingAppeals.Include(a => a.Rating).FirstOrDefaultAsync(a => a.Id == request.AppealId, cancellationToken)
                ?? throw new NotFoundException("未找到该申诉。");
            var now = time.GetUtcNow().UtcDateTime;
            try
            {
                appeal.Decide(me.ToActor(), request.Upheld, request.Reason!, now);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                throw new RuleViolationException([ex.Message]);
            }

            if (request.Upheld && await db.RatingFollowUps.FirstOrDefaultAsync(f => f.RatingId == appeal.RatingId, cancellationToken) is { IsOpen: true } followUp)
            {
                followUp.Machine(CaseActor.System, isRater: false, now, new RatingFollowUp.Args()).Fire(FollowUpTrigger.CloseByAppeal);
            }

            // The rater learns why their 差评 was closed without a rectification (the rating itself stays as given). A
            // visit's rater has no account: they read it on the rating's page, opened with its code.
            if (request.Upheld && appeal.Rating.RaterId is { } rater)
            {
                var r = appeal.Rating;
                db.Notifications.Add(Notification.Create(rater, NotificationKind.RatingReply, r.CaseNumber, "您的差评经复核已办结",
                    $"您对{r.Subject.Label()}的“{r.Level.Label()}”评价，经督查人员复核，被评价方的申诉成立：{appeal.Decision}。本条评价不计入统计，评价本身保留不变。",
                    $"/Ratings/View/{r.AccessCode}", now, $"rating:{r.Id}:appeal-upheld"));
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
