using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Common;
using Portal.Workflow;

namespace Portal.Web.Tests.Pipeline;

/// <summary>
/// The one translation of failures (<see cref="PortalErrors"/>): which exception is which fixed failure type, its
/// status and Chinese title, and the JSON answer of an endpoint (<see cref="PortalExceptionHandler"/>).
/// </summary>
public sealed class FailureTranslationTests
{
    [Fact]
    public void Store_conflicts_and_workflow_refusals_become_the_portals_failure_types_with_their_cause()
    {
        var stale = new DbUpdateConcurrencyException("0 rows affected");
        var conflict = Assert.IsType<ConflictException>(PortalErrors.AsFailure(stale));
        Assert.Equal(ConflictException.RecordChanged, conflict.Message);
        Assert.Same(stale, conflict.InnerException);

        var guarded = new InvalidTransitionException("Submitted", "Reject", ["需要督查批准", "需要填写理由"], "已提交", "驳回");
        var refusal = Assert.IsType<RuleViolationException>(PortalErrors.AsFailure(guarded));
        Assert.Equal(["需要督查批准", "需要填写理由"], refusal.Reasons);

        var unguarded = new InvalidTransitionException("Completed", "Accept", [], "已办结", "受理");
        Assert.Equal(["当前状态「已办结」不能执行「受理」。"], Assert.IsType<RuleViolationException>(PortalErrors.AsFailure(unguarded)).Reasons);

        var own = new NotFoundException();
        Assert.Same(own, PortalErrors.AsFailure(own));
        Assert.Null(PortalErrors.AsFailure(new InvalidOperationException("数据库连接中断")));
        Assert.Null(PortalErrors.Describe(new TimeoutException()));
    }

    [Fact]
    public void Each_failure_has_one_status_a_chinese_title_and_a_way_to_be_shown()
    {
        var described = new Exception[]
        {
            new ValidationFailedException("Name", "请填写名称。"),
            new RuleViolationException(["当前状态不能办结。"]),
            new ConflictException(),
            new NotFoundException(),
            new ForbiddenException(),
            new NotSignedInException(),
            new DbUpdateConcurrencyException(),
        }.Select(e => PortalErrors.Describe(e)!).ToList();

        Assert.Equal([400, 422, 409, 404, 403, 401, 409], described.Select(d => d.Status));
        Assert.Equal(
            [PortalErrorShape.FormErrors, PortalErrorShape.FormErrors, PortalErrorShape.FormErrors, PortalErrorShape.NotFound, PortalErrorShape.Forbidden, PortalErrorShape.SignIn, PortalErrorShape.FormErrors],
            described.Select(d => d.Shape));
        Assert.All(described, d => Assert.Matches("^[\u4e00-\u9fff]+$", d.Title));
        Assert.Equal(("Name", "请填写名称。"), described[0].Errors.Single());
        Assert.Contains("已被其他工作人员处理", described[2].Message);
    }

    [Fact]
    public async Task A_json_endpoints_failure_is_answered_as_problem_details_with_a_chinese_title()
    {
        var context = JsonRequest();

        var handled = await new PortalExceptionHandler(Microsoft.Extensions.Logging.Abstractions.NullLogger<PortalExceptionHandler>.Instance).TryHandleAsync(context, new ConflictException(), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal((int)HttpStatusCode.Conflict, context.Response.StatusCode);
        Assert.StartsWith("application/json", context.Response.ContentType);
        var body = Body(context);
        Assert.Equal("内容已有新的变化", body.GetProperty("title").GetString());
        Assert.Equal(409, body.GetProperty("status").GetInt32());
        Assert.Equal(ConflictException.CaseChanged, body.GetProperty("error").GetString());
        Assert.Equal(ConflictException.CaseChanged, body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unexpected_failure_of_a_json_endpoint_is_a_chinese_500_without_anything_technical()
    {
        var context = JsonRequest();

        var handled = await new PortalExceptionHandler(Microsoft.Extensions.Logging.Abstractions.NullLogger<PortalExceptionHandler>.Instance).TryHandleAsync(context, new InvalidOperationException("Npgsql: connection refused at Portal.Web.Secret"), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(500, context.Response.StatusCode);
        var text = Body(context).GetRawText();
        Assert.Contains("系统繁忙", text);
        Assert.DoesNotContain("Npgsql", text);
        Assert.DoesNotContain("Portal.Web", text);
        Assert.DoesNotContain("Exception", text);
    }

    [Fact]
    public async Task A_page_is_left_to_the_page_filter_and_the_chinese_error_page()
    {
        var context = JsonRequest(new EndpointMetadataCollection(new PageActionDescriptor()));

        Assert.False(await new PortalExceptionHandler(Microsoft.Extensions.Logging.Abstractions.NullLogger<PortalExceptionHandler>.Instance).TryHandleAsync(context, new ConflictException(), CancellationToken.None));
        Assert.Equal(0, context.Response.Body.Length);
    }

    /// <summary>A request to an endpoint, as the exception handling middleware hands it to the handler (endpoint in its feature).</summary>
    private static DefaultHttpContext JsonRequest(EndpointMetadataCollection? metadata = null)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        var endpoint = new Endpoint(_ => Task.CompletedTask, metadata ?? EndpointMetadataCollection.Empty, "api");
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = new Exception(), Endpoint = endpoint, Path = "/api/x" });
        return context;
    }

    private static JsonElement Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        using var document = JsonDocument.Parse(context.Response.Body);
        return document.RootElement.Clone();
    }
}
