namespace Portal.Domain.Enterprises;

/// <summary>
/// 组织机构代码 (GB 11714-1997), characters 9-17 of the unified social credit code: 8 body characters and a
/// check character. Weights 3 7 9 10 5 8 4 2; digits count their value and letters A=10 … Z=35;
/// check = 11 − (Σ mod 11), with 10 → X and 11 → 0.
/// </summary>
public static class OrganizationCode
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    public static char ComputeCheckChar(string body)
    {
        if (body.Length != 8)
        {
            throw new ArgumentException("组织机构代码本体应为8位。", nameof(body));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += Value(body[i]) * Weights[i];
        }

        var check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    public static string Create(string body) => body + ComputeCheckChar(body);

    public static bool IsValid(string? code) =>
        code is { Length: 9 } && code[..8].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)) && ComputeCheckChar(code[..8]) == code[8];

    private static int Value(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => throw new ArgumentException($"组织机构代码不能含有字符“{c}”。"),
    };
}
