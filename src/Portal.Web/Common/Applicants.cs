using Microsoft.AspNetCore.Identity;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Identity;

namespace Portal.Web.Common;

/// <summary>Whom an application is for: the signed-in applicant, or — 帮办代办 — the registered applicant whose mobile number a clerk gives.</summary>
public static class Applicants
{
    public const string MobileField = "ApplicantMobile";

    public static async Task<PortalUser> ResolveAsync(UserManager<PortalUser> users, CurrentUser me, string? applicantMobile)
    {
        if (!me.IsStaff)
        {
            return await users.FindByIdAsync(me.Id!) ?? throw new NotSignedInException();
        }

        var mobile = applicantMobile?.Trim();
        if (string.IsNullOrEmpty(mobile))
        {
            throw new ValidationFailedException(MobileField, "帮办代办请填写申请人注册的手机号。");
        }

        var applicant = await users.FindByNameAsync(mobile);
        if (applicant is null || !await users.IsInRoleAsync(applicant, Roles.Applicant))
        {
            throw new ValidationFailedException(MobileField, "未找到该手机号注册的申请人，请先协助申请人实名注册。");
        }

        return applicant;
    }
}
