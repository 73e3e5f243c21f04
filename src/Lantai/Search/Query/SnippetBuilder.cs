using System.Text;

namespace Lantai.Search.Query;

/// <summary>
/// A small highlighter of our own (Lucene.Net.Highlighter is not on the package mirror): the stored text is tokenised
/// again with the analysis chain, tokens whose terms the query looked for are marked by their offsets, and for content
/// the ~80-character window holding the most matches is kept. Returns parts, never HTML.
/// </summary>
internal static class SnippetBuilder
{
    public const int ContentWindow = 80;
    private const int LeadIn = 20;

    // Content beyond this is not re-tokenised for snippets: the cost would grow with the file, the reader gains little.
    private const int MaxContentScan = 50_000;

    public static Snippet? Build(string field, string? text, IReadOnlySet<string>? terms)
    {
        if (string.IsNullOrEmpty(text) || terms is null || terms.Count == 0)
        {
            return null;
        }

        var windowed = field == SearchFields.Content;
        var scanned = windowed && text.Length > MaxContentScan ? text[..MaxContentScan] : text;
        var spans = Matches(scanned, terms);
        if (spans.Count == 0)
        {
            return null;
        }

        var (start, end) = windowed ? Window(scanned, spans) : (0, text.Length);
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("…", IsMatch: false));
        }

        var at = start;
        foreach (var (s, e) in spans.Where(m => m.Start >= start && m.End <= end))
        {
            if (s > at)
            {
                parts.Add(new SnippetPart(Clean(text[at..s], windowed), IsMatch: false));
            }

            parts.Add(new SnippetPart(text[s..e], IsMatch: true));
            at = e;
        }

        if (end > at)
        {
            parts.Add(new SnippetPart(Clean(text[at..end], windowed), IsMatch: false));
        }

        if (end < text.Length)
        {
            parts.Add(new SnippetPart("…", IsMatch: false));
        }

        return new Snippet(field, parts);
    }

    /// <summary>The matched stretches of the text, overlapping and touching tokens merged (档案 案征 征集 → 档案征集).</summary>
    private static List<(int Start, int End)> Matches(string text, IReadOnlySet<string> terms)
    {
        var spans = new List<(int Start, int End)>();
        foreach (var token in QueryTokenizer.Tokens(text).Where(t => terms.Contains(t.Term)).OrderBy(t => t.StartOffset))
        {
            if (spans.Count > 0 && token.StartOffset <= spans[^1].End)
            {
                spans[^1] = (spans[^1].Start, Math.Max(spans[^1].End, token.EndOffset));
            }
            else
            {
                spans.Add((token.StartOffset, token.EndOffset));
            }
        }

        return spans;
    }

    /// <summary>The window of about <see cref="ContentWindow"/> characters that holds the most matched characters.</summary>
    private static (int Start, int End) Window(string text, List<(int Start, int End)> spans)
    {
        var best = (Start: 0, End: 0, Score: -1);
        foreach (var span in spans)
        {
            var from = Math.Max(0, span.Start - LeadIn);
            var to = Math.Min(text.Length, from + ContentWindow);
            var score = spans.Where(s => s.Start >= from && s.End <= to).Sum(s => s.End - s.Start);
            if (score > best.Score)
            {
                best = (from, to, score);
            }
        }

        // Never cut a match in two at the window's end, nor a surrogate pair (CJK extension B, Mongolian) at either end.
        var end = spans.Where(s => s.Start < best.End && s.End > best.End).Select(s => s.End).DefaultIfEmpty(best.End).Max();
        var begin = best.Start;
        if (begin > 0 && char.IsLowSurrogate(text[begin]))
        {
            begin--;
        }

        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }

        return (begin, end);
    }

    /// <summary>Line breaks and tabs of extracted text become single spaces in a content snippet.</summary>
    private static string Clean(string text, bool windowed)
    {
        if (!windowed)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length == 0 || builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
