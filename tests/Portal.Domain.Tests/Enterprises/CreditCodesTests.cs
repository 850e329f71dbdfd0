using Portal.Domain.Enterprises;
using Portal.Domain.Identity;

namespace Portal.Domain.Tests.Enterprises;

/// <summary>Issuing 统一社会信用代码 (GB 32100) to newly registered enterprises.</summary>
public sealed class CreditCodesTests
{
    private const string Zaozhuang = "370402";

    /// <summary>31^6: the number of distinct 6-character sequence parts.</summary>
    private const long SequenceCount = 887_503_681;

    [Fact]
    public void The_first_code_of_a_region_matches_the_hand_computed_value()
    {
        // Organisation code body "MA000000": M=22×3 + A=10×7 = 136; 136 mod 11 = 4; 11 − 4 = 7 → "MA0000007".
        // GB 32100 over "91370402MA0000007" with weights 3^i mod 31 = 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
        // (values: M=21, A=10 in the GB 32100 alphabet):
        //   9×1 + 1×3 + 3×9 + 7×27 + 0×19 + 4×26 + 0×16 + 2×17 + 21×20 + 10×29 + 0×… + 7×28
        //   = 9 + 3 + 27 + 189 + 0 + 104 + 0 + 34 + 420 + 290 + 196 = 1272; 1272 mod 31 = 1 (31×41 = 1271);
        //   31 − 1 = 30 → 'Y'.
        Assert.Equal("91370402MA0000007Y", CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, 0));
    }

    [Fact]
    public void The_sequence_number_fills_the_organisation_code_after_MA()
    {
        // "MA000001": 136 + 1×2 = 138; 138 mod 11 = 6; 11 − 6 = 5.
        Assert.Equal("MA0000015", CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, 1)[8..17]);

        // 31 is "10" in the 31-character alphabet: "MA000010": 136 + 1×4 = 140; 140 mod 11 = 8; 11 − 8 = 3.
        Assert.Equal("MA0000103", CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, 31)[8..17]);
    }

    [Theory]
    [InlineData(EnterpriseType.LimitedLiability, "91")]
    [InlineData(EnterpriseType.SoleProprietorship, "91")]
    [InlineData(EnterpriseType.Partnership, "91")]
    [InlineData(EnterpriseType.IndividualBusiness, "92")]
    [InlineData(EnterpriseType.FarmerCooperative, "93")]
    public void An_issued_code_has_the_type_prefix_the_region_and_a_valid_organisation_code(EnterpriseType type, string prefix)
    {
        var code = CreditCodes.Issue(type, "370902", 12345);

        Assert.Equal(18, code.Length);
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
        Assert.Equal(prefix, code[..2]);
        Assert.Equal("370902", code[2..8]);
        Assert.StartsWith("MA", code[8..17]);
        Assert.True(OrganizationCode.IsValid(code[8..17]));
    }

    [Fact]
    public void Every_enterprise_type_has_a_prefix_for_its_registration_category()
    {
        foreach (var type in Enum.GetValues<EnterpriseType>())
        {
            Assert.True(UnifiedSocialCreditCode.IsValid(CreditCodes.Issue(type, Zaozhuang, 7)));
        }
    }

    [Fact]
    public void Sequences_0_to_5000_give_distinct_valid_codes()
    {
        var codes = new HashSet<string>();
        var checkCharacters = new HashSet<char>();
        for (long sequence = 0; sequence <= 5000; sequence++)
        {
            var code = CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, sequence);

            Assert.True(UnifiedSocialCreditCode.IsValid(code), code);
            Assert.True(OrganizationCode.IsValid(code[8..17]), code);
            Assert.StartsWith("91370402MA", code);
            Assert.True(codes.Add(code), $"duplicate {code} for sequence {sequence}");
            checkCharacters.Add(code[16]);
        }

        // The organisation code's own check character takes every value, including X (10) and 0 (11),
        // and the credit code stays valid with each of them.
        Assert.Contains('X', checkCharacters);
        Assert.Contains('0', checkCharacters);
        Assert.Equal(11, checkCharacters.Count);
    }

    [Fact]
    public void The_same_sequence_in_different_regions_or_types_gives_different_codes()
    {
        var a = CreditCodes.Issue(EnterpriseType.LimitedLiability, "370402", 99);
        var b = CreditCodes.Issue(EnterpriseType.LimitedLiability, "370902", 99);
        var c = CreditCodes.Issue(EnterpriseType.IndividualBusiness, "370402", 99);

        Assert.Equal(3, new[] { a, b, c }.Distinct().Count());
        Assert.Equal(a[8..17], b[8..17]);
    }

    [Fact]
    public void The_largest_sequence_is_accepted_and_the_next_one_is_refused()
    {
        var last = CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, SequenceCount - 1);

        Assert.StartsWith("91370402MAYYYYYY", last);
        Assert.True(UnifiedSocialCreditCode.IsValid(last));
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, SequenceCount));
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(long.MinValue)]
    public void A_negative_sequence_is_refused(long sequence)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditCodes.Issue(EnterpriseType.LimitedLiability, Zaozhuang, sequence));
    }

    [Theory]
    [InlineData("")]
    [InlineData("37040")]
    [InlineData("3704021")]
    [InlineData("37040A")]
    [InlineData("３７０４０２")]
    [InlineData("370 02")]
    public void A_region_that_is_not_six_ascii_digits_is_refused(string region)
    {
        var refused = Assert.Throws<ArgumentException>(() => CreditCodes.Issue(EnterpriseType.LimitedLiability, region, 1));
        Assert.Equal("regionCode", refused.ParamName);
    }
}
