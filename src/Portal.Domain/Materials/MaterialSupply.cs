namespace Portal.Domain.Materials;

/// <summary>How a material reaches the case.</summary>
public enum MaterialSupply
{
    /// <summary>The applicant (or staff filing for them) uploads it.</summary>
    Upload,

    /// <summary>免提交: the government already holds it (电子证照 / 电子两证) and looks it up.</summary>
    LookedUp,

    /// <summary>Filled in or signed in the portal's own form: nothing to upload.</summary>
    Online,
}
