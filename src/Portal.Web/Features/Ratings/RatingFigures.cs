using Microsoft.EntityFrameworkCore;
using Portal.Domain.Calendar;
using Portal.Domain.Privacy;
using Portal.Domain.Ratings;
using Portal.Web.Features.Dashboard;

namespace Portal.Web.Features.Ratings;

/// <summary>
/// The public 好差评 statistics computed from plain facts and the calendar, with no database or web host: the
/// definitions of the 统计口径 shown on /Ratings live here and nowhere else.
/// </summary>
public static class RatingFigures
{
    public const string TotalLabel = "合计";

    public static double Round1(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    public static double? Percent(int part, int whole) => whole == 0 ? null : Round1(100.0 * part / whole);

    /// <summary>
    /// All figures of the period. Counted: ratings created in [From 00:00, To + 1 00:00) local, except those in
    /// <paramref name="excluded"/> (upheld appeals). Published: follow-ups whose result went back in the period (the
    /// rating may be older), except excluded ones. The per-staff breakdown only when <paramref name="includeStaff"/>.
    /// </summary>
    public static RatingReport Compute(
        Period period,
        DeadlineClock clock,
        IEnumerable<RatingFacts> ratings,
        IEnumerable<FollowUpFacts> followUps,
        IReadOnlySet<long> excluded,
        Func<string, string> serviceLabel,
        bool includeStaff)
    {
        var start = period.StartUtc(clock);
        var end = period.EndUtc(clock);
        var all = ratings.Where(r => !excluded.Contains(r.Id)).ToList();
        var byId = all.ToDictionary(r => r.Id);
        var followUpOf = followUps.Where(f => !excluded.Contains(f.RatingId)).ToDictionary(f => f.RatingId);
        var counted = all.Where(r => r.CreatedAt >= start && r.CreatedAt < end).ToList();
        var perDay = (int)Math.Round(clock.Calendar.OfficeHours.PerDay.TotalMinutes);

        RatingGroup Group(string key, string label, IReadOnlyCollection<RatingFacts> these) => Of(key, label, these, followUpOf, clock, perDay);

        RatingBreakdown Breakdown(IEnumerable<RatingGroup> rows, IReadOnlyCollection<RatingFacts> these, Func<IEnumerable<RatingGroup>, IEnumerable<RatingGroup>> order) =>
            new(order(rows).ToList(), Group("", TotalLabel, these));

        static IEnumerable<RatingGroup> MostRatedFirst(IEnumerable<RatingGroup> rows) =>
            rows.OrderByDescending(g => g.Ratings).ThenBy(g => g.Label, StringComparer.Ordinal).ThenBy(g => g.Key, StringComparer.Ordinal);

        var byService = Breakdown(
            counted.GroupBy(r => r.ServiceCode).Select(g => Group(g.Key, serviceLabel(g.Key), g.ToList())), counted, MostRatedFirst);
        var byUnit = Breakdown(
            counted.GroupBy(r => r.Unit).Select(g => Group(g.Key, RatingScale.UnitLabel(g.Key), g.ToList())), counted, MostRatedFirst);
        var withWindow = counted.Where(r => !string.IsNullOrWhiteSpace(r.WindowNumber)).ToList();
        var byWindow = Breakdown(
            withWindow.GroupBy(r => r.WindowNumber!.Trim()).Select(g => Group(g.Key, g.Key, g.ToList())),
            withWindow,
            rows => rows.OrderBy(g => g.Key, StringComparer.Ordinal));

        RatingBreakdown? byStaff = null;
        if (includeStaff)
        {
            var withStaff = counted.Where(r => !string.IsNullOrEmpty(r.StaffId) || !string.IsNullOrWhiteSpace(r.StaffName)).ToList();
            byStaff = Breakdown(
                withStaff.GroupBy(r => string.IsNullOrEmpty(r.StaffId) ? "name:" + r.StaffName!.Trim() : r.StaffId)
                    .Select(g => Group(g.Key, StaffLabel(g), g.ToList())),
                withStaff,
                MostRatedFirst);
        }

        var rectified = followUpOf.Values
            .Where(f => f.ResultAt is { } at && at >= start && at < end && byId.ContainsKey(f.RatingId))
            .Select(f =>
            {
                var r = byId[f.RatingId];
                return new RectifiedRow(f.ResultAt!.Value, clock.LocalDate(f.ResultAt.Value), serviceLabel(r.ServiceCode), RatingScale.UnitLabel(r.Unit), r.Level, f.Finding, f.Result ?? "");
            })
            .OrderByDescending(x => x.ResultAtUtc)
            .ToList();

        return new RatingReport(byService.Total, byService, byUnit, byWindow, byStaff, rectified, perDay);
    }

    /// <summary>A staff member's name as last recorded on their ratings.</summary>
    public static string StaffLabel(IEnumerable<RatingFacts> ratings) =>
        ratings.OrderBy(r => r.CreatedAt).Select(r => r.StaffName?.Trim()).LastOrDefault(n => !string.IsNullOrEmpty(n)) ?? "（未记录姓名）";

    /// <summary>
    /// The figures of one group. 平均整改用时: the office minutes between each rectified 差评's rating and its result,
    /// averaged, in working days of <paramref name="minutesPerDay"/> office minutes, one decimal.
    /// </summary>
    public static RatingGroup Of(string key, string label, IReadOnlyCollection<RatingFacts> ratings, IReadOnlyDictionary<long, FollowUpFacts> followUps, DeadlineClock clock, int minutesPerDay)
    {
        var bad = ratings.Where(r => r.Level.IsBad()).ToList();
        var rectified = bad.Select(r => (Rating: r, FollowUp: followUps.GetValueOrDefault(r.Id)))
            .Where(x => x.FollowUp?.ResultAt is not null)
            .ToList();
        var realNameBad = bad.Where(r => !r.Anonymous).ToList();
        double? averageDays = rectified.Count == 0 || minutesPerDay <= 0
            ? null
            : Round1(rectified.Sum(x => (double)clock.OfficeMinutesBetween(x.Rating.CreatedAt, x.FollowUp!.ResultAt!.Value)) / rectified.Count / minutesPerDay);
        return new RatingGroup(
            key,
            label,
            ratings.Count,
            ratings.Count(r => r.Level.IsSatisfied()),
            bad.Count,
            rectified.Count,
            realNameBad.Count,
            realNameBad.Count(r => followUps.GetValueOrDefault(r.Id)?.VisitedAt is not null),
            averageDays);
    }

    /// <summary>
    /// A written result as it may be published: the case number and the rater's name and phone are hidden wherever the
    /// supervisor wrote them, and every ID number and mobile number in it is masked.
    /// </summary>
    public static string Publish(string? result, string? caseNumber, string? raterName, string? raterPhone)
    {
        var text = result?.Trim() ?? "";
        if (!string.IsNullOrWhiteSpace(caseNumber))
        {
            text = text.Replace(caseNumber.Trim(), "（办件编号不公开）", StringComparison.OrdinalIgnoreCase);
        }

        if (raterName?.Trim() is { Length: > 1 } name)
        {
            text = text.Replace(name, PersonalData.MaskName(name), StringComparison.Ordinal);
        }

        if (raterPhone?.Trim() is { Length: > 0 } phone)
        {
            text = text.Replace(phone, PersonalData.MaskPhone(phone), StringComparison.Ordinal);
        }

        return PersonalData.MaskText(text);
    }
}
