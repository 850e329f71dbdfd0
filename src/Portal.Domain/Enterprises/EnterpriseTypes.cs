namespace Portal.Domain.Enterprises;

public static class EnterpriseTypes
{
    public static string Label(this EnterpriseType type) => type switch
    {
        EnterpriseType.LimitedLiability => "有限责任公司",
        EnterpriseType.SoleProprietorship => "个人独资企业",
        EnterpriseType.Partnership => "合伙企业",
        EnterpriseType.IndividualBusiness => "个体工商户",
        EnterpriseType.FarmerCooperative => "农民专业合作社",
        _ => type.ToString(),
    };

    /// <summary>GB 32100 characters 1-2: registration authority 9 (市场监管) and category 1 企业 / 2 个体工商户 / 3 农民专业合作社.</summary>
    public static string CreditCodePrefix(this EnterpriseType type) => type switch
    {
        EnterpriseType.IndividualBusiness => "92",
        EnterpriseType.FarmerCooperative => "93",
        _ => "91",
    };

    /// <summary>Types with a single investor holding 100%.</summary>
    public static bool HasSingleInvestor(this EnterpriseType type) =>
        type is EnterpriseType.SoleProprietorship or EnterpriseType.IndividualBusiness;
}
