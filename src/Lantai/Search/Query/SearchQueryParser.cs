namespace Lantai.Search.Query;

/// <summary>
/// Parses Lantai's query syntax. Hand-written rather than Lucene's classic QueryParser, which throws on bad syntax,
/// knows neither Chinese field names, full-width colons and Chinese quotes nor 与/或/非 and 2001-2010 year ranges, and
/// would turn CJK text into loose OR-ed bigrams instead of phrases. Never fails: whatever cannot be read as syntax is
/// read as text. Precedence: OR binds tighter than AND (档案 征集 OR 收集 = 档案 AND (征集 OR 收集)), as in web search;
/// explicit AND and juxtaposition are the same.
/// </summary>
internal sealed class SearchQueryParser
{
    private readonly List<Lexeme> _lexemes;
    private int _next;

    private SearchQueryParser(List<Lexeme> lexemes) => _lexemes = lexemes;

    /// <summary>The parsed query; null when it holds nothing but operators and parentheses.</summary>
    public static QueryNode? Parse(string query) => new SearchQueryParser(QueryLexer.Split(query)).ParseAll();

    private QueryNode? ParseAll()
    {
        var node = ParseAnd(field: null);
        while (_next < _lexemes.Count)
        {
            // Only an unmatched ")" stops ParseAnd early; the lexer already drops those, but stay safe.
            _next++;
            node = Combine(node, ParseAnd(field: null));
        }

        return node;
    }

    private static QueryNode? Combine(QueryNode? left, QueryNode? right) =>
        left is null ? right : right is null ? left : new AndNode([left, right]);

    private QueryNode? ParseAnd(QueryField? field)
    {
        var items = new List<QueryNode>();
        while (_next < _lexemes.Count && _lexemes[_next].Kind != LexemeKind.Close)
        {
            if (_lexemes[_next].Kind is LexemeKind.And or LexemeKind.Or)
            {
                _next++; // a dangling operator (档案 AND, OR 档案) is read as nothing
                continue;
            }

            if (ParseOr(field) is { } item)
            {
                items.Add(item);
            }
        }

        return items.Count switch
        {
            0 => null,
            1 => items[0],
            _ => new AndNode(items),
        };
    }

    private QueryNode? ParseOr(QueryField? field)
    {
        var first = ParseUnary(field);
        var items = first is null ? [] : new List<QueryNode> { first };
        while (_next < _lexemes.Count && _lexemes[_next].Kind == LexemeKind.Or)
        {
            _next++;
            if (ParseUnary(field) is { } item)
            {
                items.Add(item);
            }
        }

        return items.Count switch
        {
            0 => null,
            1 => items[0],
            _ => new OrNode(items),
        };
    }

    private QueryNode? ParseUnary(QueryField? field)
    {
        if (_next >= _lexemes.Count)
        {
            return null;
        }

        switch (_lexemes[_next].Kind)
        {
            case LexemeKind.Not:
                _next++;
                return ParseUnary(field) is { } negated ? new NotNode(negated) : null;
            case LexemeKind.Required:
                _next++;
                return ParseUnary(field);
            default:
                return ParsePrimary(field);
        }
    }

    private QueryNode? ParsePrimary(QueryField? field)
    {
        if (_next >= _lexemes.Count)
        {
            return null;
        }

        var lexeme = _lexemes[_next];
        switch (lexeme.Kind)
        {
            case LexemeKind.Open:
                _next++;
                var inner = ParseAnd(field);
                if (_next < _lexemes.Count && _lexemes[_next].Kind == LexemeKind.Close)
                {
                    _next++;
                }

                return inner;
            case LexemeKind.Field:
                _next++;
                if (!QueryFieldNames.TryParse(lexeme.Text, out var named))
                {
                    return null; // the lexer only makes field lexemes of known names
                }

                var next = _next < _lexemes.Count ? _lexemes[_next].Kind : LexemeKind.Close;
                return next is LexemeKind.Word or LexemeKind.Phrase or LexemeKind.Open ? ParsePrimary(named) : null;
            case LexemeKind.Word:
                _next++;
                return new TextNode(field, lexeme.Text, IsPhrase: false);
            case LexemeKind.Phrase:
                _next++;
                return string.IsNullOrWhiteSpace(lexeme.Text) ? null : new TextNode(field, lexeme.Text, IsPhrase: true);
            default:
                _next++; // an operator where a term should be (档案 OR OR 征集): skip it
                return null;
        }
    }
}
