using Portal.Domain.Identity;

namespace Portal.Domain.Tests.Identity;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 9, 21);

    [Theory]
    [InlineData("11010519491231002X")]  // GB 11643-1999 example
    [InlineData("11010519491231002x")]  // lower-case x is accepted
    [InlineData(" 11010519491231002X ")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]  // full-width input from a Chinese IME
    public void The_GB_11643_standard_example_is_valid(string value)
    {
        Assert.True(ResidentIdNumber.IsValid(value, Today));
        Assert.Null(ResidentIdNumber.Validate(value, Today));
    }

    [Fact]
    public void The_second_GB_11643_example_has_a_correct_check_digit_but_an_1880_birth_date_is_rejected_by_the_1900_rule()
    {
        // 440524188001010014 is the other example of the standard. Its check digit is right,
        // but the portal's rule rejects birth years before 1900.
        Assert.Equal('4', ResidentIdNumber.ComputeCheckChar("44052418800101001"));
        Assert.Equal(new DateOnly(1880, 1, 1), ResidentIdNumber.BirthDate("440524188001010014"));
        Assert.Equal(ResidentIdNumber.BirthDateMessage, ResidentIdNumber.Validate("440524188001010014", Today));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    [InlineData("37010219900307123", '8')]
    public void The_check_character_follows_ISO_7064_MOD_11_2(string first17, char expected)
    {
        Assert.Equal(expected, ResidentIdNumber.ComputeCheckChar(first17));
        Assert.Equal(first17 + expected, ResidentIdNumber.Create(first17));
    }

    [Fact]
    public void Every_check_character_value_can_be_produced_and_validated()
    {
        var seen = new HashSet<char>();
        for (var seq = 0; seq < 200; seq++)
        {
            var id = ResidentIdNumber.Create($"32010219850615{seq:000}");
            seen.Add(id[17]);
            Assert.True(ResidentIdNumber.IsValid(id, Today), id);
        }

        Assert.Equal("0123456789X".ToHashSet(), seen);
    }

    [Fact]
    public void Every_single_character_change_of_a_valid_number_is_rejected()
    {
        foreach (var valid in new[] { "11010519491231002X", ResidentIdNumber.Create("32010219850615123"), ResidentIdNumber.Create("65010220000229001") })
        {
            Assert.True(ResidentIdNumber.IsValid(valid, Today));
            for (var i = 0; i < 18; i++)
            {
                foreach (var c in i == 17 ? "0123456789X" : "0123456789")
                {
                    if (c == valid[i])
                    {
                        continue;
                    }

                    var mutated = string.Concat(valid.AsSpan(0, i), c.ToString(), valid.AsSpan(i + 1));
                    Assert.False(ResidentIdNumber.IsValid(mutated, Today), mutated);
                }
            }
        }
    }

    [Fact]
    public void A_changed_check_digit_gives_the_checksum_message()
    {
        Assert.Equal("居民身份证号校验位不正确，请核对后重新输入。", ResidentIdNumber.Validate("110105194912310021", Today));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_number_asks_the_user_to_fill_it_in(string? value)
    {
        Assert.Equal("请填写居民身份证号。", ResidentIdNumber.Validate(value, Today));
        Assert.False(ResidentIdNumber.IsValid(value, Today));
    }

    [Theory]
    [InlineData("11010519491231002")]     // 17
    [InlineData("11010519491231002X1")]   // 19
    [InlineData("110105194912310")]       // legacy 15-digit numbers are not accepted
    [InlineData("1101051949123100XX")]    // X only allowed last
    [InlineData("11010519491231002Y")]
    [InlineData("110105 19491231002X")]
    [InlineData("11010519491231002-")]
    [InlineData("１１０１０５１９４９１２３１００２")]
    public void A_malformed_number_explains_the_expected_format(string value)
    {
        Assert.Equal("居民身份证号应为18位，前17位为数字，最后一位为数字或X。", ResidentIdNumber.Validate(value, Today));
    }

    [Theory]
    [InlineData("19490231")]  // 31 February
    [InlineData("19491301")]  // month 13
    [InlineData("19490000")]
    [InlineData("18991231")]  // before 1900
    [InlineData("20260922")]  // after "today" (2026-09-21)
    [InlineData("20230229")]  // not a leap year
    public void An_impossible_birth_date_is_reported_as_such(string birth)
    {
        var id = ResidentIdNumber.Create($"110105{birth}002");

        Assert.Equal("居民身份证号中的出生日期无效。", ResidentIdNumber.Validate(id, Today));
    }

    [Fact]
    public void Birth_dates_on_the_bounds_are_accepted()
    {
        Assert.True(ResidentIdNumber.IsValid(ResidentIdNumber.Create("11010519000101002"), Today));
        Assert.True(ResidentIdNumber.IsValid(ResidentIdNumber.Create("11010520260921002"), Today));
        Assert.True(ResidentIdNumber.IsValid(ResidentIdNumber.Create("11010520240229002"), Today));
    }

    [Fact]
    public void Without_an_explicit_today_the_local_date_is_used()
    {
        var tomorrow = DateOnly.FromDateTime(DateTime.Now).AddDays(2);
        var future = ResidentIdNumber.Create($"110105{tomorrow:yyyyMMdd}002");

        Assert.Equal(ResidentIdNumber.BirthDateMessage, ResidentIdNumber.Validate(future));
        Assert.True(ResidentIdNumber.IsValid("11010519491231002X"));
    }

    [Fact]
    public void Birth_date_is_read_from_characters_7_to_14()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentIdNumber.BirthDate("11010519491231002x"));
        Assert.Null(ResidentIdNumber.BirthDate("110105194902310021"));
        Assert.Null(ResidentIdNumber.BirthDate("not an id"));
    }

    [Fact]
    public void Normalize_trims_and_upper_cases()
    {
        Assert.Equal("11010519491231002X", ResidentIdNumber.Normalize("\u3000 11010519491231002x \t"));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100X")]
    public void Computing_a_check_character_needs_exactly_17_digits(string first17)
    {
        Assert.Throws<ArgumentException>(() => ResidentIdNumber.ComputeCheckChar(first17));
    }
}
