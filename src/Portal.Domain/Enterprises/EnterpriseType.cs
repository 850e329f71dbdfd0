namespace Portal.Domain.Enterprises;

/// <summary>The enterprise types of 企业开办 (issue 3).</summary>
public enum EnterpriseType
{
    LimitedLiability,
    SoleProprietorship,
    Partnership,
    IndividualBusiness,
    FarmerCooperative,
}
