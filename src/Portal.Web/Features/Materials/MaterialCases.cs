using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Domain.Organisation;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>Loading a case for a material command, with the access rules of <see cref="MaterialAccess"/>.</summary>
internal static class MaterialCases
{
    public const string NotYours = "未找到该办件，或该办件不属于您。";

    /// <summary>The case (tracked, with its sub-items) when the person may open its materials; 404 otherwise.</summary>
    public static async Task<(Case Case, MaterialRights Rights)> OpenAsync(PortalDbContext db, MaterialStanding standing, string number, CancellationToken cancellationToken)
    {
        var c = await db.Cases.Include(x => x.SubItems).FirstOrDefaultAsync(x => x.Number == number, cancellationToken);
        var rights = c is null ? null : await standing.OfAsync(c, cancellationToken);
        return c is not null && rights is { MayOpen: true } ? (c, rights) : throw new NotFoundException(NotYours);
    }

    public static async Task<(Case Case, MaterialRights Rights)> ForUploadAsync(PortalDbContext db, MaterialStanding standing, string number, CancellationToken cancellationToken)
    {
        var (c, rights) = await OpenAsync(db, standing, number, cancellationToken);
        return rights.MayUpload ? (c, rights) : throw new ForbiddenException(c.State.IsFinal() || c.State == CaseState.Withdrawn
            ? $"办件已{c.State.Label()}，不能再提交材料。"
            : "只有申请人、代办人或经办窗口可以为该办件提交材料。");
    }

    public static async Task<Case> ForReviewAsync(PortalDbContext db, MaterialStanding standing, string number, CancellationToken cancellationToken)
    {
        var (c, rights) = await OpenAsync(db, standing, number, cancellationToken);
        return rights.MayReview ? c : throw new ForbiddenException("只有经办该办件的工作人员可以审核材料。");
    }

    /// <summary>Each file stored whole first (refusals collected), then the case's 50 MB checked; throws with every refusal.</summary>
    public static async Task<List<(string Item, StoredUpload Stored)>> StoreAllAsync(
        MaterialUploads uploads, IReadOnlyList<IncomingFile> files, long alreadyStored, CancellationToken cancellationToken)
    {
        var stored = new List<(string, StoredUpload)>();
        var refusals = new List<(string Field, string Message)>();
        foreach (var file in files)
        {
            var (upload, refusal) = await uploads.StoreAsync(file, cancellationToken);
            if (upload is not null)
            {
                stored.Add((file.ItemCode, upload));
            }
            else
            {
                refusals.Add((IncomingFile.FieldOf(file.ItemCode), refusal!));
            }
        }

        if (refusals.Count == 0 && MaterialUploads.OverCaseLimit(alreadyStored, stored.Sum(s => s.Item2.Content.Size)) is { } tooMuch)
        {
            refusals.Add(("", tooMuch));
        }

        return refusals.Count > 0 ? throw new ValidationFailedException(refusals) : stored;
    }
}
