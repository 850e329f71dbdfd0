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
    public void Without_an_explicit_today_today_in_China_is_used()
    {
        var tomorrow = ResidentIdNumber.TodayInChina(DateTimeOffset.UtcNow).AddDays(1);
        var future = ResidentIdNumber.Create($"110105{tomorrow:yyyyMMdd}002");

        Assert.Equal(ResidentIdNumber.BirthDateMessage, ResidentIdNumber.Validate(future));
        Assert.True(ResidentIdNumber.IsValid("11010519491231002X"));
    }

    [Theory]
    [InlineData("2026-12-06T16:00:00Z", "2026-12-07")] // 00:00 in Beijing: a new day there, still the 6th in UTC
    [InlineData("2026-12-06T23:59:59Z", "2026-12-07")]
    [InlineData("2026-12-06T15:59:59Z", "2026-12-06")]
    [InlineData("2026-12-07T08:00:00+08:00", "2026-12-07")]
    public void Today_is_the_date_in_China_not_the_servers(string instant, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ResidentIdNumber.TodayInChina(DateTimeOffset.Parse(instant)));
    }

    [Fact]
    public void A_baby_born_today_in_Beijing_is_accepted_before_8_am_while_UTC_is_still_yesterday()
    {
        // 2026-12-07 07:30 in Beijing is 2026-12-06 23:30 UTC: the number is today's, not tomorrow's.
        var today = ResidentIdNumber.TodayInChina(new DateTimeOffset(2026, 12, 6, 23, 30, 0, TimeSpan.Zero));
        Assert.True(ResidentIdNumber.IsValid(ResidentIdNumber.Create("11010520261207002"), today));
        Assert.Equal(ResidentIdNumber.BirthDateMessage, ResidentIdNumber.Validate(ResidentIdNumber.Create("11010520261208002"), today));
    }

    [Theory]
    [InlineData("990105194912310023")] // the issue's example: check digit right, 99 is no province
    [InlineData("000105194912310029")]
    [InlineData("100105194912310020")]
    [InlineData("160105194912310020")]
    [InlineData("240105194912310020")]
    [InlineData("380105194912310020")]
    [InlineData("470105194912310020")]
    [InlineData("550105194912310020")]
    [InlineData("660105194912310020")]
    [InlineData("720105194912310020")]
    [InlineData("840105194912310020")]
    [InlineData("910105194912310020")] // 2023 外国人永久居留身份证: not a 居民身份证号
    public void A_number_whose_first_two_digits_are_no_province_is_refused(string value)
    {
        var id = value.Length == 18 ? ResidentIdNumber.Create(value[..17]) : value;

        Assert.Equal(ResidentIdNumber.RegionMessage, ResidentIdNumber.Validate(id, Today));
    }

    [Fact]
    public void The_issues_example_has_a_valid_check_digit_so_only_the_region_rule_refuses_it()
    {
        Assert.Equal('3', ResidentIdNumber.ComputeCheckChar("99010519491231002"));
        Assert.Equal(ResidentIdNumber.RegionMessage, ResidentIdNumber.Validate("990105194912310023", Today));
    }

    [Theory]
    [InlineData("11")]
    [InlineData("15")]
    [InlineData("21")]
    [InlineData("23")]
    [InlineData("31")]
    [InlineData("37")]
    [InlineData("41")]
    [InlineData("46")]
    [InlineData("50")]
    [InlineData("54")]
    [InlineData("61")]
    [InlineData("65")]
    [InlineData("71")]
    [InlineData("81")]
    [InlineData("82")]
    [InlineData("83")]
    public void Every_province_level_code_and_the_residence_permit_codes_are_accepted(string province)
    {
        Assert.True(ResidentIdNumber.IsValid(ResidentIdNumber.Create($"{province}010519491231002"), Today));
    }

    [Theory]
    [InlineData("810000")] // 港澳居民居住证 (Hong Kong)
    [InlineData("820000")] // 港澳居民居住证 (Macao)
    [InlineData("830000")] // 台湾居民居住证
    [InlineData("370000")] // a prefecture pair of 00 is not refused (the residence permits carry exactly that)
    public void Residence_permit_numbers_with_a_prefecture_of_00_are_accepted(string address)
    {
        Assert.True(ResidentIdNumber.IsValid(ResidentIdNumber.Create($"{address}19900101001"), Today));
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
