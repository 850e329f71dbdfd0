namespace Portal.Domain.Identity;

/// <summary>Shared clean-up of identifiers typed by users.</summary>
internal static class InputText
{
    /// <summary>
    /// Trims (including the ideographic space U+3000), maps full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ, typed with a
    /// Chinese input method) to ASCII, and upper-cases ASCII letters.
    /// </summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }

                span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });
    }
}
