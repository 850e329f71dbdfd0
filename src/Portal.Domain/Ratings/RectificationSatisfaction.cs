namespace Portal.Domain.Ratings;

/// <summary>How the rater rates the rectification.</summary>
public enum RectificationSatisfaction
{
    Satisfied,
    Basic,
    Dissatisfied,
}
