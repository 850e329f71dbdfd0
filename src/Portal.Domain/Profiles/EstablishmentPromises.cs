using Portal.Domain.Enterprises;

namespace Portal.Domain.Profiles;

/// <summary>
/// Which 企业开办 promise an application gets. 泰安 promises 一般性企业 2 hours and every enterprise at most 4 (003:9)
/// without saying what 一般性 means; the portal's rule, shown on the guide and on each case: an application is
/// 一般性 when its data needs no judgement — every business-scope entry is a standard entry that needs no permit, and
/// no free-text scope was added (the same data that makes it 即报即得). Profiles whose documents make no such
/// distinction have no 一般性 row and give every application the whole promise.
/// </summary>
public static class EstablishmentPromises
{
    public const string GeneralRule = "经营范围全部选自规范表述、均不涉及许可，且未自行填写其他经营范围";

    public static bool IsGeneral(IReadOnlyCollection<string> scopeCodes, string? otherScope) =>
        EstablishmentCatalog.QualifiesForInstantApproval(scopeCodes, otherScope);

    /// <summary>Why an application is not 一般性, in Chinese.</summary>
    public static string NotGeneralBecause(IReadOnlyCollection<string> scopeCodes, string? otherScope) =>
        !string.IsNullOrWhiteSpace(otherScope) ? "自行填写了其他经营范围"
        : scopeCodes.Any(c => EstablishmentCatalog.ScopeEntryOf(c) is { NeedsPermit: true }) ? "经营范围含须取得许可的项目"
        : "经营范围未选自规范表述";

    /// <summary>The promise key of an application: 一般性企业 where the profile distinguishes it, otherwise the whole promise.</summary>
    public static string KeyFor(bool profileHasGeneral, bool general) =>
        profileHasGeneral && general ? PromiseKeys.EstablishmentGeneral : PromiseKeys.EstablishmentTotal;
}
