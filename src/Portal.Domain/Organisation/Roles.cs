namespace Portal.Domain.Organisation;

/// <summary>Role names stored in ASP.NET Core Identity, and their Chinese labels.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Window = "Window";
    public const string Supervisor = "Supervisor";
    public const string Admin = "Admin";
    public const string ReviewerPrefix = "Reviewer.";

    /// <summary>Roles that belong to staff (everyone but applicants).</summary>
    public static IReadOnlyList<string> Staff { get; } =
        [Window, Supervisor, Admin, .. Departments.All.Select(d => d.ReviewerRole())];

    public static IReadOnlyList<string> All { get; } = [Applicant, .. Staff];

    public static bool IsReviewer(string role) => role.StartsWith(ReviewerPrefix, StringComparison.Ordinal);

    public static Department? DepartmentOf(string role) =>
        IsReviewer(role) && Enum.TryParse<Department>(role[ReviewerPrefix.Length..], out var d) ? d : null;

    public static string Label(string role) => role switch
    {
        Applicant => "申请人",
        Window => "窗口工作人员",
        Supervisor => "督查",
        Admin => "管理员",
        _ when DepartmentOf(role) is { } d => $"后台审批（{d.Label()}）",
        _ => role,
    };
}
