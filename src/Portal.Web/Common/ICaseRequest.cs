namespace Portal.Web.Common;

/// <summary>
/// A request about one case, named by its number: who may see the case is checked before the request is validated
/// (STYLE 13), so a post against someone else's case answers "not found" without running its validators or showing
/// anything of the case (Features/Cases/CaseAccess.cs: <c>CaseRequestAccess</c>).
/// </summary>
public interface ICaseRequest
{
    string Number { get; }
}
