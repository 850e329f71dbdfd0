using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Features.Appointments;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Appointments;

/// <summary><c>Portal:Hall:Appointments</c>: the shipped plan is valid, and a wrong entry stops the portal at start with a message naming the key.</summary>
public sealed class AppointmentOptionsTests
{
    [Fact]
    public async Task Shipped_configuration_offers_every_category_with_extended_service_for_establishment()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);

        var plans = factory.Services.GetRequiredService<AppointmentPlans>();

        Assert.Equal(["establishment", "deregistration", "connection", "general"], plans.All.Select(p => p.Category.Code));
        var establishment = plans.For("establishment")!;
        Assert.Equal(3, establishment.Schedule.Capacity);
        Assert.Equal(30, establishment.Schedule.SlotMinutes);
        Assert.Equal(14, establishment.DaysAhead);
        Assert.Equal("09:00-12:00,13:00-17:00", establishment.Schedule.Sessions.ToString());
        Assert.Equal("12:00-13:00,17:00-18:30", establishment.Schedule.Extended?.ToString());
        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], establishment.Schedule.ExtendedDays!.Order());
        Assert.All(plans.All.Skip(1), p => Assert.Equal(2, p.Schedule.Capacity));
        Assert.Null(plans.For("passport"));
    }

    [Fact]
    public async Task Invalid_sessions_stop_the_portal_at_start_naming_the_key()
    {
        await using var factory = new PortalFactory(Provider.Sqlite);
        factory.Settings["Portal:Hall:Appointments:establishment:Sessions"] = "9点-12点";

        var ex = Record.Exception(() => factory.Services);

        Assert.NotNull(ex);
        var message = Messages(ex);
        Assert.Contains("Portal:Hall:Appointments:establishment:Sessions", message);
        Assert.Contains("无法识别办公时段 \"9点-12点\"", message);
    }

    [Fact]
    public void Every_mistake_is_reported_in_chinese_with_its_key()
    {
        var options = new AppointmentOptions
        {
            ["passport"] = new() { Sessions = "09:00-12:00", Capacity = 1 },
            ["establishment"] = new() { Sessions = "09:00-12:00,13:00-17:00", SlotMinutes = 45, Capacity = -1, DaysAhead = 400, ExtendedDays = ["Funday"] },
            ["general"] = new() { Sessions = "09:00-12:00,13:00-17:00", Capacity = 2, Extended = "11:30-13:00" },
            ["connection"] = new() { Sessions = "", Capacity = 2, ExtendedDays = ["Monday"] },
            ["deregistration"] = new() { Sessions = "12:00-09:00", Capacity = 2 },
        };

        var (plans, errors) = AppointmentPlans.Build(options);

        Assert.Empty(plans);
        Assert.Contains("Portal:Hall:Appointments:passport：未知的大厅业务类别“passport”，应为 establishment、deregistration、connection、general 之一。", errors);
        Assert.Contains("Portal:Hall:Appointments:establishment:Capacity：每个时段可预约人数应在 0 到 200 之间（0 表示不开放预约，当前为 -1）。", errors);
        Assert.Contains("Portal:Hall:Appointments:establishment:DaysAhead：可提前预约的天数应在 0 到 366 之间（当前为 400）。", errors);
        Assert.Contains("Portal:Hall:Appointments:establishment:ExtendedDays：无法识别星期“Funday”，应为 Monday、Tuesday … Sunday。", errors);
        Assert.Contains("Portal:Hall:Appointments:general:Extended：延时时段 11:30-13:00 与常规时段 09:00-12:00 重叠。", errors);
        Assert.Contains("Portal:Hall:Appointments:connection:Sessions：请设置可预约的时段，例如 \"09:00-12:00,13:00-17:00\"。", errors);
        Assert.Contains("Portal:Hall:Appointments:connection:ExtendedDays：设置了延时服务的星期，但没有设置延时时段（Extended）。", errors);
        Assert.Contains(errors, e => e.StartsWith("Portal:Hall:Appointments:deregistration:Sessions：办公时段 12:00-09:00 的开始时间必须早于结束时间。", StringComparison.Ordinal));
        Assert.Throws<OptionsValidationException>(() => new AppointmentPlans(options));

        // 45-minute slots do not divide 09:00-12:00 evenly.
        var uneven = AppointmentPlans.Build(new AppointmentOptions { ["establishment"] = new() { Sessions = "09:00-12:00,13:00-17:00", SlotMinutes = 45, Capacity = 3 } });
        Assert.Equal(
            ["Portal:Hall:Appointments:establishment:Sessions：时段 13:00-17:00 不能按每 45 分钟整齐划分，请调整时段或 SlotMinutes。"],
            uneven.Errors);
    }

    [Fact]
    public void Capacity_zero_is_valid_and_leaves_the_category_closed()
    {
        var (plans, errors) = AppointmentPlans.Build(new AppointmentOptions { ["general"] = new() { Sessions = "09:00-12:00", Capacity = 0 } });

        Assert.Empty(errors);
        var plan = Assert.Single(plans);
        Assert.Empty(plan.Schedule.SlotsOn(new DateOnly(2026, 11, 23), Portal.Domain.Calendar.WorkingCalendar.ChinaDefault));
    }

    private static string Messages(Exception ex) => ex switch
    {
        AggregateException aggregate => string.Join("\n", aggregate.InnerExceptions.Select(Messages)),
        _ when ex.InnerException is { } inner => ex.Message + "\n" + Messages(inner),
        _ => ex.Message,
    };
}
