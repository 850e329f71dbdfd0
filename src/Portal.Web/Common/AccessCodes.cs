using System.Security.Cryptography;

namespace Portal.Web.Common;

/// <summary>The unguessable codes that open a ticket's or a rating's page without an account (24 hex digits, 96 bits).</summary>
public static class AccessCodes
{
    public static string New() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
