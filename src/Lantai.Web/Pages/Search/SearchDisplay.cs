using Lantai.Search;
using Microsoft.AspNetCore.Html;

namespace Lantai.Web.Pages.Search;

/// <summary>
/// How search hits are written on the staff and public pages. Matches become &lt;mark&gt;; the text itself is always
/// HTML-encoded (stored text is data, never markup).
/// </summary>
public static class SearchDisplay
{
    /// <summary>The snippet of <paramref name="field"/>, or null when the match was elsewhere.</summary>
    public static Snippet? SnippetOf(SearchHit hit, string field)
    {
        ArgumentNullException.ThrowIfNull(hit);
        return hit.Snippets.FirstOrDefault(s => s.Field == field && s.Parts.Any(p => p.IsMatch));
    }

    /// <summary>The field's snippet with its matches marked, or the plain value when it has none.</summary>
    public static IHtmlContent Highlighted(SearchHit hit, string field, string? value)
    {
        var snippet = SnippetOf(hit, field);
        if (snippet is null)
        {
            return new HtmlContentBuilder().Append(value ?? "");
        }

        return Marked(snippet);
    }

    public static IHtmlContent Marked(Snippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new HtmlContentBuilder();
        foreach (var part in snippet.Parts)
        {
            if (part.IsMatch)
            {
                html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            }
            else
            {
                html.Append(part.Text);
            }
        }

        return html;
    }

    /// <summary>"ms" figure for the result line: one decimal below 10 ms, whole numbers above.</summary>
    public static string Milliseconds(TimeSpan took) =>
        took.TotalMilliseconds < 10
            ? took.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)
            : took.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    public static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
