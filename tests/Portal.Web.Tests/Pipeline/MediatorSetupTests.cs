using FluentValidation;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Pipeline;

/// <summary>How the MediatR pipeline's parts are registered (src/Portal.Web/Common/Pipeline/MediatorSetup.cs).</summary>
public sealed class MediatorSetupTests
{
    /// <summary>
    /// A validator is built once for the process: building one compiles its rules' expressions, which per request kept
    /// the JIT busy (docs/performance.md, "Where a submission's CPU goes"). So it may depend on singletons only — a
    /// scoped dependency would be one request's instance kept for ever.
    /// </summary>
    [Fact]
    public async Task Every_validator_is_one_instance_for_the_process_and_depends_on_singletons_only()
    {
        IServiceCollection? registered = null;
        await using var factory = new PortalFactory(Provider.Sqlite);
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => registered = s));
        _ = app.Services;
        Assert.NotNull(registered);

        var validators = registered.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)).ToList();
        Assert.True(validators.Count > 40, $"only {validators.Count} validators registered");
        Assert.All(validators, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        foreach (var validator in validators)
        {
            var type = validator.ImplementationType!;
            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                var dependency = registered.LastOrDefault(d => d.ServiceType == parameter.ParameterType);
                Assert.True(
                    dependency?.Lifetime == ServiceLifetime.Singleton,
                    $"{type.FullName} depends on {parameter.ParameterType.Name}, registered {dependency?.Lifetime.ToString() ?? "not at all"}");
            }

            // And it resolves as one instance.
            Assert.Same(app.Services.GetRequiredService(validator.ServiceType), app.Services.GetRequiredService(validator.ServiceType));
        }
    }
}
