using Portal.Domain.Notifications;
using Portal.Web.Features.Messages;

namespace Portal.Web.Tests.Notifications;

/// <summary>A message's link says what it opens: a 差评 reply opens the rating, not a case.</summary>
public sealed class InboxLinkTextTests
{
    [Theory]
    [InlineData("/Cases/QYKB-20261123-000001", "查看办件")]
    [InlineData("/Ratings/View/0123456789abcdef01234567", "查看评价及处理结果")]
    [InlineData("/Ratings/FollowUps", "处理差评")]
    public void The_link_names_what_it_opens(string link, string text)
    {
        var row = new Inbox.Row(1, "差评回复", NotificationKind.Done, "标题", "正文", link, "2026年12月7日 09:00", true, "站内");
        Assert.Equal(text, row.LinkText);
    }
}
