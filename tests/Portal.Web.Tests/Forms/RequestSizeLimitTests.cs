using System.Net;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Common.Forms;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Forms;

/// <summary>
/// Forms read whole by <see cref="NulCharacterForms"/> (url-encoded, up to <see cref="NulCharacterForms.MaxBody"/>) keep
/// the body-size limits the endpoints set: no endpoint sets one lower than what is read, and posting such a form to a
/// page with a limit no longer logs that the limit "could not be applied" (two warnings per form post in issue 18's load
/// runs, thousands an hour in a production log).
/// </summary>
public sealed class RequestSizeLimitTests
{
    [Fact]
    public async Task No_endpoint_limits_a_body_below_what_the_form_reader_reads_whole()
    {
        await using var factory = new PortalFactory();
        _ = factory.CreateClient();
        var limits = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (e.DisplayName, Limit: e.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize))
            .Where(e => e.Limit is not null)
            .ToList();

        Assert.NotEmpty(limits); // the 企业开办 form and the materials page carry their upload limit
        Assert.All(limits, e => Assert.True(e.Limit >= NulCharacterForms.MaxBody, $"{e.DisplayName}: {e.Limit}"));
    }

    [Fact]
    public async Task A_form_posted_to_a_page_with_a_limit_applies_it_without_a_warning()
    {
        await using var factory = new LoggedPortal();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.PostAsync("/Establishment/Apply", new FormUrlEncodedContent([new("Form.Name", "测试")]));

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(factory.Log, line => line.Contains("request body size limit could not be applied", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_limit_below_what_was_read_refuses_the_request()
    {
        var feature = new BufferedBodySize(read: 2048);
        feature.MaxRequestBodySize = 4096;
        Assert.Equal(4096, feature.MaxRequestBodySize);
        var refused = Assert.Throws<Microsoft.AspNetCore.Http.BadHttpRequestException>(() => feature.MaxRequestBodySize = 1024);
        Assert.Equal(413, refused.StatusCode);
    }
}
