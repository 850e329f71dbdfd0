namespace Portal.Domain.Enterprises;

/// <summary>An investor (股东/出资人) and their share of the registered capital, in percent.</summary>
public class Investor
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>居民身份证号 for a person, 统一社会信用代码 for an organisation.</summary>
    public string IdentityNumber { get; set; } = "";

    public decimal SharePercent { get; set; }
}
