using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Web.Tests.Exposure;

/// <summary>
/// Every endpoint the portal maps, as "METHOD /route[?handler=Name]": each Razor page's route with each of its handler
/// methods (a page always answers GET), and every minimal API, health check and fallback route (one without a method
/// restriction is listed as GET). Read from the running portal's own routing table, so a new page, handler, API or
/// download appears here without anyone listing it.
/// </summary>
public static class MappedEndpoints
{
    public static async Task<IReadOnlyList<string>> ListAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = page as CompiledPageActionDescriptor ?? await loader.LoadAsync(page, endpoint.Metadata);
                keys.Add("GET " + route);
                foreach (var handler in compiled.HandlerMethods)
                {
                    keys.Add($"{handler.HttpMethod.ToUpperInvariant()} {route}" + (handler.Name is null ? "" : $"?handler={handler.Name}"));
                }
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? m : ["GET"];
                foreach (var method in methods)
                {
                    keys.Add($"{method.ToUpperInvariant()} {route}");
                }
            }
        }

        return [.. keys];
    }
}
