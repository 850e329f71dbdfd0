using Portal.Domain.Enterprises;
using Portal.Domain.Identity;

namespace Portal.Domain.Tests.Identity;

/// <summary>
/// Free text and names are cleaned before they are compared or stored (issue 16 part 5, docs/decisions/0017-hostile-input.md):
/// invisible characters out, control and direction characters out and reported, NFKC except Chinese punctuation.
/// </summary>
public sealed class InputTextTests
{
    [Theory]
    [InlineData("枣庄\u200B青禾科技有限公司", "枣庄青禾科技有限公司")]
    [InlineData("枣庄\u200C青\u200D禾\u2060科技\uFEFF有限公司", "枣庄青禾科技有限公司")]
    [InlineData("青\u00AD禾", "青禾")]
    [InlineData("\u200E青禾\u200F", "青禾")]
    [InlineData("青禾\U000E0041\U000E0042", "青禾")]
    public void Invisible_characters_are_removed_without_a_word(string typed, string stored)
    {
        Assert.Equal(stored, InputText.Clean(typed, out var reported));
        Assert.False(reported);
    }

    [Theory]
    [InlineData("货款\u0000未结清", "货款未结清")]
    [InlineData("货款\u0001未结清\u001B", "货款未结清")]
    [InlineData("货款\u007F未结清", "货款未结清")]
    [InlineData("货款\u0090未结清", "货款未结清")]
    [InlineData("\u202E清结未款货", "清结未款货")]
    [InlineData("a\u2066b\u2069c", "abc")]
    public void Control_and_direction_characters_are_removed_and_reported(string typed, string stored)
    {
        Assert.Equal(stored, InputText.Clean(typed, out var reported));
        Assert.True(reported);
    }

    [Fact]
    public void A_broken_surrogate_half_is_removed_and_reported()
    {
        // Built here, not in [InlineData]: theory data is serialized, which turns a lone surrogate into U+FFFD.
        var typed = "半个" + '\uD800' + "代理" + '\uDC00';

        Assert.Equal("半个代理", InputText.Clean(typed, out var reported));
        Assert.True(reported);
        Assert.Equal("半个代理😀", InputText.Clean("半个代理\U0001F600"));
    }

    [Fact]
    public void Line_breaks_are_kept_as_newlines_and_tabs_become_spaces()
    {
        Assert.Equal("第一行\n第二行\n第三行\n第四行", InputText.Clean("第一行\r\n第二行\r第三行\u2028第四行", out var reported));
        Assert.False(reported);
        Assert.Equal("甲 乙", InputText.Clean("甲\t乙"));
        Assert.Equal("甲\n乙", InputText.Clean("甲\u0085乙"));
    }

    [Theory]
    [InlineData("ＡＢＣ１２３", "ABC123")]
    [InlineData("枣庄①号", "枣庄1号")]
    [InlineData("\u3000青禾\u3000", "青禾")]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("\uFA10", "\u585A")]
    public void Compatibility_forms_are_folded_by_nfkc(string typed, string stored) =>
        Assert.Equal(stored, InputText.Clean(typed));

    [Fact]
    public void Chinese_punctuation_stays_as_typed()
    {
        const string text = "枣庄青禾科技（山东）有限公司：欠款，未结清；是否属实？请核查！";

        Assert.Equal(text, InputText.Clean(text));
        Assert.Equal("山东（ABC）", InputText.Clean("山东（ＡＢＣ）"));
    }

    [Fact]
    public void Clean_text_is_left_as_it_is_and_cleaning_twice_changes_nothing()
    {
        const string text = "该企业尚欠我公司货款 12,000 元，不符合简易注销条件。\n联系人：王五";
        Assert.Equal(text, InputText.Clean(text));
        Assert.True(InputText.IsClean(text));

        var once = InputText.Clean(" ＡＢ\u200B\u0001c\r\n ");
        Assert.Equal(once, InputText.Clean(once));
        Assert.False(InputText.IsClean(" ＡＢ"));
    }

    [Fact]
    public void Names_differing_only_by_invisible_or_control_characters_are_one_name()
    {
        Assert.Equal(EnterpriseNames.Normalize("枣庄青禾科技有限公司"), EnterpriseNames.Normalize("枣庄\u200B青禾科技有限公司"));
        Assert.Equal(EnterpriseNames.Normalize("枣庄青禾科技有限公司"), EnterpriseNames.Normalize("枣\u00AD庄青禾\u0001科技\u202E有限公司"));
        Assert.Equal(EnterpriseNames.Normalize("枣庄青禾科技有限公司"), EnterpriseNames.Normalize("枣庄青禾科技\uD800有限公司"));
        Assert.Null(EnterpriseNames.CheckWording("枣庄\u200B青禾科技有限公司").Message);
    }
}
