using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cases;
using Portal.Infrastructure.Data;
using Portal.Workflow;

namespace Portal.Web.Common;

/// <summary>
/// The one place that knows what each failure means (STYLE habit 6). <see cref="AsFailure"/> names the portal's fixed
/// failure type of an exception — a concurrency conflict or a duplicate notification of the same change becomes
/// <see cref="ConflictException"/>, a workflow refusal a <see cref="RuleViolationException"/> with its guard texts — and
/// <see cref="Describe"/> says how it is shown. Three thin adapters use them and decide nothing themselves: the MediatR
/// pipeline (<see cref="Pipeline.FailureBehavior{TRequest,TResponse}"/>, so pages, endpoints, tests and background jobs
/// all see the fixed types), the page filter (<see cref="PortalExceptionFilter"/>: form errors with the form kept, 404,
/// 403, sign-in) and the exception handler for JSON endpoints (<see cref="PortalExceptionHandler"/>). Anything else is
/// unexpected: the Chinese error page, or a JSON 500 with a Chinese title; never a stack trace.
/// </summary>
public static partial class PortalErrors
{
    /// <summary>Where a failure that cannot be shown on its form waits for the Chinese status page (Errors/Status).</summary>
    public const string ItemKey = "Portal.Error";

    /// <summary>The answer to an unexpected failure (the database unreachable, a bug).</summary>
    public static PortalError Unexpected { get; } =
        new(StatusCodes.Status500InternalServerError, "系统繁忙", [("", "系统暂时无法完成您的请求，请稍后重试。")], PortalErrorShape.FormErrors);

    /// <summary>A request larger than its endpoint reads (413), answered before its body is read; the message says the limits.</summary>
    public static PortalError TooLarge(string message) =>
        new(StatusCodes.Status413PayloadTooLarge, "上传的内容过大", [("", message)], PortalErrorShape.FormErrors);

    /// <summary>
    /// Whether the exception is a refusal by the database (another change came first) or by a workflow (the action is
    /// not allowed now): the command's writes are void and its tracked entities out of date.
    /// </summary>
    public static bool IsStoreOrWorkflowRefusal(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException update => DbErrors.IsDuplicateNotification(update),
        InvalidTransitionException => true,
        _ => false,
    };

    /// <summary>The portal's fixed failure type of an exception, or null when it is unexpected.</summary>
    public static PortalException? AsFailure(Exception exception) => exception switch
    {
        PortalException failure => failure,
        DbUpdateConcurrencyException conflict =>
            new ConflictException(conflict.Entries.Any(e => e.Entity is Case) ? ConflictException.CaseChanged : ConflictException.RecordChanged, conflict),

        // The same change of the case was saved first by someone else (its message exists): the database may report
        // the message's key before the case's version, but it is the same conflict.
        DbUpdateException update when DbErrors.IsDuplicateNotification(update) => new ConflictException(ConflictException.CaseChanged, update),
        InvalidTransitionException refused => new RuleViolationException(refused.UnmetGuards.Count > 0 ? refused.UnmetGuards : [refused.Message], refused),

        // A query parameter of a JSON endpoint that cannot be read as its type (workingDays=99999999999, since=notadate).
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status400BadRequest => new ValidationFailedException(BadParameter(bad)),
        _ => null,
    };

    /// <summary>The parameter ASP.NET Core could not read, said in Chinese (its own message is English).</summary>
    private static IReadOnlyList<(string Field, string Message)> BadParameter(BadHttpRequestException bad)
    {
        var m = BindFailure().Match(bad.Message);
        if (m.Success)
        {
            var value = m.Groups["value"].Value;
            value = value.Length > 40 ? value[..40] + "…" : value;
            return [(m.Groups["name"].Value, $"参数 {m.Groups["name"].Value} 的值“{value}”无效，请检查格式和取值范围。")];
        }

        m = MissingParameter().Match(bad.Message);
        return m.Success
            ? [(m.Groups["name"].Value, $"缺少参数 {m.Groups["name"].Value}。")]
            : [("", "请求的格式或参数有误，请检查后重试。")];
    }

    [GeneratedRegex("^Failed to bind parameter \"[^\"]*? (?<name>[A-Za-z_][A-Za-z0-9_]*)\" from \"(?<value>.*)\"\\.?$", RegexOptions.Singleline)]
    private static partial Regex BindFailure();

    [GeneratedRegex("^Required parameter \"[^\"]*? (?<name>[A-Za-z_][A-Za-z0-9_]*)\" was not provided", RegexOptions.Singleline)]
    private static partial Regex MissingParameter();

    /// <summary>How the failure is shown, or null when the exception is unexpected.</summary>
    public static PortalError? Describe(Exception exception) => AsFailure(exception) switch
    {
        ValidationFailedException invalid =>
            new(StatusCodes.Status400BadRequest, "提交的内容有误", invalid.Errors, PortalErrorShape.FormErrors),
        RuleViolationException rule =>
            new(StatusCodes.Status422UnprocessableEntity, "暂时不能办理", [.. rule.Reasons.Select(r => ("", r))], PortalErrorShape.FormErrors),
        ConflictException conflict =>
            new(StatusCodes.Status409Conflict, "内容已有新的变化", [("", conflict.Message)], PortalErrorShape.FormErrors),
        NotFoundException notFound =>
            new(StatusCodes.Status404NotFound, "未找到", [("", notFound.Message)], PortalErrorShape.NotFound),
        ForbiddenException forbidden =>
            new(StatusCodes.Status403Forbidden, "无权访问", [("", forbidden.Message)], PortalErrorShape.Forbidden),
        NotSignedInException notSignedIn =>
            new(StatusCodes.Status401Unauthorized, "请先登录", [("", notSignedIn.Message)], PortalErrorShape.SignIn),
        { } other => new(StatusCodes.Status400BadRequest, "无法完成请求", [("", other.Message)], PortalErrorShape.FormErrors),
        null => null,
    };
}
