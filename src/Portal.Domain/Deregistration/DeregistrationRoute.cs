namespace Portal.Domain.Deregistration;

/// <summary>How an enterprise leaves the register (SPEC 2.2).</summary>
public enum DeregistrationRoute
{
    /// <summary>简易注销: self-check, commitment, 20-working-day public notice (000:93).</summary>
    Simple,

    /// <summary>普通注销: liquidation group, creditor notice and claims, liquidation report.</summary>
    Ordinary,

    /// <summary>代位注销 (004:35): staff-initiated, with a recorded legal reason.</summary>
    Subrogated,

    /// <summary>除名 (004:35): striking off by the registration authority, with a recorded legal reason.</summary>
    StruckOff,
}
