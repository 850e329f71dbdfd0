using Portal.Domain.Cases;
using Portal.Domain.Organisation;

namespace Portal.Domain.Ratings;

/// <summary>
/// 申诉: staff appeal a rating they find mistaken or malicious; a supervisor other than the rated staff member decides
/// with a reason. Upheld: the rating is excluded from statistics (never deleted) and its follow-up ends.
/// </summary>
public class RatingAppeal
{
    private RatingAppeal()
    {
    }

    public long Id { get; private set; }

    public long RatingId { get; private set; }

    public Rating Rating { get; private set; } = null!;

    public string FiledById { get; private set; } = "";

    public string FiledByName { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public DateTime FiledAt { get; private set; }

    public bool? Upheld { get; private set; }

    public string? DecidedById { get; private set; }

    public string? DecidedByName { get; private set; }

    public string? Decision { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public long Version { get; private set; }

    public void BumpVersion() => Version++;

    public static RatingAppeal File(Rating rating, CaseActor actor, string reason, DateTime nowUtc)
    {
        if (!actor.IsStaff)
        {
            throw new InvalidOperationException("只有工作人员可以对评价提出申诉。");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 1000)
        {
            throw new ArgumentException("请写明申诉理由（不超过1000字）。");
        }

        return new RatingAppeal { Rating = rating, RatingId = rating.Id, FiledById = actor.UserId, FiledByName = actor.Name, Reason = reason.Trim(), FiledAt = nowUtc };
    }

    public void Decide(CaseActor actor, bool upheld, string reason, DateTime nowUtc)
    {
        if (!actor.Has(Roles.Supervisor))
        {
            throw new InvalidOperationException("只有督查人员可以决定申诉。");
        }

        if (actor.UserId == Rating.StaffId || actor.UserId == FiledById)
        {
            throw new InvalidOperationException("被评价的工作人员和申诉人不能决定本申诉，请由其他督查人员决定。");
        }

        if (Upheld is not null)
        {
            throw new InvalidOperationException("该申诉已有决定。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("请写明决定理由。");
        }

        Upheld = upheld;
        Decision = reason.Trim();
        DecidedById = actor.UserId;
        DecidedByName = actor.Name;
        DecidedAt = nowUtc;
    }
}
