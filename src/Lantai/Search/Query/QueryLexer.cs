using System.Text;

namespace Lantai.Search.Query;

/// <summary>
/// Splits a query into words, phrases, field names, operators and parentheses. Lenient by design: a stray quote runs
/// to the end, a stray ")" is dropped, a "name:" whose name is not a field stays part of the word (10:30, URLs).
/// Only ASCII parentheses group: full-width （2021） belongs to document numbers and is left to the analyzer.
/// </summary>
internal static class QueryLexer
{
    public static List<Lexeme> Split(string query)
    {
        var text = Normalise(query);
        var result = new List<Lexeme>();
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            // A field's value is read as it stands: 年度:-2010 is a range, not a negation.
            var afterField = result.Count > 0 && result[^1].Kind == LexemeKind.Field;
            if (c == '(')
            {
                depth++;
                result.Add(new Lexeme(LexemeKind.Open, "("));
                i++;
            }
            else if (c == ')')
            {
                if (depth > 0)
                {
                    depth--;
                    result.Add(new Lexeme(LexemeKind.Close, ")"));
                }

                i++;
            }
            else if (c == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    end = text.Length;
                }

                result.Add(new Lexeme(LexemeKind.Phrase, text[(i + 1)..end]));
                i = end + 1;
            }
            else if ((c is '+' or '-') && !afterField && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                result.Add(new Lexeme(c == '+' ? LexemeKind.Required : LexemeKind.Not, c.ToString()));
                i++;
            }
            else
            {
                i = ReadWord(text, i, afterField, result);
            }
        }

        return result;
    }

    private static int ReadWord(string text, int start, bool afterField, List<Lexeme> result)
    {
        var word = new StringBuilder();
        var parens = 0;
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '"' || (c == ')' && parens == 0))
            {
                break;
            }

            if (c == ':' && !afterField && parens == 0 && QueryFieldNames.TryParse(word.ToString(), out _))
            {
                result.Add(new Lexeme(LexemeKind.Field, word.ToString()));
                return i + 1;
            }

            // A parenthesis inside a word belongs to it: 京政发(2021)12号.
            parens += c == '(' ? 1 : c == ')' ? -1 : 0;
            word.Append(c);
            i++;
        }

        var value = word.ToString();
        var kind = afterField ? LexemeKind.Word : value switch
        {
            "AND" or "&&" or "与" or "且" => LexemeKind.And,
            "OR" or "||" or "或" => LexemeKind.Or,
            "NOT" or "非" => LexemeKind.Not,
            _ => LexemeKind.Word,
        };
        result.Add(new Lexeme(kind, value));
        return i;
    }

    /// <summary>Full-width syntax characters and Chinese quotes become their ASCII forms; everything else is left to the analyzer.</summary>
    private static string Normalise(string query)
    {
        var chars = query.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '：' => ':',
                '“' or '”' or '「' or '」' or '『' or '』' or '＂' or '„' => '"',
                '＋' => '+',
                '－' => '-',
                '\u3000' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars);
    }
}

/// <summary>One piece of a query as the lexer saw it.</summary>
internal readonly record struct Lexeme(LexemeKind Kind, string Text);

/// <summary>What a lexeme is.</summary>
internal enum LexemeKind
{
    Word,
    Phrase,
    Field,
    And,
    Or,
    Not,
    Required,
    Open,
    Close,
}
