using Portal.Domain.Ratings;
using static Portal.Domain.Tests.Ratings.RatingKit;

namespace Portal.Domain.Tests.Ratings;

/// <summary>Rating.Give: the five levels and the indicators (SPEC 2.4), 差评 with a reason, real-name and anonymous raters.</summary>
public sealed class RatingGiveTests
{
    private static ArgumentException Refused(Rating.Target target, IReadOnlyDictionary<string, RatingLevel> scores, string? comment, Rating.Rater rater) =>
        Assert.Throws<ArgumentException>(() => Rating.Give(target, scores, comment, rater, "code", ChinaUtc(2026, 11, 23, 10)));

    [Fact]
    public void The_scale_has_five_levels_and_the_indicators_of_the_national_standard()
    {
        Assert.Equal(new[] { "非常满意", "满意", "基本满意", "不满意", "非常不满意" }, RatingScale.Levels.Select(l => l.Label()));
        Assert.Equal(new[] { "整体满意度", "办事效率", "办事指南精确度", "办事便捷度", "平台操作性" }, RatingScale.IndicatorsFor(RatingSubject.Acceptance).Select(i => i.Label));
        Assert.Equal(new[] { "整体满意度", "办事效率", "办事指南精确度", "办事便捷度", "平台操作性" }, RatingScale.IndicatorsFor(RatingSubject.Processing).Select(i => i.Label));
        Assert.Equal(new[] { "整体满意度", "服务效率", "服务水平", "服务态度" }, RatingScale.IndicatorsFor(RatingSubject.Visit).Select(i => i.Label));
        Assert.True(RatingLevel.VeryDissatisfied.IsBad());
        Assert.True(RatingLevel.Dissatisfied.IsBad());
        Assert.False(RatingLevel.Basic.IsBad());
        Assert.True(RatingLevel.Basic.IsSatisfied());
        Assert.False(RatingLevel.Dissatisfied.IsSatisfied());
        Assert.Equal("★★★★★", RatingLevel.VerySatisfied.Stars());
        Assert.Equal("★", RatingLevel.VeryDissatisfied.Stars());
        Assert.Equal("受理", RatingSubject.Acceptance.Label());
        Assert.Equal("办理", RatingSubject.Processing.Label());
        Assert.Equal("现场服务", RatingSubject.Visit.Label());
        Assert.Equal("政务服务中心窗口", RatingScale.UnitLabel(RatingScale.HallUnit));
    }

    [Theory]
    [InlineData("efficiency", "办事效率")]
    [InlineData("overall", "整体满意度")]
    [InlineData("platform", "平台操作性")]
    public void A_missing_online_indicator_is_refused_naming_it(string missing, string label)
    {
        var scores = All(RatingSubject.Processing, RatingLevel.Satisfied);
        scores.Remove(missing);

        var ex = Refused(CaseTarget(), scores, null, RealName());

        Assert.Equal($"请为“{label}”选择评价等级。", ex.Message);
    }

    [Fact]
    public void A_missing_on_site_indicator_is_refused_naming_it()
    {
        var scores = All(RatingSubject.Visit, RatingLevel.Satisfied);
        scores.Remove("attitude");

        var ex = Refused(VisitTarget(), scores, null, RealName());

        Assert.Equal("请为“服务态度”选择评价等级。", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void A_level_outside_the_five_is_refused(int level)
    {
        var scores = All(RatingSubject.Processing, RatingLevel.Satisfied);
        scores["guide"] = (RatingLevel)level;

        var ex = Refused(CaseTarget(), scores, null, RealName());

        Assert.Equal("请为“办事指南精确度”选择评价等级。", ex.Message);
    }

    [Fact]
    public void An_unknown_indicator_is_refused()
    {
        var scores = All(RatingSubject.Processing, RatingLevel.Satisfied);
        scores["speed"] = RatingLevel.Satisfied;

        Assert.Equal("评价指标不正确。", Refused(CaseTarget(), scores, null, RealName()).Message);
    }

    [Fact]
    public void An_on_site_indicator_in_an_online_rating_is_refused()
    {
        var scores = All(RatingSubject.Processing, RatingLevel.Satisfied);
        scores["attitude"] = RatingLevel.Satisfied;

        Assert.Equal("评价指标不正确。", Refused(CaseTarget(), scores, null, RealName()).Message);
    }

    [Fact]
    public void A_comment_over_500_characters_is_refused_and_500_are_kept()
    {
        var scores = All(RatingSubject.Processing, RatingLevel.Satisfied);

        var ex = Refused(CaseTarget(), scores, new string('慢', 501), RealName());
        Assert.Equal("评价内容不能超过500字。", ex.Message);

        var rating = Rating.Give(CaseTarget(), scores, "  " + new string('好', 500) + "  ", RealName(), "code", ChinaUtc(2026, 11, 23, 10));
        Assert.Equal(new string('好', 500), rating.Comment);
    }

    [Theory]
    [InlineData(RatingLevel.Dissatisfied, null)]
    [InlineData(RatingLevel.VeryDissatisfied, null)]
    [InlineData(RatingLevel.VeryDissatisfied, "")]
    [InlineData(RatingLevel.Dissatisfied, "   ")]
    public void A_bad_rating_needs_a_reason(RatingLevel level, string? comment)
    {
        var ex = Refused(CaseTarget(), All(RatingSubject.Processing, level), comment, RealName());

        Assert.Equal("差评请写明不满意的原因，便于核实整改。", ex.Message);
    }

    [Fact]
    public void The_level_is_the_overall_score_and_only_the_overall_score_makes_it_bad()
    {
        var scores = All(RatingSubject.Processing, RatingLevel.VeryDissatisfied);
        scores["overall"] = RatingLevel.Basic;

        var rating = Rating.Give(CaseTarget(), scores, null, RealName(), "code", ChinaUtc(2026, 11, 23, 10));

        Assert.Equal(RatingLevel.Basic, rating.Level);
        Assert.False(rating.IsBad);
        Assert.Null(rating.Comment);

        scores["overall"] = RatingLevel.Dissatisfied;
        scores["efficiency"] = RatingLevel.VerySatisfied;
        var bad = Rating.Give(CaseTarget(), scores, "说明", RealName(), "code", ChinaUtc(2026, 11, 23, 10));
        Assert.Equal(RatingLevel.Dissatisfied, bad.Level);
        Assert.True(bad.IsBad);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_real_name_rating_needs_the_raters_name(string? name)
    {
        var ex = Refused(CaseTarget(), All(RatingSubject.Processing, RatingLevel.Satisfied), null, RealName(name: name));

        Assert.Equal("实名评价请填写姓名。", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1391234567")]
    [InlineData("139123456789")]
    [InlineData("23912345678")]
    [InlineData("1391234567a")]
    [InlineData("139 1234 5678")]
    [InlineData("１３９１２３４５６７８")]
    public void A_real_name_visit_rating_needs_an_eleven_digit_mobile(string? phone)
    {
        var ex = Refused(VisitTarget(), All(RatingSubject.Visit, RatingLevel.Satisfied), null, RealName(phone: phone));

        Assert.Equal("实名评价请填写11位手机号码，以便回访。", ex.Message);
    }

    [Fact]
    public void A_real_name_visit_rating_keeps_the_trimmed_name_and_mobile()
    {
        var rating = Rating.Give(VisitTarget(), All(RatingSubject.Visit, RatingLevel.Satisfied), null, RealName(name: " 欧阳娜娜 ", phone: " 13912345678 ", userId: null), "code", ChinaUtc(2026, 11, 23, 10));

        Assert.False(rating.Anonymous);
        Assert.Equal("欧阳娜娜", rating.RaterName);
        Assert.Equal("13912345678", rating.RaterPhone);
        Assert.Null(rating.RaterId);
    }

    [Fact]
    public void A_real_name_online_rating_takes_the_accounts_phone_which_may_be_missing()
    {
        var rating = Rating.Give(CaseTarget(), All(RatingSubject.Processing, RatingLevel.Satisfied), null, RealName(phone: null), "code", ChinaUtc(2026, 11, 23, 10));

        Assert.Equal("欧阳娜娜", rating.RaterName);
        Assert.Null(rating.RaterPhone);
        Assert.Equal("app-1", rating.RaterId);
    }

    [Fact]
    public void An_anonymous_rating_keeps_no_name_and_no_phone_even_when_given()
    {
        var online = Rating.Give(CaseTarget(), All(RatingSubject.Processing, RatingLevel.VeryDissatisfied), "太慢", Anonymous(), "code", ChinaUtc(2026, 11, 23, 10));
        var visit = Rating.Give(VisitTarget(), All(RatingSubject.Visit, RatingLevel.Satisfied), null, Anonymous(phone: "bad"), "code2", ChinaUtc(2026, 11, 23, 10));

        foreach (var rating in new[] { online, visit })
        {
            Assert.True(rating.Anonymous);
            Assert.Null(rating.RaterName);
            Assert.Null(rating.RaterPhone);
        }

        // The signed-in rater is still known to the portal, for the rater's own follow-up page (never shown to staff).
        Assert.Equal("app-1", online.RaterId);
    }

    [Fact]
    public void A_case_rating_is_keyed_by_case_and_step_and_a_visit_by_its_ticket()
    {
        var acceptance = Rating.Give(CaseTarget(RatingSubject.Acceptance), All(RatingSubject.Acceptance, RatingLevel.Satisfied), null, RealName(), "a", ChinaUtc(2026, 11, 23, 10));
        var processing = Rating.Give(CaseTarget(RatingSubject.Processing), All(RatingSubject.Processing, RatingLevel.Satisfied), null, RealName(), "b", ChinaUtc(2026, 11, 23, 10));
        var visit = Visit(RatingLevel.Satisfied, ticketId: 77);

        Assert.Equal("case:QYKB-20260923-0001:Acceptance", acceptance.SubjectKey);
        Assert.Equal("case:QYKB-20260923-0001:Processing", processing.SubjectKey);
        Assert.Equal("ticket:77", visit.SubjectKey);
        Assert.Equal(77, visit.TicketId);
        Assert.Null(visit.CaseNumber);
        Assert.Equal(RatingScale.HallUnit, visit.Unit);
        Assert.Equal("Market", processing.Unit);
        Assert.Equal("clerk-1", processing.StaffId);
        Assert.Equal("窗口王芳", processing.StaffName);
        Assert.Equal("A01", processing.WindowNumber);
        Assert.Equal("b", processing.AccessCode);
        Assert.Equal(ChinaUtc(2026, 11, 23, 10), processing.CreatedAt);
    }

    [Fact]
    public void A_visit_target_without_a_ticket_is_refused()
    {
        var target = VisitTarget() with { TicketId = null };

        Assert.Equal("评价对象不正确。", Refused(target, All(RatingSubject.Visit, RatingLevel.Satisfied), null, RealName()).Message);
    }

    [Fact]
    public void ScoreList_gives_each_indicator_with_its_label_and_level_in_the_scales_order()
    {
        var scores = new Dictionary<string, RatingLevel>
        {
            ["attitude"] = RatingLevel.VeryDissatisfied,
            ["skill"] = RatingLevel.Basic,
            ["overall"] = RatingLevel.Dissatisfied,
            ["efficiency"] = RatingLevel.VerySatisfied,
        };

        var rating = Rating.Give(VisitTarget(), scores, "态度差", RealName(), "code", ChinaUtc(2026, 11, 23, 10));

        Assert.Equal("overall=2;efficiency=5;skill=3;attitude=1", rating.Scores);
        Assert.Equal(
            new[] { ("整体满意度", RatingLevel.Dissatisfied), ("服务效率", RatingLevel.VerySatisfied), ("服务水平", RatingLevel.Basic), ("服务态度", RatingLevel.VeryDissatisfied) },
            rating.ScoreList().Select(s => (s.Indicator.Label, s.Level)));
    }

    [Fact]
    public void A_comment_is_trimmed_and_an_empty_one_is_stored_as_none()
    {
        var scores = All(RatingSubject.Processing, RatingLevel.VerySatisfied);

        Assert.Equal("很好", Rating.Give(CaseTarget(), scores, "  很好 \n", RealName(), "c1", ChinaUtc(2026, 11, 23, 10)).Comment);
        Assert.Null(Rating.Give(CaseTarget(), scores, "   ", RealName(), "c2", ChinaUtc(2026, 11, 23, 10)).Comment);
    }
}
