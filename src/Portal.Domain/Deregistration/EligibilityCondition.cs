namespace Portal.Domain.Deregistration;

/// <summary>One eligibility condition of 简易注销 that the applicant confirms in the self-check.</summary>
public sealed record EligibilityCondition(string Code, string Text, string Source);
