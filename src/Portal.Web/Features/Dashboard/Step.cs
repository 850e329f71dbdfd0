namespace Portal.Web.Features.Dashboard;

/// <summary>
/// One finished step: started by history row E (with a deadline), ended by the next non-note row F of the case.
/// <see cref="StaffId"/> is F's actor when that is staff (not the applicant, the system or the public).
/// </summary>
public sealed record Step(long CaseId, string ServiceCode, string HolderRole, DateTime StartedAt, DateTime EndedAt, bool OnTime, int UsedMinutes, int PromisedMinutes, string? StaffId, string? StaffName);
