using System.Globalization;

namespace Portal.Web.Setup.Seeding;

/// <summary>How much data <see cref="LoadData"/> makes. Parsed from "cases=100000 open=20000 …".</summary>
public sealed record LoadSize(int Cases, int Open, int Staff, int Enterprises, int Ratings, int Applicants, int Archive = 0)
{
    public static LoadSize Default { get; } = new(100_000, 20_000, 2_000, 100_000, 200_000, 20_000);

    public static LoadSize Parse(IEnumerable<string> args)
    {
        var size = Default;
        foreach (var arg in args.Where(a => a.Contains('=')))
        {
            var (key, value) = (arg[..arg.IndexOf('=')].ToLowerInvariant(), int.Parse(arg[(arg.IndexOf('=') + 1)..], CultureInfo.InvariantCulture));
            size = key switch
            {
                "cases" => size with { Cases = value },
                "open" => size with { Open = value },
                "staff" => size with { Staff = value },
                "enterprises" => size with { Enterprises = value },
                "ratings" => size with { Ratings = value },
                "applicants" => size with { Applicants = value },
                "archive" => size with { Archive = value },
                _ => throw new ArgumentException($"Unknown load-data setting '{key}'."),
            };
        }

        return size with { Open = Math.Min(size.Open, size.Cases), Applicants = Math.Max(1, size.Applicants), Staff = Math.Max(10, size.Staff) };
    }
}
