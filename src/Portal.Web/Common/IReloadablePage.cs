namespace Portal.Web.Common;

/// <summary>A page that can load its display data again after a refused post, so the form is shown with the errors.</summary>
public interface IReloadablePage
{
    Task ReloadAsync(CancellationToken cancellationToken);
}
