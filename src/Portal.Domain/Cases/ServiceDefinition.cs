using Portal.Domain.Organisation;

namespace Portal.Domain.Cases;

/// <summary>
/// What the shared case machinery needs to know about one service: its code, its name, the department
/// whose back office holds the 办理 step, and the promise-table key of its 受理→办结 limit.
/// Each service folder declares one of these.
/// </summary>
public sealed record ServiceDefinition(string Code, string Name, Department Department, string ProcessLimitKey, string NumberPrefix)
{
    /// <summary>Whether the department's back office sees every case of the service (false for a 联合报装 parent: each utility sees only its own child).</summary>
    public bool OpenToDepartment { get; init; } = true;
}
