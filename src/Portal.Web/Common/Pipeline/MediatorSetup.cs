using System.Reflection;
using FluentValidation;
using MediatR;

namespace Portal.Web.Common.Pipeline;

/// <summary>
/// MediatR 5.1.0 is the newest version this registry restores, and it has no DI package: handlers, validators
/// access rules and behaviours are registered here by hand. Behaviour order (outermost first): logging → failures (the fixed
/// failure types) → text cleaning → authorization (roles, then record access) → export audit (downloads in the security
/// audit log) → validation → transaction → handler.
/// </summary>
public static class MediatorSetup
{
    public static IServiceCollection AddPortalMediator(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        var types = assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }).ToList();
        var requests = types.Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))).ToList();
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>))
                {
                    services.AddScoped(contract, type);
                }
                else if (definition == typeof(IValidator<>))
                {
                    // One instance for the process: building a validator compiles its rules' expressions (RuleFor over a
                    // method call is compiled anew every time); per request that was 18% of the portal's CPU on 企业开办
                    // submissions, most of it in the JIT (docs/performance.md, "Where a submission's CPU goes"). So a validator
                    // may depend on singletons only (TimeProvider, AppointmentPlans), never on a scoped service
                    // (MediatorSetupTests checks every validator's constructor).
                    services.AddSingleton(contract, type);
                }
                else if (definition == typeof(IAccessRule<>))
                {
                    // A rule for an interface (ICaseRequest) serves every request implementing it (IAccessRule is contravariant).
                    var target = contract.GetGenericArguments()[0];
                    foreach (var request in target.IsInterface ? requests.Where(target.IsAssignableFrom) : [target])
                    {
                        services.AddScoped(typeof(IAccessRule<>).MakeGenericType(request), type);
                    }
                }
            }
        }

        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(FailureBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(NormalizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Features.Security.ExportAuditBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehavior<,>));
        return services;
    }
}
