using Portal.Domain.Cases;
using Portal.Domain.Ratings;
using static Portal.Domain.Tests.Ratings.RatingKit;

namespace Portal.Domain.Tests.Ratings;

/// <summary>申诉复核: staff appeal a rating, a supervisor other than the rated staff member and the filer decides once, with a reason.</summary>
public sealed class RatingAppealTests
{
    private static readonly DateTime Filed = ChinaUtc(2026, 11, 24, 10);

    private static RatingAppeal FiledByClerk(string? ratedStaffId = "clerk-1") =>
        RatingAppeal.File(Visit(RatingLevel.VeryDissatisfied, staffId: ratedStaffId), Clerk, "  评价人因排队时间长迁怒窗口，与服务无关  ", Filed);

    [Fact]
    public void Staff_file_an_appeal_with_a_trimmed_reason()
    {
        var appeal = FiledByClerk();

        Assert.Equal("clerk-1", appeal.FiledById);
        Assert.Equal("窗口王芳", appeal.FiledByName);
        Assert.Equal("评价人因排队时间长迁怒窗口，与服务无关", appeal.Reason);
        Assert.Equal(Filed, appeal.FiledAt);
        Assert.Null(appeal.Upheld);
        Assert.Null(appeal.DecidedAt);
    }

    [Fact]
    public void Only_staff_file_appeals()
    {
        var rating = Visit(RatingLevel.VeryDissatisfied);

        var byApplicant = Assert.Throws<InvalidOperationException>(() => RatingAppeal.File(rating, Applicant, "我评错了", Filed));
        Assert.Equal("只有工作人员可以对评价提出申诉。", byApplicant.Message);
        Assert.Throws<InvalidOperationException>(() => RatingAppeal.File(rating, CaseActor.Public, "恶意评价", Filed));
        Assert.Throws<InvalidOperationException>(() => RatingAppeal.File(rating, CaseActor.System, "恶意评价", Filed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_appeal_needs_a_reason(string? reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => RatingAppeal.File(Visit(RatingLevel.Dissatisfied), Clerk, reason!, Filed));

        Assert.Equal("请写明申诉理由（不超过1000字）。", ex.Message);
    }

    [Fact]
    public void An_appeal_reason_over_1000_characters_is_refused()
    {
        Assert.Throws<ArgumentException>(() => RatingAppeal.File(Visit(RatingLevel.Dissatisfied), Clerk, new string('冤', 1001), Filed));
        Assert.Equal(1000, RatingAppeal.File(Visit(RatingLevel.Dissatisfied), Clerk, new string('冤', 1000), Filed).Reason.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Another_supervisor_decides_once_with_a_reason(bool upheld)
    {
        var appeal = FiledByClerk();
        var at = ChinaUtc(2026, 11, 25, 10);

        appeal.Decide(Supervisor, upheld, "  调阅录像后认定  ", at);

        Assert.Equal(upheld, appeal.Upheld);
        Assert.Equal("调阅录像后认定", appeal.Decision);
        Assert.Equal("sup-1", appeal.DecidedById);
        Assert.Equal("督查甲", appeal.DecidedByName);
        Assert.Equal(at, appeal.DecidedAt);

        var again = Assert.Throws<InvalidOperationException>(() => appeal.Decide(OtherSupervisor, !upheld, "改判", at.AddHours(1)));
        Assert.Equal("该申诉已有决定。", again.Message);
        Assert.Equal(upheld, appeal.Upheld);
        Assert.Equal("sup-1", appeal.DecidedById);
    }

    [Fact]
    public void Only_a_supervisor_decides()
    {
        var appeal = FiledByClerk(ratedStaffId: "someone-else");
        var otherClerk = new CaseActor("clerk-9", "另一窗口", new HashSet<string> { Portal.Domain.Organisation.Roles.Window });

        Assert.Equal("只有督查人员可以决定申诉。", Assert.Throws<InvalidOperationException>(() => appeal.Decide(otherClerk, true, "成立", Filed)).Message);
        Assert.Throws<InvalidOperationException>(() => appeal.Decide(Admin, true, "成立", Filed));
        Assert.Throws<InvalidOperationException>(() => appeal.Decide(CaseActor.System, true, "成立", Filed));
        Assert.Null(appeal.Upheld);
    }

    [Fact]
    public void The_rated_staff_member_cannot_decide_even_as_a_supervisor()
    {
        // The clerk who was rated is also a supervisor; a colleague filed the appeal for the window.
        var rating = Visit(RatingLevel.VeryDissatisfied, staffId: "clerk-sup");
        var appeal = RatingAppeal.File(rating, Clerk, "恶意评价", Filed);

        var ex = Assert.Throws<InvalidOperationException>(() => appeal.Decide(ClerkSupervisor, true, "成立", Filed));

        Assert.Equal("被评价的工作人员和申诉人不能决定本申诉，请由其他督查人员决定。", ex.Message);
        Assert.Null(appeal.Upheld);
        appeal.Decide(Supervisor, false, "评价属实", Filed);
        Assert.False(appeal.Upheld);
    }

    [Fact]
    public void The_filer_cannot_decide_their_own_appeal_even_as_a_supervisor()
    {
        var rating = Visit(RatingLevel.VeryDissatisfied, staffId: "clerk-1");
        var appeal = RatingAppeal.File(rating, ClerkSupervisor, "恶意评价", Filed);

        Assert.Throws<InvalidOperationException>(() => appeal.Decide(ClerkSupervisor, true, "成立", Filed));
        Assert.Null(appeal.Upheld);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_decision_needs_a_reason(string? reason)
    {
        var appeal = FiledByClerk();

        var ex = Assert.Throws<ArgumentException>(() => appeal.Decide(Supervisor, true, reason!, Filed));

        Assert.Equal("请写明决定理由。", ex.Message);
        Assert.Null(appeal.Upheld);
    }
}
