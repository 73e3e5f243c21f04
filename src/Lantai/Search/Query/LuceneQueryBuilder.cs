using System.Globalization;
using Lantai.Catalogue;
using Lantai.Common;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;

namespace Lantai.Search.Query;

/// <summary>
/// Turns a parsed query into a Lucene query for one audience. Text goes through the analysis chain: one term gives a
/// TermQuery, several a PhraseQuery at their positions (CJK bigrams in a row). A word in the search box becomes a
/// DisjunctionMax over the audience's text fields with their boosts, so a title or document-number match ranks first.
/// The public's content matches count only in fully Open records (PartlyOpen content may hold closed parts).
/// </summary>
internal sealed class LuceneQueryBuilder
{
    public const int MaxQueryLength = 1000;
    private const int MaxWords = 64;
    private const float TieBreaker = 0.1f;

    private readonly SearchAudience _audience;
    private readonly SearchLabels _labels;
    private readonly Dictionary<string, HashSet<string>> _highlight = new(StringComparer.Ordinal);
    private readonly List<Error> _errors = [];
    private int _words;

    private LuceneQueryBuilder(SearchAudience audience, SearchLabels labels)
    {
        _audience = audience;
        _labels = labels;
    }

    /// <summary>Builds the query; an empty query matches every record (the access filter still applies).</summary>
    public static Result<BuiltQuery> Build(string? text, SearchAudience audience, SearchLabels labels)
    {
        text ??= "";
        if (text.Length > MaxQueryLength)
        {
            return Error.Validation("query", $"检索式过长：最多 {MaxQueryLength} 个字符。");
        }

        var builder = new LuceneQueryBuilder(audience, labels);
        var node = SearchQueryParser.Parse(text);
        var query = node is null ? null : builder.Visit(node, negated: false);
        if (builder._errors.Count > 0)
        {
            return Result<BuiltQuery>.Fail(builder._errors);
        }

        if (query is null)
        {
            if (!string.IsNullOrWhiteSpace(text) && node is not null)
            {
                return Error.Validation("query", $"检索式“{text.Trim()}”中没有可检索的文字。");
            }

            query = new MatchAllDocsQuery();
        }

        return new BuiltQuery(query, builder._highlight);
    }

    private LuceneQuery? Visit(QueryNode node, bool negated) => node switch
    {
        TextNode t => Text(t, negated),
        AndNode a => And(a, negated),
        OrNode o => Or(o, negated),
        NotNode n => Not(n, negated),
        _ => null,
    };

    private BooleanQuery? And(AndNode node, bool negated)
    {
        var query = new BooleanQuery();
        var positives = 0;
        foreach (var item in node.Items)
        {
            if (item is NotNode not)
            {
                if (Visit(not.Item, !negated) is { } excluded)
                {
                    query.Add(excluded, Occur.MUST_NOT);
                }
            }
            else if (Visit(item, negated) is { } included)
            {
                // 档案 档案 asks for 档案 once: the same clause twice would double the work (a conjunction of a list
                // with itself) for the same hits in the same order.
                if (!query.Clauses.Any(c => c.Occur == Occur.MUST && c.Query.Equals(included)))
                {
                    query.Add(included, Occur.MUST);
                }

                positives++;
            }
        }

        if (query.Clauses.Count == 0)
        {
            return null;
        }

        if (positives == 0)
        {
            // Only exclusions (-草稿): everything else. Lucene matches nothing for a purely negative query.
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return InCanonicalOrder(query);
    }

    /// <summary>
    /// The same clauses in a fixed order. AND and OR do not depend on the order of their words, so 工作 档案 and 档案 工作
    /// become the same Lucene query: the same scores to the last bit (a sum in another order can differ there) and one
    /// entry in the result cache for both.
    /// </summary>
    private static BooleanQuery InCanonicalOrder(BooleanQuery query)
    {
        var ordered = new BooleanQuery();
        foreach (var clause in query.Clauses.OrderBy(c => c.Occur).ThenBy(c => c.Query.ToString(), StringComparer.Ordinal))
        {
            ordered.Add(clause);
        }

        return ordered;
    }

    private BooleanQuery? Or(OrNode node, bool negated)
    {
        var query = new BooleanQuery();
        foreach (var item in node.Items)
        {
            if (Visit(item, negated) is { } clause)
            {
                query.Add(clause, Occur.SHOULD);
            }
        }

        return query.Clauses.Count == 0 ? null : InCanonicalOrder(query);
    }

    private BooleanQuery? Not(NotNode node, bool negated)
    {
        if (Visit(node.Item, !negated) is not { } excluded)
        {
            return null;
        }

        return new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { excluded, Occur.MUST_NOT } };
    }

    private LuceneQuery? Text(TextNode node, bool negated)
    {
        if (++_words > MaxWords)
        {
            if (_words == MaxWords + 1)
            {
                _errors.Add(Error.Validation("query", $"检索词过多：最多 {MaxWords} 个。"));
            }

            return null;
        }

        if (node.Field is not { } field)
        {
            return Box(node.Text, negated);
        }

        if (_audience == SearchAudience.Public && QueryFieldNames.IsStaffOnly(field))
        {
            _errors.Add(Error.Validation("query", $"“{QueryFieldNames.Label(field)}”字段仅供馆内工作人员检索。"));
            return null;
        }

        if (QueryFieldNames.TextField(field) is { } textField)
        {
            var analysed = Analysed(textField, node.Text, negated);
            if (analysed is not null && field == QueryField.OrgUnit)
            {
                // 机构:BGS finds the org unit by its code as well as by its name.
                return new BooleanQuery { { analysed, Occur.SHOULD }, { new TermQuery(new Term(SearchFields.OrgUnitCode, node.Text.Trim())), Occur.SHOULD } };
            }

            return field == QueryField.Content && _audience == SearchAudience.Public && analysed is not null
                ? new FilteredQuery(analysed, AccessFilter.OpenContent)
                : analysed;
        }

        if (field == QueryField.Year)
        {
            return Year(node.Text);
        }

        var indexField = field switch
        {
            QueryField.Fonds => SearchFields.FondsCode,
            QueryField.Category => SearchFields.CategoryCode,
            QueryField.Retention => SearchFields.RetentionCode,
            QueryField.Classification => SearchFields.Classification,
            QueryField.OpenStatus => SearchFields.OpenStatus,
            _ => SearchFields.Carrier,
        };
        var codes = new BooleanQuery();
        foreach (var code in _labels.Codes(field, node.Text.Trim()))
        {
            codes.Add(new TermQuery(new Term(indexField, code)), Occur.SHOULD);
        }

        return new ConstantScoreQuery(codes);
    }

    private DisjunctionMaxQuery? Box(string text, bool negated)
    {
        var fields = _audience == SearchAudience.Staff ? SearchFields.StaffTextFields : SearchFields.PublicTextFields;
        var tokens = QueryTokenizer.QueryTokens(text);
        if (tokens.Count == 0)
        {
            return null;
        }

        var query = new DisjunctionMaxQuery(TieBreaker);
        foreach (var (field, boost) in fields)
        {
            var clause = FromTokens(field, tokens, negated);
            if (field == SearchFields.Content && _audience == SearchAudience.Public)
            {
                clause = new FilteredQuery(clause, AccessFilter.OpenContent);
            }

            clause.Boost = boost;
            query.Add(clause);
        }

        // A year typed in the box (2016 征集) also matches the record's 年度, not only years written in its text.
        if (text.Length == 4 && YearRange.TryParse(text, out var year, out _) && year is >= 1000 and <= 2999)
        {
            var byYear = NumericRangeQuery.NewInt32Range(SearchFields.Year, year, year, minInclusive: true, maxInclusive: true);
            byYear.Boost = 1f;
            query.Add(byYear);
        }

        return query;
    }

    private LuceneQuery? Analysed(string field, string text, bool negated)
    {
        var tokens = QueryTokenizer.QueryTokens(text);
        return tokens.Count == 0 ? null : FromTokens(field, tokens, negated);
    }

    private LuceneQuery FromTokens(string field, IReadOnlyList<TextToken> tokens, bool negated)
    {
        if (!negated)
        {
            if (!_highlight.TryGetValue(field, out var terms))
            {
                _highlight[field] = terms = new HashSet<string>(StringComparer.Ordinal);
            }

            terms.UnionWith(tokens.Select(t => t.Term));
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        var phrase = new PhraseQuery();
        var first = tokens[0].Position;
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position - first);
        }

        return phrase;
    }

    private NumericRangeQuery<int>? Year(string text)
    {
        if (YearRange.TryParse(text, out var from, out var to))
        {
            return NumericRangeQuery.NewInt32Range(SearchFields.Year, from, to, minInclusive: true, maxInclusive: true);
        }

        _errors.Add(Error.Validation("query", string.Create(CultureInfo.InvariantCulture, $"年度“{text}”无法识别：请写作 2016、2001-2010 或 2001..2010。")));
        return null;
    }
}
