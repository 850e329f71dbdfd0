using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Domain.Materials;
using Portal.Infrastructure.Data;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>
/// What the case's list and the per-item review mean for the case's actions (guards in the case workflow, with their
/// Chinese texts): 受理 is refused while a required upload has nothing handed in (<see cref="MaterialCompleteness"/>),
/// 容缺受理 while such an item may not be 容缺; 受理 is refused while an item is judged 不合格; 容缺受理 while an item that may not be 容缺 is 不合格; a 一次性告知 must
/// name every item judged 不合格 (the one built from the items does); 提交补正 needs every item the notice listed
/// answered. Cases without a list, or whose items were never judged, are not affected.
/// </summary>
public sealed class MaterialGuards(PortalDbContext db, MaterialUploads uploads) : ICaseGuardSource
{
    public async Task<IReadOnlyList<ActionGuard>> GuardsAsync(Case c, CancellationToken cancellationToken)
    {
        if (c.Id == 0)
        {
            return [];
        }

        // Tracked: within a command the items it changed are judged as changed.
        var items = await db.CaseMaterials.Where(m => m.CaseId == c.Id).ToListAsync(cancellationToken);
        var guards = new List<ActionGuard>();
        if (c.State == CaseState.Submitted && await uploads.MissingAsync(c, cancellationToken) is { Count: > 0 } missing)
        {
            var intolerable = missing.Where(r => !r.Tolerable).ToList();
            guards.Add(new(CaseTrigger.Accept, _ => false, intolerable.Count == 0
                ? $"尚未提交材料{MaterialCompleteness.Names(missing)}：请一次性告知补正，或按容缺受理（申请人承诺补齐的日期）"
                : $"尚未提交必需的材料{MaterialCompleteness.Names(missing)}：请一次性告知补正，材料齐全后再受理"));
            if (intolerable.Count > 0)
            {
                guards.Add(new(CaseTrigger.AcceptWithMissing, _ => false,
                    $"材料{MaterialCompleteness.Names(intolerable)}尚未提交且不可容缺：请一次性告知补正"));
            }
        }

        foreach (var item in items)
        {
            guards.Add(new(CaseTrigger.Accept, _ => item.Status != MaterialStatus.Rejected,
                $"材料“{item.Name}”审核为不合格：请发出一次性告知补正，或重新审核后再受理"));
            if (!item.Tolerable)
            {
                guards.Add(new(CaseTrigger.AcceptWithMissing, _ => item.Status != MaterialStatus.Rejected,
                    $"材料“{item.Name}”不合格且不可容缺：请发出一次性告知补正"));
            }

            guards.Add(new(CaseTrigger.SubmitSupplement, _ => !(item.Status == MaterialStatus.Rejected && item.NoticeRound == c.SupplementCount),
                $"请先补正“{item.Name}”（上传新的文件，或按要求填写说明）"));
        }

        if (items.Count > 0)
        {
            guards.Add(new(CaseTrigger.RequestSupplement,
                args => items.Where(i => i.Status == MaterialStatus.Rejected).All(i => args.Reason?.Contains(i.Name, StringComparison.Ordinal) == true),
                "一次性告知须列明全部审核为不合格的材料：请在“申请材料”中发出一次性告知"));
        }

        return guards;
    }
}

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
