namespace Portal.Domain.Materials;

public static class MaterialStatuses
{
    public static string Label(this MaterialStatus status) => status switch
    {
        MaterialStatus.Missing => "未提交",
        MaterialStatus.Submitted => "待审核",
        MaterialStatus.Accepted => "合格",
        MaterialStatus.Rejected => "不合格",
        _ => "容缺待补",
    };
}
