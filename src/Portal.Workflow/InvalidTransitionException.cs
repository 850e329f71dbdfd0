using System.Text;

namespace Portal.Workflow;

/// <summary>
/// Thrown (by default) when a trigger cannot be handled in the current state, either because no
/// transition is configured or because its guards are not satisfied. The message is in Chinese
/// and can be shown to the user; <see cref="UnmetGuards"/> carries the individual guard texts.
/// </summary>
public sealed class InvalidTransitionException : InvalidOperationException
{
    /// <summary>Creates the exception; the message is built from the labels and guard descriptions.</summary>
    public InvalidTransitionException(
        object state,
        object trigger,
        IReadOnlyList<string> unmetGuards,
        string? stateLabel = null,
        string? triggerLabel = null)
        : base(BuildMessage(stateLabel ?? state.ToString() ?? string.Empty, triggerLabel ?? trigger.ToString() ?? string.Empty, unmetGuards))
    {
        State = state;
        Trigger = trigger;
        UnmetGuards = unmetGuards;
        StateLabel = stateLabel ?? state.ToString() ?? string.Empty;
        TriggerLabel = triggerLabel ?? trigger.ToString() ?? string.Empty;
    }

    /// <summary>The state the machine was in.</summary>
    public object State { get; }

    /// <summary>The trigger that could not be handled.</summary>
    public object Trigger { get; }

    /// <summary>Descriptions of the guards that were not satisfied (empty when no transition exists).</summary>
    public IReadOnlyList<string> UnmetGuards { get; }

    /// <summary>Display label of <see cref="State"/>.</summary>
    public string StateLabel { get; }

    /// <summary>Display label of <see cref="Trigger"/>.</summary>
    public string TriggerLabel { get; }

    /// <summary>
    /// Builds 当前状态「已受理」不能执行「受理」。 or, with guards,
    /// 当前状态「已提交」不能执行「驳回」：需要督查批准；需要填写理由。
    /// </summary>
    public static string BuildMessage(string stateLabel, string triggerLabel, IReadOnlyList<string> unmetGuards)
    {
        var sb = new StringBuilder();
        sb.Append("当前状态「").Append(stateLabel).Append("」不能执行「").Append(triggerLabel).Append('」');
        var first = true;
        for (var i = 0; i < unmetGuards.Count; i++)
        {
            var text = unmetGuards[i].Trim().TrimEnd('。', '；', ';', '.', '，', ',');
            if (text.Length == 0)
            {
                continue;
            }

            sb.Append(first ? "：" : "；").Append(text);
            first = false;
        }

        sb.Append('。');
        return sb.ToString();
    }
}
