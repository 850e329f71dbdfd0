using Portal.Domain.Cases;

namespace Portal.Web.Features.Dashboard;

/// <summary>What the figures need of one history row.</summary>
public sealed record EventFacts(long Id, long CaseId, DateTime At, string Action, bool IsNote, string HolderRole, DateTime? DueAt, string ActorId, string ActorName)
{
    public static EventFacts Of(CaseEvent e) => new(e.Id, e.CaseId, e.At, e.Action, Case.IsNote(e), e.HolderRole, e.DueAt, e.ActorId, e.ActorName);

    /// <summary>The deadline sweep's mark (超过承诺时限).</summary>
    public bool IsOverdueMark => Action == Case.OverdueAction;
}
