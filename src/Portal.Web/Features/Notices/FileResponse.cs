using System.ComponentModel.DataAnnotations;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Deregistration;
using Portal.Infrastructure.Calendar;
using Portal.Infrastructure.Data;
using Portal.Web.Common;
using Portal.Web.Features.Deregistration;
using Portal.Web.Features.Shared;

namespace Portal.Web.Features.Notices;

/// <summary>异议 or 债权申报 by anyone, without an account: stored once per form, refused after the period ends or when flooding.</summary>
public static class FileResponse
{
    [PublicRequest]
    public sealed record Command : ICommand<string>
    {
        [Display(Name = "公告编号")]
        public string Number { get; init; } = "";

        /// <summary>The client address (for the flood limit), set by the page, never bound from the form.</summary>
        [BindNever]
        public string Client { get; init; } = "";

        [Display(Name = "姓名或单位名称")]
        public string? Name { get; init; }

        [Display(Name = "联系方式")]
        public string? Contact { get; init; }

        [Display(Name = "异议理由或债权说明")]
        public string? Content { get; init; }

        [Display(Name = "债权金额（元）")]
        public decimal? Amount { get; init; }

        [Display(Name = "提交标识")]
        public string? SubmissionKey { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().WithMessage("请填写姓名或单位名称。")
                .MaximumLength(SimpleDeregistrationRules.NameMaxLength).WithMessage($"姓名或单位名称不能超过{SimpleDeregistrationRules.NameMaxLength}个字。");
            RuleFor(c => c.Contact).NotEmpty().WithMessage("请留下联系方式（手机号、固定电话或电子邮箱），以便答复。");
            RuleFor(c => c.Contact).Must(SimpleDeregistrationRules.IsContact).When(c => !string.IsNullOrWhiteSpace(c.Contact))
                .WithMessage("联系方式应为手机号、带区号的固定电话或电子邮箱。");
            RuleFor(c => c.Content).NotEmpty().WithMessage("请写明异议理由或债权说明。")
                .MaximumLength(SimpleDeregistrationRules.ContentMaxLength).WithMessage(c => $"异议理由或债权说明不能超过{SimpleDeregistrationRules.ContentMaxLength}字（现为{c.Content?.Length}字）。");
            RuleFor(c => c.Amount).GreaterThan(0).When(c => c.Amount is not null).WithMessage("债权金额应大于0。")
                .LessThan(1_000_000_000_000m).WithMessage("债权金额过大，请核对。");
            RuleFor(c => c.SubmissionKey).NotEmpty().WithMessage("表单已失效，请刷新页面后重新填写。")
                .Matches("^[A-Za-z0-9-]{8,64}$").WithMessage("表单已失效，请刷新页面后重新填写。");
        }
    }

    public sealed class Handler(PortalDbContext db, NoticeFloodGuard flood, TimeProvider time, CalendarService calendar) : IRequestHandler<Command, string>
    {
        public async Task<string> Handle(Command request, CancellationToken cancellationToken)
        {
            // The same form sent twice (double click, retry after a lost answer) is stored once.
            var existing = await db.NoticeResponses.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionKey == request.SubmissionKey, cancellationToken);
            if (existing is not null)
            {
                return Receipt(existing);
            }

            if (!flood.TryEnter(request.Client))
            {
                throw new ValidationFailedException("", NoticeFloodGuard.Refused);
            }

            try
            {
                return await StoreAsync(request, cancellationToken);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // The same form arrived twice at the same moment: the other request stored it.
                db.ChangeTracker.Clear();
                return Receipt(await db.NoticeResponses.AsNoTracking().SingleAsync(r => r.SubmissionKey == request.SubmissionKey, cancellationToken));
            }
        }

        private async Task<string> StoreAsync(Command request, CancellationToken cancellationToken)
        {
            // Objections arriving at the same moment take turns on the case row (each adds a note to it).
            if (await db.Cases.Where(x => x.Number == request.Number).Select(x => (long?)x.Id).FirstOrDefaultAsync(cancellationToken) is { } id)
            {
                await RowLocks.LockCaseAsync(db, id, cancellationToken);
            }

            var c = await db.Cases.FirstOrDefaultAsync(x => x.Number == request.Number, cancellationToken);
            if (c is null || !DeregistrationService.IsDeregistration(c.ServiceCode))
            {
                throw new NotFoundException("未找到该公告。");
            }

            var d = await DeregistrationFlows.LoadApplicationAsync(db, c.Id, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            if (!NoticeRules.AcceptsResponses(c.State, d, now))
            {
                var clock = await calendar.GetClockAsync(cancellationToken);
                var ended = d.NoticeEndsAt is { } end ? $"已于{DeadlineView.Format(clock.ToLocal(end))}届满" : "尚未开始";
                throw new ValidationFailedException("", d.Route == DeregistrationRoute.Simple
                    ? $"该企业的简易注销公示期{ended}，不再受理异议。"
                    : $"该清算组的债权申报期{ended}，不再受理债权申报。");
            }

            var kind = NoticeRules.KindFor(d.Route);
            if (kind == NoticeResponseKind.Claim && request.Amount is null)
            {
                throw new ValidationFailedException(nameof(Command.Amount), "请填写申报的债权金额。");
            }

            var response = new NoticeResponse(d, kind, request.Name!.Trim(), request.Contact!.Trim(), request.Content!.Trim(),
                kind == NoticeResponseKind.Claim ? request.Amount : null, request.SubmissionKey!, now);
            d.Responses.Add(response);
            c.Record(kind == NoticeResponseKind.Objection ? "收到公示异议" : "收到债权申报", CaseActor.Public, now,
                kind == NoticeResponseKind.Objection ? response.Content : $"申报债权{response.Amount:0.##}元");
            await db.SaveChangesAsync(cancellationToken);
            return Receipt(response);
        }

        private static string Receipt(NoticeResponse r) =>
            r.Kind == NoticeResponseKind.Objection
                ? $"异议已提交，受理编号 YY{r.Id:D6}。登记机关将核实处理，并通过您留下的联系方式答复。"
                : $"债权申报已提交，受理编号 ZQ{r.Id:D6}。清算组将与您联系核对债权。";
    }
}
