using System.Globalization;

namespace Lantai.Bench.ListPage;

/// <summary>The few --name value switches the benchmark takes.</summary>
internal sealed class Args(Dictionary<string, string?> values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }
        }

        return new Args(values);
    }

    public bool Has(string name) => values.ContainsKey(name);

    public string Get(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;

    public string? GetOrNull(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => values.GetValueOrDefault(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
