namespace Portal.Domain.Connections;

/// <summary>How 涉路、涉树 works of a zero-approval low-voltage connection are handled (000:177).</summary>
public enum RoadWorksRoute
{
    /// <summary>告知承诺制办理: no lead time.</summary>
    Commitment,

    /// <summary>提前3天向道路、绿化等管理部门报请批准.</summary>
    Approval,

    /// <summary>快速路、主干道按原程序审批.</summary>
    OriginalProcedure,
}
