using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Portal.Domain.Enterprises;
using Portal.Domain.Identity;

namespace Portal.Web.Features.Establishment;

/// <summary>The 企业开办 form (一表申请). Field names are what the page posts.</summary>
public record EstablishmentForm
{
    public const int InvestorRows = 5;

    /// <summary>
    /// The smallest registered capital accepted, in 万元: 100元. The law sets no minimum for most enterprises, but a
    /// capital below 100元 is not a real one, and the column keeps whole 元 (4 decimals of 万元) — see
    /// docs/decisions/0017-hostile-input.md.
    /// </summary>
    public const decimal MinimumCapital = 0.01m;

    [Display(Name = "拟申请企业名称")]
    public string? ProposedName { get; init; }

    [Display(Name = "企业类型")]
    public EnterpriseType Type { get; init; } = EnterpriseType.LimitedLiability;

    [Display(Name = "注册资本（万元）")]
    public decimal? RegisteredCapital { get; init; }

    [Display(Name = "住所")]
    public string? Address { get; init; }

    [Display(Name = "经营范围")]
    public List<string> ScopeCodes { get; init; } = [];

    [Display(Name = "其他经营范围")]
    public string? OtherScope { get; init; }

    [Display(Name = "法定代表人（负责人）姓名")]
    public string? LegalRepresentative { get; init; }

    [Display(Name = "法定代表人身份证号")]
    public string? LegalRepresentativeIdNumber { get; init; }

    [Display(Name = "股东（投资人）")]
    public List<InvestorRow> Investors { get; init; } = [];

    [Display(Name = "联系人")]
    public string? ContactName { get; init; }

    [Display(Name = "联系电话")]
    public string? ContactPhone { get; init; }

    /// <summary>Sub-item codes to handle 同步 (with the establishment); the others are 单独办理 later.</summary>
    [Display(Name = "同步办理事项")]
    public List<string> SynchronousItems { get; init; } = [];

    [Display(Name = "实体印章领取方式")]
    public SealDelivery SealDelivery { get; init; } = SealDelivery.PickUp;

    [Display(Name = "邮寄地址")]
    public string? SealMailAddress { get; init; }

    /// <summary>帮办代办: the applicant's mobile number when staff file on their behalf.</summary>
    [Display(Name = "申请人手机号（帮办代办）")]
    public string? ApplicantMobile { get; init; }

    public static EstablishmentForm Blank() => new()
    {
        SynchronousItems = EstablishmentCatalog.Items.Where(i => i.Code != "employment").Select(i => i.Code).ToList(),
        Investors = Enumerable.Range(0, InvestorRows).Select(_ => new InvestorRow()).ToList(),
    };

    public IEnumerable<InvestorRow> FilledInvestors => Investors.Where(i => !i.IsBlank);

    public EstablishmentForm Padded() => this with
    {
        Investors = [.. Investors, .. Enumerable.Range(0, Math.Max(0, InvestorRows - Investors.Count)).Select(_ => new InvestorRow())],
    };

    internal void CopyTo(EstablishmentApplication a)
    {
        a.ProposedName = ProposedName?.Trim() ?? "";
        a.NormalizedName = EnterpriseNames.Normalize(ProposedName);
        a.Type = Type;
        a.RegisteredCapital = RegisteredCapital ?? 0;
        a.Address = Address?.Trim() ?? "";
        a.ScopeCodes = string.Join(',', ScopeCodes.Where(c => EstablishmentCatalog.ScopeEntryOf(c) is not null).Distinct());
        a.OtherScope = string.IsNullOrWhiteSpace(OtherScope) ? null : OtherScope.Trim();
        a.LegalRepresentative = LegalRepresentative?.Trim() ?? "";
        a.LegalRepresentativeIdNumber = ResidentIdNumber.Normalize(LegalRepresentativeIdNumber ?? "");
        a.ContactName = ContactName?.Trim() ?? "";
        a.ContactPhone = ContactPhone?.Trim() ?? "";
        a.SealDelivery = SealDelivery;
        a.SealMailAddress = SealDelivery == SealDelivery.Mail ? SealMailAddress?.Trim() : null;
        a.SynchronousItems = string.Join(',', SynchronousItems.Where(c => EstablishmentCatalog.Item(c) is not null).Append(EstablishmentCatalog.Registration).Distinct());
        a.Investors = FilledInvestors.Select(i => new Investor
        {
            Name = i.Name?.Trim() ?? "",
            IdentityNumber = (i.IdentityNumber ?? "").Trim().ToUpperInvariant(),
            SharePercent = i.SharePercent ?? 0,
        }).ToList();
    }

    internal static EstablishmentForm FromApplication(EstablishmentApplication a) => new EstablishmentForm
    {
        ProposedName = a.ProposedName,
        Type = a.Type,
        RegisteredCapital = a.RegisteredCapital == 0 ? null : a.RegisteredCapital,
        Address = a.Address,
        ScopeCodes = [.. a.ScopeCodeList],
        OtherScope = a.OtherScope,
        LegalRepresentative = a.LegalRepresentative,
        LegalRepresentativeIdNumber = a.LegalRepresentativeIdNumber,
        Investors = a.Investors.Select(i => new InvestorRow { Name = i.Name, IdentityNumber = i.IdentityNumber, SharePercent = i.SharePercent }).ToList(),
        ContactName = a.ContactName,
        ContactPhone = a.ContactPhone,
        SynchronousItems = [.. a.SynchronousItemList],
        SealDelivery = a.SealDelivery,
        SealMailAddress = a.SealMailAddress,
    }.Padded();
}
