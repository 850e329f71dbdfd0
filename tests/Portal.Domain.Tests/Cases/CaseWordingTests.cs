using Portal.Domain.Cases;

namespace Portal.Domain.Tests.Cases;

/// <summary>The sentences built from action and state labels read as Chinese: no "已已…", no "办结：办结".</summary>
public sealed class CaseWordingTests
{
    [Fact]
    public void The_notice_after_every_action_has_one_leading_已_and_says_what_was_done()
    {
        foreach (var trigger in Enum.GetValues<CaseTrigger>())
        {
            var notice = trigger.DoneNotice();
            Assert.False(notice.StartsWith("已已", StringComparison.Ordinal), $"{trigger}: {notice}");
            Assert.DoesNotContain("已专营单位", notice);
            Assert.DoesNotContain("已申请人", notice);
            Assert.EndsWith("。", notice);
        }

        Assert.Equal("已记录通知债权人的情况。", CaseTrigger.NotifyCreditors.DoneNotice());
        Assert.Equal("供用合同已签章，等待申请人确认。", CaseTrigger.SignContract.DoneNotice());
        Assert.Equal("已确认签订供用合同。", CaseTrigger.ConfirmContract.DoneNotice());
        Assert.Equal("已受理。", CaseTrigger.Accept.DoneNotice());
    }

    [Fact]
    public void The_end_of_a_case_reads_after_已_without_a_second_已()
    {
        foreach (var state in Enum.GetValues<CaseState>().Where(s => s.IsFinal()))
        {
            Assert.False(state.EndedPhrase().StartsWith('已'), $"{state}: {state.EndedPhrase()}");
        }

        Assert.Equal("撤回", CaseState.Withdrawn.EndedPhrase());
        Assert.Equal("办结", CaseState.Completed.EndedPhrase());
    }
}
