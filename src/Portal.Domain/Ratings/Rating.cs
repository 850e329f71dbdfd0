namespace Portal.Domain.Ratings;

/// <summary>
/// One rating (好差评) of a case step or a hall visit. Immutable once given: no one may change it (SPEC 2.4). The
/// unique key — the case and step, or the ticket — makes 一事一评 / 一次一评 hold even when two browsers rate at once.
/// The rater is kept for their own follow-up and, when real-name, for the supervisor's return visit; the rated staff
/// never see who rated them.
/// </summary>
public class Rating
{
    private Rating()
    {
    }

    public long Id { get; private set; }

    /// <summary>"case:{number}:Acceptance", "case:{number}:Processing" or "ticket:{id}".</summary>
    public string SubjectKey { get; private set; } = "";

    public RatingSubject Subject { get; private set; }

    public string? CaseNumber { get; private set; }

    public long? TicketId { get; private set; }

    /// <summary>The service rated (a case's service code, or the hall category of a visit).</summary>
    public string ServiceCode { get; private set; } = "";

    /// <summary>The responsible unit: a department's code, or <see cref="RatingScale.HallUnit"/>.</summary>
    public string Unit { get; private set; } = "";

    public string? WindowNumber { get; private set; }

    /// <summary>The staff member whose work was rated (who accepted, finished, or served the visit).</summary>
    public string? StaffId { get; private set; }

    public string? StaffName { get; private set; }

    public RatingLevel Level { get; private set; }

    /// <summary>Indicator scores, "code=level;…", in the order of <see cref="RatingScale.IndicatorsFor"/>.</summary>
    public string Scores { get; private set; } = "";

    public string? Comment { get; private set; }

    public bool Anonymous { get; private set; }

    /// <summary>The signed-in rater (an online rating); null for a visit rated from its ticket.</summary>
    public string? RaterId { get; private set; }

    /// <summary>Real-name only: name and phone for the return visit (回访). Null when anonymous.</summary>
    public string? RaterName { get; private set; }

    public string? RaterPhone { get; private set; }

    /// <summary>Opens the rater's own view of the rating and its follow-up (a visit's rater has no account).</summary>
    public string AccessCode { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public bool IsBad => Level.IsBad();

    public static string KeyFor(string caseNumber, RatingSubject subject) => $"case:{caseNumber}:{subject}";

    public static string KeyFor(long ticketId) => $"ticket:{ticketId}";

    public sealed record Target(RatingSubject Subject, string? CaseNumber, long? TicketId, string ServiceCode, string Unit, string? WindowNumber, string? StaffId, string? StaffName);

    public sealed record Rater(string? UserId, string? Name, string? Phone, bool Anonymous);

    /// <summary>Gives a rating. Throws <see cref="ArgumentException"/> with a Chinese message on bad input.</summary>
    public static Rating Give(Target target, IReadOnlyDictionary<string, RatingLevel> scores, string? comment, Rater rater, string accessCode, DateTime nowUtc)
    {
        var indicators = RatingScale.IndicatorsFor(target.Subject);
        foreach (var indicator in indicators)
        {
            if (!scores.TryGetValue(indicator.Code, out var level) || !Enum.IsDefined(level))
            {
                throw new ArgumentException($"请为“{indicator.Label}”选择评价等级。");
            }
        }

        if (scores.Keys.Any(k => indicators.All(i => i.Code != k)))
        {
            throw new ArgumentException("评价指标不正确。");
        }

        var text = comment?.Trim();
        if (text is { Length: > RatingScale.MaxComment })
        {
            throw new ArgumentException($"评价内容不能超过{RatingScale.MaxComment}字。");
        }

        var overall = scores["overall"];
        if (overall.IsBad() && string.IsNullOrEmpty(text))
        {
            throw new ArgumentException("差评请写明不满意的原因，便于核实整改。");
        }

        if (!rater.Anonymous && string.IsNullOrWhiteSpace(rater.Name))
        {
            throw new ArgumentException("实名评价请填写姓名。");
        }

        if (!rater.Anonymous && target.Subject == RatingSubject.Visit && !IsMobile(rater.Phone))
        {
            throw new ArgumentException("实名评价请填写11位手机号码，以便回访。");
        }

        return new Rating
        {
            SubjectKey = target.CaseNumber is { } number ? KeyFor(number, target.Subject) : KeyFor(target.TicketId ?? throw new ArgumentException("评价对象不正确。")),
            Subject = target.Subject,
            CaseNumber = target.CaseNumber,
            TicketId = target.TicketId,
            ServiceCode = target.ServiceCode,
            Unit = target.Unit,
            WindowNumber = target.WindowNumber,
            StaffId = target.StaffId,
            StaffName = target.StaffName,
            Level = overall,
            Scores = string.Join(";", indicators.Select(i => $"{i.Code}={(int)scores[i.Code]}")),
            Comment = string.IsNullOrEmpty(text) ? null : text,
            Anonymous = rater.Anonymous,
            RaterId = rater.UserId,
            RaterName = rater.Anonymous ? null : rater.Name!.Trim(),
            RaterPhone = rater.Anonymous ? null : rater.Phone?.Trim(),
            AccessCode = accessCode,
            CreatedAt = nowUtc,
        };
    }

    /// <summary>The indicator scores with their labels.</summary>
    public IReadOnlyList<(RatingIndicator Indicator, RatingLevel Level)> ScoreList() =>
        Scores.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .Select(p => (RatingScale.IndicatorsFor(Subject).First(i => i.Code == p[0]), (RatingLevel)int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    private static bool IsMobile(string? phone) =>
        phone?.Trim() is { Length: 11 } p && p[0] == '1' && p.All(char.IsAsciiDigit);
}
