using Portal.Domain.Cases;

namespace Portal.Domain.Materials;

/// <summary>
/// One item of a case's material list (材料清单) with its files and its review: uploaded per item, reviewed per item
/// (合格 / 不合格 with a reason), and listed in the 一次性告知 when 不合格 (SPEC 5, 000:503). A 容缺 item stays under the
/// commitment until a reviewer finds what was supplied 合格.
/// </summary>
public class CaseMaterial
{
    private CaseMaterial()
    {
    }

    public CaseMaterial(long caseId, MaterialRequirement requirement)
    {
        CaseId = caseId;
        Code = requirement.Code;
        Name = requirement.Name;
        Required = requirement.Required;
        Tolerable = requirement.Tolerable;
        AllowsExplanation = requirement.AllowsExplanation;
        Status = MaterialStatus.Missing;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public bool Required { get; private set; }

    public bool Tolerable { get; private set; }

    public bool AllowsExplanation { get; private set; }

    public MaterialStatus Status { get; private set; }

    /// <summary>A written explanation given instead of (or with) a file, where the item allows one.</summary>
    public string? Explanation { get; private set; }

    public string? ReviewReason { get; private set; }

    public string? ReviewedById { get; private set; }

    public string? ReviewedByName { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    /// <summary>The 一次性告知 (the case's supplement count then) that listed this item as 不合格, if any.</summary>
    public int? NoticeRound { get; private set; }

    /// <summary>Deferred under the case's 容缺 commitment; stays true after it is supplied, until accepted.</summary>
    public bool UnderCommitment { get; private set; }

    public long Version { get; private set; }

    public List<MaterialFile> Files { get; private set; } = [];

    public IEnumerable<MaterialFile> CurrentFiles => Files.Where(f => f.Current);

    /// <summary>Whether something was handed in for it (a current file or an explanation).</summary>
    public bool HasContent => Files.Any(f => f.Current) || !string.IsNullOrEmpty(Explanation);

    /// <summary>Whether the applicant side may add a file or an explanation now.</summary>
    public bool OpenForApplicant => Status is MaterialStatus.Missing or MaterialStatus.Submitted or MaterialStatus.Rejected or MaterialStatus.Deferred;

    public void BumpVersion() => Version++;

    /// <summary>
    /// Adds an uploaded file. A file answering a 不合格 item replaces the files that were judged (they stay, not current);
    /// the item then waits for review again.
    /// </summary>
    public void Attach(MaterialFile file)
    {
        EnsureOpen();
        if (Status == MaterialStatus.Rejected)
        {
            foreach (var old in Files.Where(f => f.Current))
            {
                old.Supersede();
            }
        }

        if (Files.Count(f => f.Current) >= MaterialLimits.MaxFilesPerItem)
        {
            throw new InvalidOperationException($"“{Name}”最多上传{MaterialLimits.MaxFilesPerItem}个文件，请合并为一个PDF后上传。");
        }

        file.AttachTo(this);
        Files.Add(file);
        Status = MaterialStatus.Submitted;
    }

    /// <summary>A written explanation instead of a file (e.g. "原件已于窗口核验"), where the item allows one.</summary>
    public void Explain(string text)
    {
        EnsureOpen();
        if (!AllowsExplanation)
        {
            throw new InvalidOperationException($"“{Name}”须上传文件，不能以说明代替。");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException($"请填写“{Name}”的说明。");
        }

        if (Status == MaterialStatus.Rejected)
        {
            foreach (var old in Files.Where(f => f.Current))
            {
                old.Supersede();
            }
        }

        Explanation = text.Trim();
        Status = MaterialStatus.Submitted;
    }

    /// <summary>Removes a current file the applicant side added and nobody has judged yet.</summary>
    public void Remove(MaterialFile file)
    {
        if (Status != MaterialStatus.Submitted || !file.Current || file.MaterialId != Id)
        {
            throw new InvalidOperationException($"“{Name}”的这个文件已审核或已替换，不能删除。");
        }

        file.Supersede();
        if (!HasContent)
        {
            Status = UnderCommitment ? MaterialStatus.Deferred : MaterialStatus.Missing;
        }
    }

    /// <summary>
    /// 合格 or 不合格 (with a reason). A missing item may be judged 不合格 ("未提交") so that the 一次性告知 lists it; 合格
    /// needs something handed in. A 容缺 item is judged once it was supplied.
    /// </summary>
    public void Review(bool accepted, string? reason, CaseActor actor, DateTime nowUtc)
    {
        if (Status == MaterialStatus.Deferred)
        {
            throw new InvalidOperationException($"“{Name}”是容缺材料，申请人尚未补齐，暂不能审核。");
        }

        if (accepted && !HasContent)
        {
            throw new InvalidOperationException($"“{Name}”尚未提交，不能审核为合格；缺少的材料请标为不合格并写明理由。");
        }

        if (!accepted && string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException($"请写明“{Name}”不合格的理由（将列入一次性告知）。");
        }

        Status = accepted ? MaterialStatus.Accepted : MaterialStatus.Rejected;
        ReviewReason = accepted ? null : reason!.Trim();
        ReviewedById = actor.UserId;
        ReviewedByName = actor.Name;
        ReviewedAt = nowUtc;
        NoticeRound = null;
    }

    /// <summary>Listed in the 一次性告知 numbered <paramref name="round"/> (the case's supplement count).</summary>
    public void ListInNotice(int round)
    {
        if (Status != MaterialStatus.Rejected)
        {
            throw new InvalidOperationException($"“{Name}”未被标为不合格，不能列入一次性告知。");
        }

        NoticeRound = round;
    }

    /// <summary>容缺受理: accepted without this item, to be supplied by the committed date.</summary>
    public void Defer()
    {
        if (!Tolerable)
        {
            throw new InvalidOperationException($"“{Name}”不可容缺。");
        }

        if (Status is MaterialStatus.Missing or MaterialStatus.Rejected)
        {
            Status = MaterialStatus.Deferred;
            UnderCommitment = true;
        }
    }

    /// <summary>Whether this item still keeps the case's 容缺 commitment open.</summary>
    public bool KeepsCommitmentOpen => UnderCommitment && Status != MaterialStatus.Accepted;

    private void EnsureOpen()
    {
        if (!OpenForApplicant)
        {
            throw new InvalidOperationException($"“{Name}”已审核合格，无需再提交。");
        }
    }
}
