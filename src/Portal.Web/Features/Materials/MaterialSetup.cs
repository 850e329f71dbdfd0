using MediatR;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;
using Portal.Domain.Materials;
using Portal.Infrastructure.Materials;
using Portal.Web.Common;

namespace Portal.Web.Features.Materials;

/// <summary>The materials feature's services, its two file routes and the templates' downloads.</summary>
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
        services.AddScoped<MaterialStanding>();
        services.AddScoped<ICaseGuardSource, MaterialGuards>();
        services.AddScoped<ICaseLifecycle, MaterialLifecycle>();
        return services;
    }

    /// <summary>
    /// GET /Materials/Files/{id}: the original as an attachment. GET /Materials/Files/{id}/inline: shown in the page
    /// (PDF as is, an image upright). Both: signed in, <see cref="MaterialAccess"/>, 404 for anyone else, nosniff,
    /// never cached; the name a person uploaded is only the download's display name. A failure is answered as a page's
    /// is (<see cref="PortalErrorPages.AsPageAnswer"/>): the Chinese 404 page, or 422 with the reason for a damaged copy.
    /// </summary>
    public static IEndpointRouteBuilder MapMaterials(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Materials/Files/{id:long}", (long id, IMediator mediator, HttpContext http, CancellationToken ct) => ServeAsync(id, inline: false, mediator, http, ct))
            .AddEndpointFilter(PortalErrorPages.AsPageAnswer);
        app.MapGet("/Materials/Files/{id:long}/inline", (long id, IMediator mediator, HttpContext http, CancellationToken ct) => ServeAsync(id, inline: true, mediator, http, ct))
            .AddEndpointFilter(PortalErrorPages.AsPageAnswer);
        app.MapGet("/Materials/Template/{code}/file", (string code, HttpContext http) => ServeTemplate(code, http))
            .AllowAnonymous().AddEndpointFilter(PortalErrorPages.AsPageAnswer);
        return app;
    }

    /// <summary>
    /// GET /Materials/Template/{code}/file: the template generated as a file (public, like the guide pages), an attachment
    /// whose name is the Chinese title (RFC 6266 filename* in UTF-8, an ASCII filename for old clients), nosniff.
    /// </summary>
    private static IResult ServeTemplate(string code, HttpContext http)
    {
        var template = MaterialCatalog.Template(code) ?? throw new NotFoundException("未找到该材料的样表。");
        var (content, mediaType) = TemplateFiles.Create(template);
        var headers = http.Response.Headers;
        // The portal's own Content-Security-Policy and no-store stay (WebSecurity), as on every other download.
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"{template.Code}.{template.Extension}",
            FileNameStar = template.FileName,
        }.ToString();
        return Results.Bytes(content, mediaType);
    }

    /// <summary>
    /// A post larger than the upload pages read (<see cref="MaterialLimits.MaxRequestBytes"/>) is answered 413 before any
    /// of it is read — the Chinese status page with <see cref="TooLarge"/>, nothing stored — instead of failing later in
    /// the form's reading (which the anti-forgery check would report as an expired page). The status page reads nothing
    /// of the body either (Errors/Status binds no form); its re-execution of the same request passes through here.
    /// </summary>
    public static IApplicationBuilder UseMaterialUploadLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaterialLimits.MaxRequestBytes && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.Headers.Connection = "close";
                context.Response.StatusCode = PortalErrorPages.StatusOf(context, TooLarge);
                return;
            }

            await next(context);
        });

    /// <summary>What a person is told when the post is over the limit.</summary>
    public static PortalError TooLarge { get; } = PortalErrors.TooLarge(
        $"一次提交的文件合计超过{MaterialLimits.Megabytes(MaterialLimits.MaxRequestBytes)}的上限（单个文件不超过{MaterialLimits.Megabytes(MaterialLimits.MaxFileBytes)}，每个办件合计不超过{MaterialLimits.Megabytes(MaterialLimits.MaxCaseBytes)}），本次提交的内容均未保存。"
        + "请用浏览器的“返回”回到上一页，压缩文件或分次上传。");

    private static async Task<IResult> ServeAsync(long id, bool inline, IMediator mediator, HttpContext http, CancellationToken cancellationToken)
    {
        // Not found, someone else's file, a damaged copy: PortalErrorPages.AsPageAnswer shows it on the status page.
        var file = await mediator.Send(new OpenFile.Query { Id = id, Inline = inline }, cancellationToken);

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
