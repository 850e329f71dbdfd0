using Portal.Domain.Ratings;
using Portal.Web.Common;

namespace Portal.Web.Features.Ratings;

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
