namespace Portal.Domain.Organisation;

public static class Departments
{
    public static IReadOnlyList<Department> All { get; } = Enum.GetValues<Department>();

    public static string Label(this Department department) => department switch
    {
        Department.Market => "市场监管",
        Department.Police => "公安（印章）",
        Department.Tax => "税务",
        Department.HumanResources => "人社",
        Department.Medical => "医保",
        Department.HousingFund => "公积金",
        Department.Bank => "银行",
        Department.Power => "供电",
        Department.Water => "供水",
        Department.Gas => "燃气",
        Department.Heat => "热力",
        Department.Telecom => "通信",
        Department.Customs => "海关",
        Department.CentralBank => "人民银行",
        _ => department.ToString(),
    };

    /// <summary>The back-office role that holds this department's steps.</summary>
    public static string ReviewerRole(this Department department) => Roles.ReviewerPrefix + department;
}
