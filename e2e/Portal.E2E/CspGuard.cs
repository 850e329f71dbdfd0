using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Portal.E2E;

/// <summary>
/// The portal sends a Content-Security-Policy without inline script or style (src/Portal.Web/Setup/WebSecurity.cs).
/// Chromium reports what the policy refuses as console errors ("… violates the following Content Security Policy
/// directive …"). Every browser context the tests open is watched (<see cref="Watch"/>), and a test during which one
/// was reported fails (<see cref="FailOnCspViolationAttribute"/>): a page that needs inline code does not work for real users.
/// </summary>
public static class CspGuard
{
    private static readonly ConcurrentQueue<string> Violations = new();

    /// <summary>The violations reported since the last <see cref="Take"/>.</summary>
    public static IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (Violations.TryDequeue(out var violation))
        {
            taken.Add(violation);
        }

        return taken;
    }

    /// <summary>The browser, with every context and page it opens watched for policy violations.</summary>
    public static IBrowser Watch(IBrowser browser) => WatchedBrowser.Wrap(browser);

    private static void Watch(IBrowserContext context) =>
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                Violations.Enqueue($"{message.Page?.Url} ({message.Location}) — {message.Text}");
            }
        };

    /// <summary>Forwards everything to the real browser; contexts (and pages with their own context) are watched as they are made.</summary>
    public class WatchedBrowser : DispatchProxy
    {
        private IBrowser inner = null!;

        public static IBrowser Wrap(IBrowser browser)
        {
            var proxy = Create<IBrowser, WatchedBrowser>();
            ((WatchedBrowser)(object)proxy).inner = browser;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            object? result;
            try
            {
                result = targetMethod!.Invoke(inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }

            return result switch
            {
                Task<IBrowserContext> context => WatchedAsync(context),
                Task<IPage> page => WatchedAsync(page),
                _ => result,
            };
        }

        private static async Task<IBrowserContext> WatchedAsync(Task<IBrowserContext> creating)
        {
            var context = await creating;
            Watch(context);
            return context;
        }

        private static async Task<IPage> WatchedAsync(Task<IPage> creating)
        {
            var page = await creating;
            Watch(page.Context);
            return page;
        }
    }
}

/// <summary>Fails the test when the browser reported a Content-Security-Policy violation while it ran.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class FailOnCspViolationAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest) => CspGuard.Take();

    public override void After(MethodInfo methodUnderTest)
    {
        var violations = CspGuard.Take();
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("The browser refused inline code under the Content-Security-Policy:\n" + string.Join("\n", violations));
        }
    }
}
