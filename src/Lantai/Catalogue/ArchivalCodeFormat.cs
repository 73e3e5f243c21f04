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
    /// <summary>
    /// Parsers by pattern, compiled once per process: CatalogueRules builds formats for every use case, and a catalogue
    /// import parses each of a million codes twice, where the interpreted regex was the largest cost of reading a row.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Parsers = new(StringComparer.Ordinal);

    private static readonly string[] GroupNames = ["fonds", "category", "year", "retention", "orgunit", "volume", "item"];

    private readonly List<Token> _tokens;
    private readonly Regex _parser;
    private readonly int[] _groups;

    public ArchivalCodeFormat(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        _tokens = Tokenize(pattern);
        _parser = Parsers.GetOrAdd(pattern, static (_, tokens) => BuildParser(tokens), _tokens);
        _groups = [.. GroupNames.Select(_parser.GroupNumberFromName)];
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
            FondsCode = Value(m, 0),
            CategoryCode = Value(m, 1),
            Year = int.Parse(Value(m, 2), CultureInfo.InvariantCulture),
            RetentionCode = Value(m, 3),
            OrgUnitCode = Value(m, 4),
            VolumeNumber = Number(m, 5),
            ItemNumber = Number(m, 6),
        };
    }

    // Groups by number, looked up once: by name each match hashes the name (a catalogue import parses millions).
    private string Value(Match m, int name) => _groups[name] >= 0 && m.Groups[_groups[name]] is { Success: true } g ? g.Value : "";

    private int? Number(Match m, int name) =>
        _groups[name] >= 0 && m.Groups[_groups[name]] is { Success: true } g && int.TryParse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

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
        // No timeout: every element is a run of characters that excludes the separators around it, so matching is
        // linear whatever the template. (A 100 ms wall-time timeout fired on a GC pause during a million-row import,
        // and setting one up costs more than the match.)
        return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, Regex.InfiniteMatchTimeout);
    }

    [GeneratedRegex(@"\{(?<name>[a-z]+)(?::(?<width>\d+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderRegex();

    private sealed record Token(string? Name, string Literal, int Width);
}
