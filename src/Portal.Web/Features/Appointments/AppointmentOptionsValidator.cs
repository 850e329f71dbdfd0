using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Appointments;

/// <summary>Refuses invalid <c>Portal:Hall:Appointments</c> when the portal starts, with every problem in one message.</summary>
public sealed class AppointmentOptionsValidator : IValidateOptions<AppointmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AppointmentOptions options)
    {
        var errors = AppointmentPlans.Build(options).Errors;
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
