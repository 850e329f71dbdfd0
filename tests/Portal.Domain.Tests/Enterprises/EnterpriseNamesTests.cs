using Portal.Domain.Enterprises;

namespace Portal.Domain.Tests.Enterprises;

/// <summary>名称自主申报: the comparable core of a name, the wording rules and the conflict message.</summary>
public sealed class EnterpriseNamesTests
{
    private const string TwoCharacterRule = "名称除组织形式外至少应有2个字（行政区划、字号、行业）。";
    private const string HanRule = "企业名称应使用规范汉字。";

    // ---- Normalize ----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("枣庄惠民餐饮有限公司")]
    [InlineData("枣庄惠民餐饮有限责任公司")]
    [InlineData("枣庄 惠民餐饮（有限公司）")]
    [InlineData("枣庄惠民餐饮股份有限公司")]
    [InlineData("枣庄惠民餐饮公司")]
    [InlineData("枣庄惠民餐饮(有限公司)")]              // half-width brackets
    [InlineData("  枣庄\u3000惠民餐饮有限公司。 ")]       // ideographic space, full stop, padding
    [InlineData("【枣庄】惠民·餐饮有限公司")]
    [InlineData("枣庄惠民餐饮®有限公司")]                // a symbol, not punctuation
    [InlineData("枣庄惠民餐饮\t有限\n公司")]
    public void Names_that_differ_only_in_organisation_form_spaces_or_punctuation_have_the_same_core(string name)
    {
        Assert.Equal("枣庄惠民餐饮", EnterpriseNames.Normalize(name));
    }

    [Fact]
    public void The_four_spellings_of_the_same_catering_company_all_normalize_equal()
    {
        var cores = new[]
        {
            "枣庄惠民餐饮有限公司",
            "枣庄惠民餐饮有限责任公司",
            "枣庄 惠民餐饮（有限公司）",
            "枣庄惠民餐饮股份有限公司",
        }.Select(EnterpriseNames.Normalize).Distinct().ToList();

        Assert.Equal(["枣庄惠民餐饮"], cores);
    }

    [Fact]
    public void A_different_trade_word_like_shop_gives_a_different_core()
    {
        Assert.Equal("枣庄惠民餐饮店", EnterpriseNames.Normalize("枣庄惠民餐饮店"));
        Assert.NotEqual(EnterpriseNames.Normalize("枣庄惠民餐饮有限公司"), EnterpriseNames.Normalize("枣庄惠民餐饮店"));
    }

    [Fact]
    public void Full_width_latin_letters_fold_to_upper_case_ascii()
    {
        Assert.Equal("ABC科技", EnterpriseNames.Normalize("ＡＢＣ科技有限公司"));
        Assert.Equal(EnterpriseNames.Normalize("ＡＢＣ科技有限公司"), EnterpriseNames.Normalize("abc科技有限公司"));
        Assert.Equal(EnterpriseNames.Normalize("Abc科技有限公司"), EnterpriseNames.Normalize("ａｂｃ科技有限公司"));
    }

    [Fact]
    public void Full_width_digits_fold_to_ascii_digits()
    {
        Assert.Equal("枣庄1号餐饮", EnterpriseNames.Normalize("枣庄１号餐饮有限公司"));
    }

    [Theory]
    [InlineData("枣庄市明德科技合伙企业（普通合伙）", "枣庄市明德科技")]
    [InlineData("枣庄市明德科技合伙企业（有限合伙）", "枣庄市明德科技")]
    [InlineData("枣庄市明德会计师事务所（特殊普通合伙）", "枣庄市明德会计师事务所")]
    [InlineData("枣庄市明德商贸个人独资企业", "枣庄市明德商贸")]
    [InlineData("峄城区石榴种植农民专业合作社", "峄城区石榴种植")]
    [InlineData("峄城区石榴种植专业合作社", "峄城区石榴种植")]
    [InlineData("峄城区石榴种植合作社", "峄城区石榴种植")]
    [InlineData("枣庄市明德小吃店个体工商户", "枣庄市明德小吃店")]
    public void Trailing_organisation_form_words_are_removed_repeatedly(string name, string core)
    {
        Assert.Equal(core, EnterpriseNames.Normalize(name));
    }

    [Fact]
    public void Organisation_form_words_inside_the_name_are_kept()
    {
        Assert.Equal("枣庄公司街惠民餐饮店", EnterpriseNames.Normalize("枣庄公司街惠民餐饮店"));
        Assert.Equal("枣庄合作社路惠民餐饮", EnterpriseNames.Normalize("枣庄合作社路惠民餐饮有限公司"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void An_empty_name_normalizes_to_an_empty_core(string? name)
    {
        Assert.Equal("", EnterpriseNames.Normalize(name));
    }

    // ---- CheckWording -------------------------------------------------------------------------------------

    [Theory]
    [InlineData("枣庄惠民餐饮有限公司")]
    [InlineData("枣庄市明德科技合伙企业（普通合伙）")]
    [InlineData("峄城区石榴种植农民专业合作社")]
    [InlineData("明德有限公司")]                          // exactly two characters besides the form
    [InlineData("ABC科技有限公司")]                       // Latin letters next to Han characters
    public void A_well_formed_name_is_accepted(string name)
    {
        var check = EnterpriseNames.CheckWording(name);

        Assert.True(check.Ok);
        Assert.Null(check.Message);
        Assert.Null(check.ConflictingName);
    }

    [Fact]
    public void The_shared_accepted_result_is_ok_and_names_no_conflict()
    {
        Assert.True(NameCheck.Accepted.Ok);
        Assert.Null(NameCheck.Accepted.Message);
        Assert.Null(NameCheck.Accepted.ConflictingName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void An_empty_name_is_refused_with_a_request_to_fill_it_in(string? name)
    {
        var check = EnterpriseNames.CheckWording(name);

        Assert.False(check.Ok);
        Assert.Equal("请填写拟申请的企业名称。", check.Message);
    }

    [Fact]
    public void A_name_of_fifty_characters_is_accepted_and_fifty_one_is_refused()
    {
        var fifty = "枣庄" + new string('惠', 44) + "有限公司";
        var fiftyOne = "枣庄" + new string('惠', 45) + "有限公司";
        Assert.Equal(50, fifty.Length);
        Assert.Equal(51, fiftyOne.Length);

        Assert.True(EnterpriseNames.CheckWording(fifty).Ok);
        Assert.True(EnterpriseNames.CheckWording("  " + fifty + " ").Ok); // surrounding spaces do not count

        var refused = EnterpriseNames.CheckWording(fiftyOne);
        Assert.False(refused.Ok);
        Assert.Equal("企业名称不能超过50个字。", refused.Message);
    }

    [Theory]
    [InlineData("中国", "须经国家市场监督管理总局核准，不能自主申报")]
    [InlineData("中华", "须经国家市场监督管理总局核准，不能自主申报")]
    [InlineData("全国", "须经国家市场监督管理总局核准，不能自主申报")]
    [InlineData("国家", "须经国家市场监督管理总局核准，不能自主申报")]
    [InlineData("国际", "须经国家市场监督管理总局核准，不能自主申报")]
    [InlineData("政府", "不得使用党政机关名称")]
    [InlineData("党委", "不得使用党政机关名称")]
    [InlineData("人大", "不得使用党政机关名称")]
    [InlineData("政协", "不得使用党政机关名称")]
    [InlineData("公安", "不得使用党政机关名称")]
    [InlineData("部队", "不得使用军队、武警名称")]
    [InlineData("武警", "不得使用军队、武警名称")]
    [InlineData("赌博", "不得含有违背公序良俗的内容")]
    [InlineData("博彩", "不得含有违背公序良俗的内容")]
    [InlineData("色情", "不得含有违背公序良俗的内容")]
    public void A_reserved_word_is_refused_and_the_message_names_the_word_and_the_reason(string word, string reason)
    {
        var check = EnterpriseNames.CheckWording($"枣庄{word}餐饮有限公司");

        Assert.False(check.Ok);
        Assert.Equal($"名称含有“{word}”，{reason}。", check.Message);
    }

    [Fact]
    public void A_reserved_word_anywhere_in_the_name_is_found()
    {
        Assert.Equal("名称含有“国际”，须经国家市场监督管理总局核准，不能自主申报。", EnterpriseNames.CheckWording("国际枣庄餐饮有限公司").Message);
        Assert.Equal("名称含有“中国”，须经国家市场监督管理总局核准，不能自主申报。", EnterpriseNames.CheckWording("枣庄惠民餐饮（中国）有限公司").Message);
    }

    [Theory]
    [InlineData("枣庄中 国餐饮有限公司", "中国")]
    [InlineData("枣庄中·国餐饮有限公司", "中国")]
    [InlineData("枣庄赌、博娱乐有限公司", "赌博")]
    public void A_reserved_word_split_by_spaces_or_punctuation_is_still_found(string name, string word)
    {
        // Names are compared after spaces and punctuation are removed, so the reserved-word rule must see the same text.
        var check = EnterpriseNames.CheckWording(name);

        Assert.False(check.Ok);
        Assert.NotNull(check.Message);
        Assert.StartsWith($"名称含有“{word}”", check.Message);
    }

    [Theory]
    [InlineData("明有限公司")]
    [InlineData("（明）有限责任公司")]
    [InlineData("明 股份有限公司")]
    public void A_name_with_fewer_than_two_characters_besides_the_form_is_refused(string name)
    {
        var check = EnterpriseNames.CheckWording(name);

        Assert.False(check.Ok);
        Assert.Equal(TwoCharacterRule, check.Message);
    }

    [Theory]
    [InlineData("公司")]
    [InlineData("有限公司")]
    [InlineData("有限责任公司")]
    [InlineData("股份有限公司")]
    [InlineData("个人独资企业")]
    [InlineData("合伙企业")]
    [InlineData("合伙企业（普通合伙）")]
    [InlineData("农民专业合作社")]
    [InlineData("合作社")]
    public void A_name_made_only_of_organisation_form_words_is_refused(string name)
    {
        var check = EnterpriseNames.CheckWording(name);

        Assert.False(check.Ok);
        Assert.Equal(TwoCharacterRule, check.Message);
    }

    [Theory]
    [InlineData("ABC有限公司")]
    [InlineData("ＡＢＣ１２３有限公司")]
    [InlineData("123有限公司")]
    public void A_name_without_han_characters_is_refused(string name)
    {
        var check = EnterpriseNames.CheckWording(name);

        Assert.False(check.Ok);
        Assert.Equal(HanRule, check.Message);
    }

    [Fact]
    public void A_name_written_only_in_kana_is_refused_as_not_using_han_characters()
    {
        var check = EnterpriseNames.CheckWording("さくらトレーディング有限公司");

        Assert.False(check.Ok);
        Assert.Equal(HanRule, check.Message);
    }

    // ---- Conflict -----------------------------------------------------------------------------------------

    [Fact]
    public void A_conflict_is_refused_and_the_message_names_the_existing_enterprise()
    {
        var check = EnterpriseNames.Conflict("枣庄惠民餐饮有限公司");

        Assert.False(check.Ok);
        Assert.Equal("枣庄惠民餐饮有限公司", check.ConflictingName);
        Assert.NotNull(check.Message);
        Assert.Contains("“枣庄惠民餐饮有限公司”", check.Message);
        Assert.Contains("相同或仅组织形式、标点不同", check.Message);
    }
}
