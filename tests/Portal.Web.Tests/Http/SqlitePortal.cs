using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Http;

/// <summary>
/// One portal on a fresh SQLite file shared by the tests of a class (xunit class fixtures need a single public
/// constructor, which <see cref="PortalFactory"/> does not have). Tests that move the clock use their own factory.
/// </summary>
public sealed class SqlitePortal() : PortalFactory(Provider.Sqlite);
