using Portal.Domain.Cases;

namespace Portal.Web.Common;

/// <summary>Loads the service's own steps (<see cref="ICaseFlow"/>) for an existing case, e.g. 注销 with its application.</summary>
public interface ICaseFlowSource
{
    bool Handles(string serviceCode);

    Task<ICaseFlow> LoadAsync(Case c, CancellationToken cancellationToken);
}
