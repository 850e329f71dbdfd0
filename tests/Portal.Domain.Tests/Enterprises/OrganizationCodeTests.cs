using Portal.Domain.Enterprises;

namespace Portal.Domain.Tests.Enterprises;

/// <summary>组织机构代码 (GB 11714-1997): weights 3 7 9 10 5 8 4 2, A=10 … Z=35, check = 11 − Σ mod 11, 10 → X, 11 → 0.</summary>
public sealed class OrganizationCodeTests
{
    // Hand computations (value × weight):
    //
    // "D2143569" (the example printed in GB 11714, D2143569-X):
    //   D=13×3=39, 2×7=14, 1×9=9, 4×10=40, 3×5=15, 5×8=40, 6×4=24, 9×2=18
    //   Σ = 199; 199 mod 11 = 1 (11×18 = 198); 11 − 1 = 10 → 'X'.
    //
    // "12345678":
    //   1×3=3, 2×7=14, 3×9=27, 4×10=40, 5×5=25, 6×8=48, 7×4=28, 8×2=16
    //   Σ = 201; 201 mod 11 = 3 (11×18 = 198); 11 − 3 = 8 → '8'.
    //
    // "00000000": Σ = 0; 11 − 0 = 11 → '0'.
    // "01000002": 1×7 + 2×2 = 11; 11 mod 11 = 0; 11 − 0 = 11 → '0'.
    // "00000001": 1×2 = 2; 11 − 2 = 9 → '9'.
    // "MA000000": M=22×3=66, A=10×7=70; Σ = 136; 136 mod 11 = 4 (11×12 = 132); 11 − 4 = 7 → '7'.
    // "MA000001": 136 + 1×2 = 138; 138 mod 11 = 6; 11 − 6 = 5 → '5'.
    // "A0000000": 10×3 = 30; 30 mod 11 = 8; 11 − 8 = 3 → '3'.
    // "Z0000000": 35×3 = 105; 105 mod 11 = 6 (11×9 = 99); 11 − 6 = 5 → '5'.
    [Theory]
    [InlineData("D2143569", 'X')]
    [InlineData("12345678", '8')]
    [InlineData("00000000", '0')]
    [InlineData("01000002", '0')]
    [InlineData("00000001", '9')]
    [InlineData("MA000000", '7')]
    [InlineData("MA000001", '5')]
    [InlineData("A0000000", '3')]
    [InlineData("Z0000000", '5')]
    public void The_check_character_matches_the_hand_computed_value(string body, char expected)
    {
        Assert.Equal(expected, OrganizationCode.ComputeCheckChar(body));
        Assert.Equal(body + expected, OrganizationCode.Create(body));
        Assert.True(OrganizationCode.IsValid(body + expected));
    }

    [Fact]
    public void The_published_example_D2143569_X_is_valid_and_other_check_characters_are_not()
    {
        Assert.True(OrganizationCode.IsValid("D2143569X"));
        foreach (var wrong in "0123456789")
        {
            Assert.False(OrganizationCode.IsValid("D2143569" + wrong));
        }
    }

    [Fact]
    public void The_check_character_agrees_with_an_independent_implementation_of_the_standard()
    {
        const string chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var random = new Random(11714);
        for (var n = 0; n < 2000; n++)
        {
            var body = new string(Enumerable.Range(0, 8).Select(_ => chars[random.Next(chars.Length)]).ToArray());
            var sum = body.Select((c, i) => chars.IndexOf(c) * weights[i]).Sum();
            var check = 11 - sum % 11;
            var expected = check == 10 ? 'X' : check == 11 ? '0' : (char)('0' + check);

            Assert.Equal(expected, OrganizationCode.ComputeCheckChar(body));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("D214356")]
    [InlineData("D21435690")]
    public void A_body_that_is_not_eight_characters_is_rejected(string body)
    {
        Assert.Throws<ArgumentException>(() => OrganizationCode.ComputeCheckChar(body));
    }

    [Theory]
    [InlineData("D214356-")]
    [InlineData("d2143569")]
    [InlineData("D214356９")]
    public void A_body_with_a_character_outside_digits_and_capital_letters_is_rejected(string body)
    {
        Assert.Throws<ArgumentException>(() => OrganizationCode.ComputeCheckChar(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("D2143569")]     // body only
    [InlineData("D2143569-X")]   // printed form with the hyphen
    [InlineData("D2143569XX")]
    [InlineData("D214356-X")]
    [InlineData("D2143569x")]    // check character must be the capital X
    public void Malformed_codes_are_not_valid(string? code)
    {
        Assert.False(OrganizationCode.IsValid(code));
    }

    [Theory]
    [InlineData("d2143569X")]
    [InlineData("ma0000007")]
    public void Checking_a_code_with_lower_case_letters_answers_instead_of_throwing(string code)
    {
        // IsValid is a predicate: user input must never make it throw.
        var thrown = Record.Exception(() => OrganizationCode.IsValid(code));

        Assert.Null(thrown);
    }
}
