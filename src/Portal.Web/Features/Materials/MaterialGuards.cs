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

        // Tracked: within a command the items it changed are judged as changed. At 受理 their files tell what is missing:
        // read once, with the items.
        var atAcceptance = c.State == CaseState.Submitted;
        var query = db.CaseMaterials.Where(m => m.CaseId == c.Id);
        var items = await (atAcceptance ? query.Include(m => m.Files) : query).ToListAsync(cancellationToken);
        var guards = new List<ActionGuard>();
        if (atAcceptance && await uploads.MissingAsync(c, items, cancellationToken) is { Count: > 0 } missing)
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
