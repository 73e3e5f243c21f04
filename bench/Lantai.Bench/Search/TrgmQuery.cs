using System.Globalization;
using System.Text;

namespace Lantai.Bench.Search;

/// <summary>
/// The fair pg_trgm equivalent of a query in Lantai's syntax: each word or "phrase" is ILIKE '%…%' on the searched
/// text (a substring, so a phrase is the same as a word), 题名:/责任者:/文号:/档号: on that column, 年度:a-b a year
/// range, AND (implicit), OR, NOT and parentheses as SQL. No folding: pg_trgm has none, which is the point of the
/// comparison. The ranking text is the query's words joined by spaces (for word_similarity). The same condition in
/// SQLite's dialect (LIKE, which is case-blind there, parameters $p1…) serves the FTS5 trigram table.
/// </summary>
internal sealed class TrgmQuery
{
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["题名"] = "title",
        ["責任者"] = "author",
        ["责任者"] = "author",
        ["文号"] = "docno",
        ["档号"] = "code",
        ["title"] = "title",
        ["author"] = "author",
        ["docno"] = "docno",
        ["code"] = "code",
    };

    private readonly List<string> _tokens;
    private readonly string _textColumn;
    private readonly bool _sqlite;
    private int _next;

    private TrgmQuery(string query, string textColumn, bool sqlite)
    {
        _tokens = Tokenize(query);
        _textColumn = textColumn;
        _sqlite = sqlite;
    }

    public List<object> Parameters { get; } = [];

    public List<string> Words { get; } = [];

    /// <summary>The WHERE condition (parameters $1… for PostgreSQL, $p1… for SQLite) and the words for ranking.</summary>
    public static TrgmQuery Parse(string query, string textColumn, out string where, bool sqlite = false)
    {
        var parsed = new TrgmQuery(query, textColumn, sqlite);
        where = parsed._tokens.Count == 0 ? "false" : parsed.Or();
        return parsed;
    }

    private string Or()
    {
        var parts = new List<string> { And() };
        while (Peek() is "OR" or "或" or "|")
        {
            _next++;
            parts.Add(And());
        }

        return parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts) + ")";
    }

    private string And()
    {
        var parts = new List<string>();
        while (Peek() is { } token && token is not ("OR" or "或" or "|" or ")"))
        {
            if (token is "AND" or "与" or "&")
            {
                _next++;
                continue;
            }

            parts.Add(Unary());
        }

        return parts.Count == 0 ? "true" : parts.Count == 1 ? parts[0] : "(" + string.Join(" AND ", parts) + ")";
    }

    private string Unary()
    {
        var token = _tokens[_next++];
        if (token is "NOT" or "非" or "-")
        {
            return "NOT " + Unary();
        }

        if (token == "(")
        {
            var inner = Or();
            if (Peek() == ")")
            {
                _next++;
            }

            return inner;
        }

        var colon = token.IndexOfAny([':', '：']);
        if (colon > 0)
        {
            var field = token[..colon];
            var value = token[(colon + 1)..].Trim('"');
            if (field is "年度" or "year")
            {
                var range = value.Split('-');
                var from = int.Parse(range[0], CultureInfo.InvariantCulture);
                var to = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : from;
                return string.Create(CultureInfo.InvariantCulture, $"(year BETWEEN {from} AND {to})");
            }

            if (Columns.TryGetValue(field, out var column))
            {
                return Like(column, value);
            }
        }

        return Like(_textColumn, token.Trim('"'));
    }

    private string Like(string column, string value)
    {
        Words.Add(value);
        Parameters.Add("%" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        return _sqlite
            ? string.Create(CultureInfo.InvariantCulture, $"{column} LIKE $p{Parameters.Count} ESCAPE '\\'")
            : string.Create(CultureInfo.InvariantCulture, $"{column} ILIKE ${Parameters.Count}");
    }

    private string? Peek() => _next < _tokens.Count ? _tokens[_next] : null;

    private static List<string> Tokenize(string query)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var depth = 0;
        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var c in query)
        {
            if (c == '"')
            {
                current.Append(c);
                quoted = !quoted;
            }
            else if (!quoted && char.IsWhiteSpace(c))
            {
                Flush();
            }
            else if (!quoted && c == '(' && current.Length == 0)
            {
                // A group opens only at the start of a word: 内政发(2019)3号 is one word.
                depth++;
                tokens.Add("(");
            }
            else if (!quoted && c == ')' && depth > 0 && !current.ToString().Contains('(', StringComparison.Ordinal))
            {
                depth--;
                Flush();
                tokens.Add(")");
            }
            else
            {
                current.Append(c);
            }
        }

        Flush();
        return tokens;
    }
}
