using Microsoft.AspNetCore.Http.Features;

namespace Portal.Web.Common.Forms;

/// <summary>
/// ASP.NET Core's form reader refuses a form whose value holds U+0000 (%00) with an exception that the antiforgery
/// check turns into a bare 400, so what the person typed was lost (issue 16 part 5: “a control character in an
/// objection gets the form back with the text kept, not a bare 400”). Before the form is read, %00 (and a raw NUL byte)
/// in a url-encoded form is rewritten as %01 — another control character the reader accepts — so the form is bound,
/// <see cref="CleanTextBinder"/> removes it and the page comes back with the text kept and the Chinese message. Forms
/// larger than the form reader's own value limit and multipart forms pass unchanged.
/// A form read here is already whole in memory, so the server's body-size feature is replaced by one that accepts the
/// limit an endpoint sets later (<see cref="BufferedBodySize"/>): otherwise every form post logged two warnings that the
/// limit "could not be applied" (thousands an hour in a production log at Warning; issue 18's load runs).
/// </summary>
public sealed class NulCharacterForms(RequestDelegate next)
{
    /// <summary>The largest form read here; no endpoint of the portal sets a lower limit (<c>RequestSizeLimitTests</c>).</summary>
    public const long MaxBody = 4 * 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method)
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && request.ContentLength is > 0 and <= MaxBody)
        {
            var body = new byte[request.ContentLength.Value];
            var read = 0;
            while (read < body.Length)
            {
                var n = await request.Body.ReadAsync(body.AsMemory(read), context.RequestAborted);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            request.Body = new MemoryStream(Rewritten(body.AsSpan(0, read)), writable: false);
            request.ContentLength = request.Body.Length;
            context.Features.Set<IHttpMaxRequestBodySizeFeature>(new BufferedBodySize(read));
        }

        await next(context);
    }

    /// <summary>The body with every %00 and raw NUL byte replaced by %01 (the body itself when it has none).</summary>
    public static byte[] Rewritten(ReadOnlySpan<byte> body)
    {
        var output = new List<byte>(body.Length);
        var changed = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'%' && i + 2 < body.Length && body[i + 1] == (byte)'0' && body[i + 2] == (byte)'0')
            {
                output.AddRange("%01"u8);
                i += 2;
                changed = true;
            }
            else if (body[i] == 0)
            {
                output.AddRange("%01"u8);
                changed = true;
            }
            else
            {
                output.Add(body[i]);
            }
        }

        return changed ? [.. output] : body.ToArray();
    }
}
