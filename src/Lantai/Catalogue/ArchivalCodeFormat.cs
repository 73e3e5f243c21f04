using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Lantai.Catalogue;

/// <summary>
/// A compiled <see cref="ArchivalCodeTemplate"/>: renders parts to a code and parses a code back to parts. Pure, no I/O.
/// '-' separates levels and '·' (U+00B7) elements inside the class number (DA/T 13-2022). An empty org unit drops
/// its element together with the separator before it, as small creators arrange without org units (DA/T 22-2015).
/// </summary>
public sealed partial class ArchivalCodeFormat
{
    private readonly List<Token> _tokens;
    private readonly Regex _parser;

    public ArchivalCodeFormat(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _tokens = Tokenize(pattern);
        _parser = BuildParser(_tokens);
    }

    public string Pattern { get; }

    public int ItemWidth => _tokens.FirstOrDefault(t => t.Name == "item")?.Width ?? 4;

    public int VolumeWidth => _tokens.FirstOrDefault(t => t.Name == "volume")?.Width ?? 3;

    public string Render(ArchivalCodeParts parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sb = new StringBuilder(32);
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (token.Name is null)
            {
                // A separator directly before an empty optional element is dropped with it.
                if (i + 1 < _tokens.Count && _tokens[i + 1].Name == "orgunit" && string.IsNullOrEmpty(parts.OrgUnitCode))
                {
                    continue;
                }

                sb.Append(token.Literal);
                continue;
            }

            sb.Append(token.Name switch
            {
                "fonds" => parts.FondsCode,
                "category" => parts.CategoryCode,
                "year" => parts.Year.ToString("D4", CultureInfo.InvariantCulture),
                "retention" => parts.RetentionCode,
                "orgunit" => parts.OrgUnitCode,
                "volume" => Pad(parts.VolumeNumber, token.Width),
                "item" => Pad(parts.ItemNumber, token.Width),
                _ => throw new InvalidOperationException($"Unknown placeholder {{{token.Name}}}."),
            });
        }

        return sb.ToString();
    }

    /// <summary>Parses a code written to this template; null when it does not have the template's shape.</summary>
    public ArchivalCodeParts? Parse(string code)
    {
        var m = _parser.Match(code);
        if (!m.Success)
        {
            return null;
        }

        return new ArchivalCodeParts
        {
            FondsCode = m.Groups["fonds"].Value,
            CategoryCode = m.Groups["category"].Value,
            Year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture),
            RetentionCode = m.Groups["retention"].Value,
            OrgUnitCode = m.Groups["orgunit"].Success ? m.Groups["orgunit"].Value : "",
            VolumeNumber = ParseNumber(m.Groups["volume"]),
            ItemNumber = ParseNumber(m.Groups["item"]),
        };
    }

    private static int? ParseNumber(Group g) =>
        g.Success && int.TryParse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Pad(int? number, int width) =>
        number is { } n ? n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0') : throw new ArgumentException("The template needs a number that the parts do not have.");

    private static List<Token> Tokenize(string pattern)
    {
        var tokens = new List<Token>();
        var last = 0;
        foreach (Match m in PlaceholderRegex().Matches(pattern))
        {
            if (m.Index > last)
            {
                tokens.Add(new Token(null, pattern[last..m.Index], 0));
            }

            var name = m.Groups["name"].Value;
            var width = m.Groups["width"].Success ? int.Parse(m.Groups["width"].Value, CultureInfo.InvariantCulture) : 0;
            if (name is not ("fonds" or "category" or "year" or "retention" or "orgunit" or "volume" or "item"))
            {
                throw new ArgumentException($"Unknown placeholder {{{name}}} in archival-code template '{pattern}'.", nameof(pattern));
            }

            tokens.Add(new Token(name, m.Value, width));
            last = m.Index + m.Length;
        }

        if (last < pattern.Length)
        {
            tokens.Add(new Token(null, pattern[last..], 0));
        }

        return tokens;
    }

    private static Regex BuildParser(List<Token> tokens)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Name is null)
            {
                if (i + 1 < tokens.Count && tokens[i + 1].Name == "orgunit")
                {
                    sb.Append("(?:").Append(Regex.Escape(token.Literal)).Append("(?<orgunit>[^-·\\s]+))?");
                    i++;
                    continue;
                }

                sb.Append(Regex.Escape(token.Literal));
                continue;
            }

            sb.Append(token.Name switch
            {
                "year" => "(?<year>\\d{4})",
                "volume" or "item" => $"(?<{token.Name}>\\d+)",
                "orgunit" => "(?<orgunit>[^-·\\s]+)",
                _ => $"(?<{token.Name}>[^-·\\s]+)",
            });
        }

        sb.Append('$');
        // The timeout guards against a pathological administrator-edited template, not against slow matches: it is wall
        // time, so 100 ms was exceeded by a GC pause on a loaded machine during a million-row import. Two seconds is ample.
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(2));
    }

    [GeneratedRegex(@"\{(?<name>[a-z]+)(?::(?<width>\d+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();

    private sealed record Token(string? Name, string Literal, int Width);
}
