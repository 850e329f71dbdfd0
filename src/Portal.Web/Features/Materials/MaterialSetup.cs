using MediatR;
using Microsoft.Net.Http.Headers;
using Portal.Infrastructure.Materials;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>The materials feature's services and its two file routes.</summary>
public static class MaterialSetup
{
    /// <summary>The inline viewer may be framed by the portal's own pages (the case page shows PDFs in an iframe).</summary>
    public const string InlinePolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

    /// <summary>A download is never rendered by the browser as a page of the portal.</summary>
    public const string DownloadPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

    public static IServiceCollection AddMaterials(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalFileStore(configuration);
        services.AddScoped<MaterialUploads>();
        services.AddScoped<ICaseGuardSource, MaterialGuards>();
        services.AddScoped<ICaseLifecycle, MaterialLifecycle>();
        return services;
    }

    /// <summary>
    /// GET /Materials/Files/{id}: the original as an attachment. GET /Materials/Files/{id}/inline: shown in the page
    /// (PDF as is, an image upright). Both: signed in, <see cref="MaterialAccess"/>, 404 for anyone else, nosniff,
    /// never cached; the name a person uploaded is only the download's display name.
    /// </summary>
    public static IEndpointRouteBuilder MapMaterials(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Materials/Files/{id:long}", (long id, IMediator mediator, HttpContext http, CancellationToken ct) => ServeAsync(id, inline: false, mediator, http, ct));
        app.MapGet("/Materials/Files/{id:long}/inline", (long id, IMediator mediator, HttpContext http, CancellationToken ct) => ServeAsync(id, inline: true, mediator, http, ct));
        return app;
    }

    private static async Task<IResult> ServeAsync(long id, bool inline, IMediator mediator, HttpContext http, CancellationToken cancellationToken)
    {
        OpenFile.Result file;
        try
        {
            file = await mediator.Send(new OpenFile.Query { Id = id, Inline = inline }, cancellationToken);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (RuleViolationException damaged)
        {
            return Results.Content(damaged.Message, "text/plain; charset=utf-8", System.Text.Encoding.UTF8, StatusCodes.Status500InternalServerError);
        }

        var headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-store, private";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers[HeaderNames.ContentSecurityPolicy] = file.Inline ? InlinePolicy : DownloadPolicy;
        headers[HeaderNames.XFrameOptions] = file.Inline ? "SAMEORIGIN" : "DENY";
        var disposition = new ContentDispositionHeaderValue(file.Inline ? "inline" : "attachment")
        {
            FileName = "material" + Path.GetExtension(file.DownloadName),
            FileNameStar = file.DownloadName,
        };
        headers[HeaderNames.ContentDisposition] = disposition.ToString();
        return Results.Bytes(file.Content, file.MediaType);
    }
}
