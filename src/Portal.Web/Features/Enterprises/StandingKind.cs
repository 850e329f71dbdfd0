namespace Portal.Web.Features.Enterprises;

/// <summary>Where an enterprise's licence stands, as the public verification page and the licence page say it.</summary>
public enum StandingKind
{
    /// <summary>有效.</summary>
    Valid,

    /// <summary>注销公告中: its 简易注销公告 or 债权人公告 is running (both are public on /Notices).</summary>
    InNotice,

    /// <summary>注销办理中: the public notice has ended, the 注销登记 is being decided.</summary>
    Deregistering,

    /// <summary>已注销: the licence and the electronic seal are void.</summary>
    Cancelled,
}
