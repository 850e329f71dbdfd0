using System.Globalization;
using FluentValidation;
using MediatR;
using Portal.Domain.Calendar;
using Portal.Infrastructure.Calendar;
using Portal.Web.Common;
using Portal.Workflow;

namespace Portal.Web.Features.Calendar;

/// <summary>
/// Public JSON answers about working days, used by the service guides ("if you apply now, it is due by …").
/// Times are the portal's local time (Asia/Shanghai by default), without an offset.
/// </summary>
public static class CalendarApi
{
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public static void MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar").AllowAnonymous();
        api.MapGet("/day", (string? date, IMediator m, CancellationToken ct) => m.SendJson(new Day.Query { Date = date }, ct));
        api.MapGet("/due", (string? from, int? workingDays, decimal? officeHours, int? officeMinutes, int? calendarDays, IMediator m, CancellationToken ct) =>
            m.SendJson(new Due.Query { From = from, WorkingDays = workingDays, OfficeHours = officeHours, OfficeMinutes = officeMinutes, CalendarDays = calendarDays }, ct));
    }

    public static DateTime? ParseLocal(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? DateTime.SpecifyKind(value, DateTimeKind.Unspecified)
            : null;

    public static string FormatLocal(DateTime local) => local.ToString(LocalFormat, CultureInfo.InvariantCulture);

    public static class Day
    {
        [PublicRequest]
        public sealed record Query : IQuery<Result>
        {
            public string? Date { get; init; }
        }

        public sealed record Result(string Date, bool Working, string Kind, string KindLabel, string? Name, bool YearHasData, string? Warning);

        public sealed class Validator : AbstractValidator<Query>
        {
            public Validator()
            {
                RuleFor(q => q.Date).Must(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)).WithMessage("请用 yyyy-MM-dd 格式给出日期，例如 2026-10-10。")
                    .Must(d => !DateOnly.TryParseExact(d, "yyyy-MM-dd", out var date) || SupportedDates.Contains(date))
                    .WithMessage($"日期应在{SupportedDates.Range}之间。");
            }
        }

        public sealed class Handler(CalendarService calendar) : IRequestHandler<Query, Result>
        {
            public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
            {
                var clock = await calendar.GetClockAsync(cancellationToken);
                var day = clock.Calendar.Describe(DateOnly.ParseExact(request.Date!, "yyyy-MM-dd"));
                return new Result(
                    day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    day.IsWorkingDay,
                    day.Kind.ToString().ToLowerInvariant(),
                    KindLabel(day.Kind),
                    day.Name,
                    day.YearHasData,
                    day.YearHasData ? null : MissingYearWarning(day.Date.Year));
            }
        }
    }

    public static class Due
    {
        [PublicRequest]
        public sealed record Query : IQuery<Result>
        {
            public string? From { get; init; }

            public int? WorkingDays { get; init; }

            public decimal? OfficeHours { get; init; }

            public int? OfficeMinutes { get; init; }

            public int? CalendarDays { get; init; }
        }

        public sealed record Result(string From, string Due, string Limit, string TimeZone, IReadOnlyList<int> YearsWithoutData, string? Warning);

        public sealed class Validator : AbstractValidator<Query>
        {
            public Validator()
            {
                RuleFor(q => q.From).Must(f => ParseLocal(f) is not null)
                    .WithMessage("请用 yyyy-MM-dd 或 yyyy-MM-ddTHH:mm 格式给出起算时间，例如 2026-09-21T10:30。")
                    .Must(f => ParseLocal(f) is not { } from || SupportedDates.Contains(from))
                    .WithMessage($"起算时间应在{SupportedDates.Range}之间。");
                RuleFor(q => q).Must(q => new object?[] { q.WorkingDays, q.OfficeHours, q.OfficeMinutes, q.CalendarDays }.Count(v => v is not null) == 1)
                    .WithName("limit")
                    .WithMessage("请只给出一种时限：workingDays（工作日）、officeHours（工作小时）、officeMinutes（工作分钟）或 calendarDays（自然日）。");
                RuleFor(q => q.WorkingDays).InclusiveBetween(0, 3650).WithMessage("工作日数应在0到3650之间。");
                RuleFor(q => q.CalendarDays).InclusiveBetween(0, 3650).WithMessage("自然日数应在0到3650之间。");
                RuleFor(q => q.OfficeHours).InclusiveBetween(0m, 10000m).WithMessage("工作小时数应在0到10000之间。");
                RuleFor(q => q.OfficeMinutes).InclusiveBetween(0, 600000).WithMessage("工作分钟数应在0到600000之间。");
            }
        }

        public sealed class Handler(CalendarService calendar) : IRequestHandler<Query, Result>
        {
            public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
            {
                var clock = await calendar.GetClockAsync(cancellationToken);
                var from = ParseLocal(request.From)!.Value;
                var limit = request switch
                {
                    { WorkingDays: { } d } => new TimeLimit(d, TimeUnit.WorkingDays),
                    { OfficeMinutes: { } m } => new TimeLimit(m, TimeUnit.OfficeMinutes),
                    { CalendarDays: { } c } => new TimeLimit(c, TimeUnit.CalendarDays),
                    _ => new TimeLimit((int)Math.Round(request.OfficeHours!.Value * 60, MidpointRounding.AwayFromZero), TimeUnit.OfficeMinutes),
                };
                var due = clock.DueLocal(from, limit);
                var missing = clock.Calendar.YearsWithoutData(from, due);
                var label = request.OfficeHours is { } h ? $"{h.ToString(CultureInfo.InvariantCulture)}个工作小时" : limit.ToString();
                return new Result(FormatLocal(from), FormatLocal(due), label, clock.Zone.Id, missing,
                    missing.Count == 0 ? null : MissingYearWarning(missing[0]));
            }
        }
    }

    public static string KindLabel(DayKind kind) => kind switch
    {
        DayKind.Workday => "工作日",
        DayKind.Weekend => "周末",
        DayKind.Holiday => "法定节假日",
        DayKind.MakeupWorkday => "调休上班",
        _ => kind.ToString(),
    };

    public static string MissingYearWarning(int year) =>
        $"{year}年的国务院节假日安排尚未录入，暂按{StatutoryHolidays.Basis}规定的法定节假日（含补假）计算，调休上班日尚不可知，结果以国务院节假日安排为准。";
}
