using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Appointments;

/// <summary>What the appointment feature needs from the container: its options (checked when the portal starts) and the parsed plans.</summary>
public static class AppointmentSetup
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddOptions<AppointmentOptions>().BindConfiguration(AppointmentOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AppointmentOptions>, AppointmentOptionsValidator>());
        services.AddSingleton<AppointmentPlans>();
        return services;
    }
}
