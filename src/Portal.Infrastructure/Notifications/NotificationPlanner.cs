using Portal.Domain.Cases;
using Portal.Domain.Notifications;
using Portal.Domain.Organisation;

namespace Portal.Infrastructure.Notifications;

/// <summary>
/// Which messages a change of a case produces (SPEC 3: applicants hear when their case needs them, is accepted, is
/// late and is done; staff hear when a case of theirs turns yellow or red). Staff alerts go to the holding role's inbox
/// (one message, not one per member) and to the case's owner (首问负责) when the owner is not in that role. Pure: the
/// caller stores the result in the same transaction as the change, so a change that is rolled back sends nothing and a
/// change saved once notifies once.
/// </summary>
public static class NotificationPlanner
{
    /// <summary>One message: to a person (<see cref="RecipientId"/>), or to a role's inbox when <see cref="RecipientRole"/> is set.</summary>
    public sealed record Planned(string RecipientId, NotificationKind Kind, string Title, string Body, string DedupeKey, string? RecipientRole = null)
    {
        public Notification ToNotification(string? caseNumber, string? link, DateTime nowUtc) => RecipientRole is { } role
            ? Notification.CreateForRole(role, Kind, caseNumber, Title, Body, link, nowUtc, DedupeKey)
            : Notification.Create(RecipientId, Kind, caseNumber, Title, Body, link, nowUtc, DedupeKey);
    }

    /// <summary>Whether staff alerts go to this holder role's inbox: a staff role, not the applicant, not none.</summary>
    public static bool IsStaffInbox(string? role) => !string.IsNullOrEmpty(role) && role != Roles.Applicant;

    /// <summary>
    /// What the applicant hears about one new history row of their case. The key names the case's version after the
    /// save, which every saved change moves, so one change gives one message.
    /// </summary>
    public static Planned? ForApplicant(Case c, CaseEvent e)
    {
        if (string.IsNullOrEmpty(c.ApplicantId))
        {
            return null;
        }

        var self = e.ActorId == c.ApplicantId;
        var subject = $"{c.Number}（{c.Title}）";
        (NotificationKind Kind, string Title, string Body)? message = e.Action switch
        {
            Case.DeadlineChangedAction => (NotificationKind.DeadlineChanged, "办件承诺时限调整",
                $"您的办件 {subject} 的承诺时限已调整：{e.Reason}"),
            Case.OverdueAction when e.HolderRole == Roles.Applicant => (NotificationKind.Late, "请尽快办理您的办件",
                $"您的办件 {subject} 在“{c.State.Label()}”环节由您办理，已超过规定时限，请尽快办理。"),
            Case.OverdueAction => (NotificationKind.Late, "办件超过承诺时限",
                $"您的办件 {subject} 在“{c.State.Label()}”环节已超过承诺时限，我们正在督办，给您带来不便深表歉意。"),
            "Accept" or "AutoAccept" or "AcceptWithMissing" when !self => (NotificationKind.Accepted, "办件已受理",
                $"您的办件 {subject} 已受理（{e.ActionLabel}）。" + (c.StepDueAt is null ? "" : "可在“我的办件”查看每一步的承诺时限。")),
            // A department returned one parallel track: only the applicant can correct and resubmit it.
            ReturnedTrackAction when !self => (NotificationKind.NeedsAction, "并联事项被退回，需要您处理",
                $"您的办件 {subject} 的并联事项“{TrackOf(e.ActionLabel)}”被{e.ActorRole}退回，请按说明补充后在办件页面重新提交。"
                + (string.IsNullOrEmpty(e.Reason) ? "" : $"\n说明：{e.Reason}")),
            _ when e.FromState is { } from && !from.IsFinal() && e.ToState.IsFinal() && !self => (NotificationKind.Done, $"办件{e.ToState.Label()}",
                $"您的办件 {subject} {Ended(e)}"
                + (string.IsNullOrEmpty(e.Reason) ? "" : $"\n说明：{e.Reason}")),
            _ when e.HolderRole == Roles.Applicant && e.FromState != e.ToState && !self => (NotificationKind.NeedsAction, "办件需要您处理",
                $"您的办件 {subject} 需要您处理：{e.ActionLabel}。" + (string.IsNullOrEmpty(e.Reason) ? "" : $"\n说明：{e.Reason}")),
            _ => null,
        };
        return message is { } m
            ? new Planned(c.ApplicantId, m.Kind, m.Title, m.Body, $"{c.Number}:v{c.Version}:{e.Action}:{c.ApplicantId}")
            : null;
    }

    /// <summary>The history action of a parallel track returned by its department (<c>SubItem.Return</c>).</summary>
    public const string ReturnedTrackAction = "SubItem.Return";

    /// <summary>How a case's end reads: "已办结。", "异议成立，终止简易注销。", "已办结（核准注销登记）。" — never "办结：办结。".</summary>
    private static string Ended(CaseEvent e)
    {
        var phrase = e.ToState.EndedPhrase();
        return e.ActionLabel == phrase || e.ActionLabel == e.ToState.Label() ? $"已{phrase}。"
            : e.ActionLabel.Contains('，') && e.ActionLabel.EndsWith(phrase, StringComparison.Ordinal) ? $"{e.ActionLabel}。"
            : $"已{phrase}（{e.ActionLabel}）。";
    }

    /// <summary>The track's name from its note's label ("印章刻制：退回").</summary>
    private static string TrackOf(string label) => label.Split('：')[0];

    /// <summary>What the staff holding the case hear when its deadline moved because the holiday calendar changed.</summary>
    public static IEnumerable<Planned> ForStaffDeadlineChange(Case c, CaseEvent e, IEnumerable<string> staffIds)
    {
        var (title, body, key) = DeadlineChange(c, e);
        return staffIds.Distinct().Select(id => new Planned(id, NotificationKind.DeadlineChanged, title, body, $"{key}:{id}"));
    }

    /// <summary>The deadline change for the holding role's inbox: one message, whatever the number of members.</summary>
    public static Planned ForRoleDeadlineChange(Case c, CaseEvent e, string role)
    {
        var (title, body, key) = DeadlineChange(c, e);
        return new Planned("", NotificationKind.DeadlineChanged, title, body, $"{key}:role:{role}", role);
    }

    private static (string Title, string Body, string Key) DeadlineChange(Case c, CaseEvent e) => (
        "办件承诺时限调整",
        $"办件 {c.Number}（{c.Title}）的承诺时限已调整：{e.Reason}",
        $"{c.Number}:deadline:{e.At.Ticks}:{(e.DueAt ?? e.At).Ticks}");

    /// <summary>What the staff holding the case hear when its step turns yellow (75% used) or red (overdue).</summary>
    public static IEnumerable<Planned> ForStaff(Case c, bool overdue, IEnumerable<string> staffIds)
    {
        var (kind, title, body, key) = StaffAlert(c, overdue);
        return staffIds.Distinct().Select(id => new Planned(id, kind, title, body, $"{key}:{id}"));
    }

    /// <summary>The yellow / red mark for the holding role's inbox: one message, whatever the number of members.</summary>
    public static Planned ForRole(Case c, bool overdue, string role)
    {
        var (kind, title, body, key) = StaffAlert(c, overdue);
        return new Planned("", kind, title, body, $"{key}:role:{role}", role);
    }

    private static (NotificationKind Kind, string Title, string Body, string Key) StaffAlert(Case c, bool overdue) => (
        overdue ? NotificationKind.StepOverdue : NotificationKind.StepWarning,
        overdue ? "办件已超时" : "办件时限预警",
        overdue
            ? $"办件 {c.Number}（{c.Title}）“{c.State.Label()}”环节已超过承诺时限，请尽快办理。"
            : $"办件 {c.Number}（{c.Title}）“{c.State.Label()}”环节已用时限的75%，请抓紧办理。",
        $"{c.Number}:{(overdue ? "red" : "yellow")}:{(c.StepStartedAt ?? c.CreatedAt).Ticks}");
}
