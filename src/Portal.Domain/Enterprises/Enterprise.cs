namespace Portal.Domain.Enterprises;

/// <summary>
/// A registered enterprise and its electronic business licence: issued when its 企业开办 case is 办结, together
/// with the electronic seal and one free set of 4 physical seals (000:81, 003:15).
/// </summary>
public class Enterprise
{
    private Enterprise()
    {
    }

    public long Id { get; private set; }

    /// <summary>统一社会信用代码 (GB 32100).</summary>
    public string CreditCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string NormalizedName { get; private set; } = "";

    public EnterpriseType Type { get; private set; }

    /// <summary>注册资本 in 万元 (ten thousand yuan).</summary>
    public decimal RegisteredCapital { get; private set; }

    public string Address { get; private set; } = "";

    public string BusinessScope { get; private set; } = "";

    public string LegalRepresentative { get; private set; } = "";

    public string LegalRepresentativeIdNumber { get; private set; } = "";

    public DateOnly EstablishedOn { get; private set; }

    /// <summary>The applicant account that owns the enterprise in the portal.</summary>
    public string OwnerId { get; private set; } = "";

    /// <summary>The 企业开办 case that created it.</summary>
    public long CaseId { get; private set; }

    public EnterpriseStatus Status { get; private set; }

    public DateOnly? CancelledOn { get; private set; }

    public DateTime LicenceIssuedAt { get; private set; }

    public DateTime ElectronicSealIssuedAt { get; private set; }

    /// <summary>一套4枚实体印章 (free): how they reach the enterprise.</summary>
    public SealDelivery SealDelivery { get; private set; }

    public string? SealMailAddress { get; private set; }

    public long Version { get; private set; }

    public void BumpVersion() => Version++;

    /// <summary>The deregistration case running for this enterprise, if any (one at a time).</summary>
    public long? DeregistrationCaseId { get; private set; }

    public string? CancellationNote { get; private set; }

    public bool IsActive => Status == EnterpriseStatus.Active;

    /// <summary>Starts a deregistration; a second one while the first runs is refused (and conflicts in the database).</summary>
    public void BeginDeregistration(long caseId)
    {
        if (!IsActive)
        {
            throw new InvalidOperationException("企业已注销。");
        }

        if (DeregistrationCaseId is not null)
        {
            throw new InvalidOperationException("该企业已有正在办理的注销申请。");
        }

        DeregistrationCaseId = caseId;
    }

    /// <summary>The deregistration ended without cancelling (withdrawn, refused, objection upheld): another may start.</summary>
    public void EndDeregistration() => DeregistrationCaseId = null;

    /// <summary>注销: the licence and the electronic seal become invalid from this day.</summary>
    public void Cancel(DateOnly on, string note)
    {
        Status = EnterpriseStatus.Cancelled;
        CancelledOn = on;
        CancellationNote = note;
        DeregistrationCaseId = null;
    }

    public static Enterprise Register(
        string creditCode,
        EstablishmentDetails details,
        string ownerId,
        long caseId,
        DateOnly establishedOn,
        DateTime issuedAtUtc) => new()
        {
            CreditCode = creditCode,
            Name = details.Name.Trim(),
            NormalizedName = EnterpriseNames.Normalize(details.Name),
            Type = details.Type,
            RegisteredCapital = details.RegisteredCapital,
            Address = details.Address.Trim(),
            BusinessScope = details.BusinessScope,
            LegalRepresentative = details.LegalRepresentative.Trim(),
            LegalRepresentativeIdNumber = details.LegalRepresentativeIdNumber,
            EstablishedOn = establishedOn,
            OwnerId = ownerId,
            CaseId = caseId,
            Status = EnterpriseStatus.Active,
            LicenceIssuedAt = issuedAtUtc,
            ElectronicSealIssuedAt = issuedAtUtc,
            SealDelivery = details.SealDelivery,
            SealMailAddress = details.SealDelivery == SealDelivery.Mail ? details.SealMailAddress : null,
        };
}
