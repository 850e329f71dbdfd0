namespace Portal.Domain.Enterprises;

/// <summary>
/// The one form of 企业开办 (一表申请). Kept as a draft until submitted; once submitted it is linked to its case
/// and its proposed name is reserved until the case ends.
/// </summary>
public class EstablishmentApplication
{
    public long Id { get; set; }

    public string ApplicantId { get; set; } = "";

    public string FiledById { get; set; } = "";

    public ApplicationStatus Status { get; set; }

    public long? CaseId { get; set; }

    public string ProposedName { get; set; } = "";

    public string NormalizedName { get; set; } = "";

    public EnterpriseType Type { get; set; }

    public decimal RegisteredCapital { get; set; }

    public string Address { get; set; } = "";

    /// <summary>Standard scope entry codes, comma-separated.</summary>
    public string ScopeCodes { get; set; } = "";

    public string? OtherScope { get; set; }

    public string LegalRepresentative { get; set; } = "";

    public string LegalRepresentativeIdNumber { get; set; } = "";

    public string ContactName { get; set; } = "";

    public string ContactPhone { get; set; } = "";

    public SealDelivery SealDelivery { get; set; }

    public string? SealMailAddress { get; set; }

    /// <summary>Sub-item codes chosen 同步 (with the establishment), comma-separated; the others are 单独 (later).</summary>
    public string SynchronousItems { get; set; } = "";

    public List<Investor> Investors { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }

    public IReadOnlyList<string> ScopeCodeList => Split(ScopeCodes);

    public IReadOnlyList<string> SynchronousItemList => Split(SynchronousItems);

    public EstablishmentDetails ToDetails() => new(
        ProposedName,
        Type,
        RegisteredCapital,
        Address,
        EstablishmentCatalog.ScopeText(ScopeCodeList, OtherScope),
        LegalRepresentative,
        LegalRepresentativeIdNumber,
        SealDelivery,
        SealMailAddress);

    private static IReadOnlyList<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
