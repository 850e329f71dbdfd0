namespace Portal.Domain.Ratings;

/// <summary>What was rated: 受理 or 办理 of a case (一事一评, online), or a hall visit (一次一评, on site).</summary>
public enum RatingSubject
{
    Acceptance,
    Processing,
    Visit,
}
