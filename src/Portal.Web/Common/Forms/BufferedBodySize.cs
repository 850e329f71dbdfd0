using Microsoft.AspNetCore.Http.Features;

namespace Portal.Web.Common.Forms;

/// <summary>
/// The body-size limit of a form already read into memory (at most <see cref="NulCharacterForms.MaxBody"/>): an endpoint's
/// limit is accepted, and one below what was read refuses the request with 413 as the server would have.
/// </summary>
public sealed class BufferedBodySize(long read) : IHttpMaxRequestBodySizeFeature
{
    private long? max;

    public bool IsReadOnly => false;

    public long? MaxRequestBodySize
    {
        get => max;
        set
        {
            max = value;
            if (value is { } limit && read > limit)
            {
                throw new BadHttpRequestException("请求内容超过上限。", StatusCodes.Status413PayloadTooLarge);
            }
        }
    }
}
