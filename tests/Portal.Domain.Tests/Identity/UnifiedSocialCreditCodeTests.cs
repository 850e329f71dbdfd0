using Portal.Domain.Identity;

namespace Portal.Domain.Tests.Identity;

public class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")]   // widely cited sample
    [InlineData("914403001922038216")]   // published enterprise code
    [InlineData("91110000100017643K")]
    [InlineData("91350100m000100y43")]   // lower case is normalised
    [InlineData(" 91350100M000100Y43\u3000")]
    [InlineData("９１３５０１００Ｍ０００１００Ｙ４３")]  // full-width input
    public void Published_codes_are_valid(string value)
    {
        Assert.True(UnifiedSocialCreditCode.IsValid(value));
        Assert.Null(UnifiedSocialCreditCode.Validate(value));
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91440300192203821", '6')]
    [InlineData("91110000100017643", 'K')]
    [InlineData("91110100000000004", '0')]   // 31 − 0 = 31 is written as 0
    [InlineData("91110100000000023", 'Y')]   // highest value, 30
    public void The_check_character_is_31_minus_the_weighted_sum_mod_31(string first17, char expected)
    {
        Assert.Equal(expected, UnifiedSocialCreditCode.ComputeCheckChar(first17));
        Assert.Equal(first17 + expected, UnifiedSocialCreditCode.Create(first17));
    }

    [Fact]
    public void The_weights_are_powers_of_3_mod_31_as_the_standard_defines()
    {
        // Independent reimplementation from the definition W_i = 3^(i) mod 31.
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var random = new Random(20150101);
        for (var n = 0; n < 2000; n++)
        {
            var chars = Enumerable.Range(0, 17).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            var sum = 0;
            var weight = 1;
            foreach (var c in chars)
            {
                sum += alphabet.IndexOf(c) * weight;
                weight = weight * 3 % 31;
            }

            var expected = alphabet[(31 - sum % 31) % 31];
            Assert.Equal(expected, UnifiedSocialCreditCode.ComputeCheckChar(new string(chars)));
        }
    }

    [Fact]
    public void Every_single_character_change_of_a_valid_code_is_rejected()
    {
        foreach (var valid in new[] { "91350100M000100Y43", "914403001922038216", "911101000000000040", "91110100000000023Y" })
        {
            Assert.True(UnifiedSocialCreditCode.IsValid(valid));
            for (var i = 0; i < 18; i++)
            {
                foreach (var c in UnifiedSocialCreditCode.Alphabet)
                {
                    if (c == valid[i])
                    {
                        continue;
                    }

                    var mutated = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                    Assert.Equal(UnifiedSocialCreditCode.ChecksumMessage, UnifiedSocialCreditCode.Validate(mutated));
                }
            }
        }
    }

    [Fact]
    public void A_wrong_check_character_gives_the_checksum_message()
    {
        Assert.Equal("统一社会信用代码校验位不正确，请核对后重新输入。", UnifiedSocialCreditCode.Validate("91350100M000100Y44"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    public void A_missing_code_asks_the_user_to_fill_it_in(string? value)
    {
        Assert.Equal("请填写统一社会信用代码。", UnifiedSocialCreditCode.Validate(value));
    }

    [Theory]
    [InlineData("91350100M000100Y4")]     // 17
    [InlineData("91350100M000100Y433")]   // 19
    [InlineData("91350100M0001O0Y43")]    // letter O
    [InlineData("91350100I000100Y43")]    // letter I
    [InlineData("91350100Z000100Y43")]
    [InlineData("91350100S000100Y43")]
    [InlineData("91350100V000100Y43")]
    [InlineData("91350100M000100Y4-")]
    [InlineData("91350100 M000100Y43")]
    public void A_malformed_code_explains_the_allowed_characters(string value)
    {
        Assert.Equal("统一社会信用代码应为18位，由数字和大写字母组成（不含I、O、Z、S、V）。", UnifiedSocialCreditCode.Validate(value));
    }

    [Theory]
    [InlineData("91350100M000100Y")]
    [InlineData("91350100O000100Y4")]
    [InlineData("91350100m000100Y4")]
    public void Computing_a_check_character_needs_17_allowed_characters(string first17)
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.ComputeCheckChar(first17));
    }
}
