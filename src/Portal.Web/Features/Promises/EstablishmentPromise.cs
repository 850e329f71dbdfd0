using Portal.Domain.Profiles;
using Portal.Infrastructure.Profiles;
using Portal.Workflow;

namespace Portal.Web.Features.Promises;

/// <summary>
/// The 企业开办 promise one application gets under the active profile, and the sentence recorded on its case saying
/// which promise applies and why (一般性企业 or not, 全流程 or counted from 受理), with the source.
/// </summary>
public sealed record EstablishmentPromise(string Key, TimeLimit? Limit, bool WholeProcess, string Note)
{
    public static EstablishmentPromise For(PromiseTable table, IReadOnlyCollection<string> scopeCodes, string? otherScope)
    {
        var distinguishes = table.Row(PromiseKeys.EstablishmentGeneral) is not null;
        var general = EstablishmentPromises.IsGeneral(scopeCodes, otherScope);
        var key = EstablishmentPromises.KeyFor(distinguishes, general);
        var limit = table.Limit(key);
        var whole = table.WholeProcess(key);
        var counted = whole ? $"自提交起{limit}内办结（全流程，窗口受理在内）" : $"受理后{limit}内办结";
        var note = !distinguishes
            ? $"企业开办：{counted}（{table.Cite(key)}）。"
            : general
                ? $"一般性企业开办（{EstablishmentPromises.GeneralRule}）：{counted}（{table.Cite(key)}）。"
                : $"企业开办：{counted}（{table.Cite(key)}）。本申请不属于一般性企业（{EstablishmentPromises.NotGeneralBecause(scopeCodes, otherScope)}），"
                  + $"一般性企业为{table.Limit(PromiseKeys.EstablishmentGeneral)}。";
        return new EstablishmentPromise(key, limit, whole, note);
    }
}
