namespace Portal.Domain.Profiles;

/// <summary>The keys of the promise table (承诺时限清单). Every limit a service enforces is looked up by one of these.</summary>
public static class PromiseKeys
{
    public const string CaseAccept = "case.accept";
    public const string RejectionReview = "case.rejection-review";
    public const string EstablishmentTotal = "establishment.total";
    public const string EstablishmentGeneral = "establishment.general";
    public const string SimpleDeregistrationNotice = "deregistration.simple.notice";
    public const string SimpleDeregistrationCancel = "deregistration.simple.cancel";
    public const string OrdinaryCreditorNotify = "deregistration.ordinary.notify-creditors";
    public const string OrdinaryCreditorNotice = "deregistration.ordinary.creditor-notice";
    public const string OrdinaryClaims = "deregistration.ordinary.claims";
    public const string OrdinaryRegister = "deregistration.ordinary.register";
    public const string PowerResidential = "power.residential";
    public const string PowerSanLing = "power.sanling-enterprise";
    public const string PowerLowVoltageApproval = "power.low-voltage-approval";
    public const string PowerLowVoltageNoWorks = "power.low-voltage-no-works";
    public const string Power10kVSingle = "power.10kv.single";
    public const string Power10kVDual = "power.10kv.dual";
    public const string Power35kVSingle = "power.35kv.single";
    public const string Power35kVDual = "power.35kv.dual";
    public const string PowerRoadWorksFiling = "power.road-works-filing";
    public const string WaterJointApproval = "water.joint-approval";
    public const string WaterJointApprovalMajor = "water.joint-approval-major";
    public const string WaterConnect = "water.connect";
    public const string WaterNoWorks = "water.no-works";
    public const string GasConnect = "gas.connect";
    public const string HeatConnect = "heat.connect";
    public const string TelecomConnect = "telecom.connect";
    public const string RatingRectification = "rating.rectification";

    /// <summary>Keys a profile has only where its documents make the distinction (一般性企业: 泰安, 003:9).</summary>
    public static IReadOnlyList<string> Optional { get; } = [EstablishmentGeneral];

    /// <summary>Every key, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(PromiseKeys).GetFields()
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetValue(null)!)
        .ToList();
}
