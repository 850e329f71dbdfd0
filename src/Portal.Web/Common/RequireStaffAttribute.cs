namespace Portal.Web.Common;

/// <summary>Staff of any kind (not applicants).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequireStaffAttribute : Attribute;
