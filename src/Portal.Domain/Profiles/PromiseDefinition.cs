using Portal.Workflow;

namespace Portal.Domain.Profiles;

/// <summary>One promise: a limit, the service and step it applies to, and the document line it comes from.</summary>
public sealed record PromiseDefinition(string Key, string Service, string Step, TimeLimit Limit, string Source, string? Note = null)
{
    /// <summary>
    /// 全流程: the limit covers the whole process and counts from submission, so the service's 受理 is inside it (e.g.
    /// "企业开办全流程…最长4个小时", 003:9), not a separate acceptance limit in front of it.
    /// </summary>
    public bool WholeProcess { get; init; }

    /// <summary>A lead time before something starts (涉路工程"提前3天"报请批准, 000:177), not a deadline after a step.</summary>
    public bool LeadTime { get; init; }
}
