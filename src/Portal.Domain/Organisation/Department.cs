namespace Portal.Domain.Organisation;

/// <summary>The back-office departments behind the hall's windows (后台分类审批, SPEC 1).</summary>
public enum Department
{
    Market,
    Police,
    Tax,
    HumanResources,
    Medical,
    HousingFund,
    Bank,
    Power,
    Water,
    Gas,
    Heat,
    Telecom,
    Customs,
    CentralBank,
}
