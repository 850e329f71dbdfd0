using System.Security.Cryptography;

namespace Portal.Web.Features.Appointments;

/// <summary>
/// 预约码: 8 characters drawn with a cryptographic generator from 31 letters and digits that cannot be mistaken
/// for each other when read aloud or typed at a kiosk (no 0/O, 1/I/L): about 40 bits, not guessable, short
/// enough to type. Shown as "K7QM-3XPA"; typing is forgiving (case, spaces and dashes do not matter).
/// </summary>
public static class AppointmentCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public const int Length = 8;

    public static string New() => new(RandomNumberGenerator.GetItems<char>(Alphabet, Length));

    /// <summary>What the person typed, as stored: upper case, without spaces or dashes.</summary>
    public static string Normalize(string? typed) =>
        new((typed ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '－')).Select(char.ToUpperInvariant).ToArray());

    public static bool LooksValid(string normalized) =>
        normalized.Length == Length && normalized.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>"K7QM-3XPA".</summary>
    public static string Display(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;
}
