using MediatR;
using Microsoft.Net.Http.Headers;
using Portal.Domain.Materials;
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
        services.AddScoped<MaterialStanding>();
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

    /// <summary>
    /// A post larger than the upload pages read (<see cref="MaterialLimits.MaxRequestBytes"/>) is answered 413 before any
    /// of it is read — the Chinese status page, nothing stored — instead of failing later in the form's reading (which the
    /// anti-forgery check would report as an expired page).
    /// </summary>
    public static IApplicationBuilder UseMaterialUploadLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > MaterialLimits.MaxRequestBytes)
            {
                // Written here: the status page cannot be re-executed for a post whose body is never to be read.
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                context.Response.Headers.Connection = "close";
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(TooLargePage, context.RequestAborted);
                return;
            }

            await next(context);
        });

    private static readonly string TooLargePage =
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />"
        + "<title>上传的内容过大 - 政务服务中心网上办事大厅</title><link rel=\"stylesheet\" href=\"/css/portal.css\" /></head>"
        + "<body><main id=\"main\" class=\"wrap\"><div class=\"card\"><h1>上传的内容过大</h1>"
        + $"<p>一次提交的文件合计超过{MaterialLimits.Megabytes(MaterialLimits.MaxRequestBytes)}的上限（单个文件不超过{MaterialLimits.Megabytes(MaterialLimits.MaxFileBytes)}，每个办件合计不超过{MaterialLimits.Megabytes(MaterialLimits.MaxCaseBytes)}），本次提交的内容均未保存。</p>"
        + "<p>请用浏览器的“返回”回到上一页，压缩文件或分次上传。</p><p><a class=\"btn btn-secondary\" href=\"/\">返回首页</a></p>"
        + "</div></main></body></html>";

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
            // Damaged or missing in the store: the portal's status page with the Chinese reason (422, as every refusal),
            // none of the content, not a server error.
            var error = new PortalError(StatusCodes.Status422UnprocessableEntity, "文件无法打开", [.. damaged.Reasons.Select(r => ("", r))], PortalErrorShape.FormErrors);
            http.Items[PortalErrors.ItemKey] = error;
            return Results.StatusCode(error.Status);
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
