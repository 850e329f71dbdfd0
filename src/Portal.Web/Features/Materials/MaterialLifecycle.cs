using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// What a case's moves mean for its list: 容缺受理 defers the missing or 不合格 items that may be supplied later (or,
/// when the commitment was written as free text, opens one item "容缺材料" to supply it under).
/// </summary>
public sealed class MaterialLifecycle(PortalDbContext db) : ICaseLifecycle
{
    public bool Handles(string serviceCode) => true;

    public async Task OnStateChangedAsync(Case c, CaseState from, CaseActionContext context, CancellationToken cancellationToken)
    {
        var acceptedWithMissing = from is CaseState.Submitted && c.AcceptedAt == context.NowUtc
            && c.ToleranceItem is not null && c.ToleranceSuppliedAt is null;
        if (!acceptedWithMissing)
        {
            return;
        }

        var items = await db.CaseMaterials.Where(m => m.CaseId == c.Id).ToListAsync(cancellationToken);
        var deferred = 0;
        foreach (var item in items.Where(i => i.Tolerable && i.Status is MaterialStatus.Missing or MaterialStatus.Rejected))
        {
            item.Defer();
            deferred++;
        }

        if (deferred == 0 && items.All(i => i.Code != MaterialCatalog.ToleranceCode))
        {
            var name = $"容缺材料：{c.ToleranceItem}";
            var item = new CaseMaterial(c.Id, new MaterialRequirement(MaterialCatalog.ToleranceCode, name.Length > 100 ? name[..99] + "…" : name, MaterialSupply.Upload, "002:19；002:25")
            {
                Required = true,
                Tolerable = true,
            });
            item.Defer();
            db.CaseMaterials.Add(item);
        }
    }

    public Task<IReadOnlyList<CaseLink>> LinksAsync(Case c, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<CaseLink>>([]);
}
