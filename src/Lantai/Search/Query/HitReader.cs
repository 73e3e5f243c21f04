using System.Globalization;
using Lantai.Catalogue;
using Lucene.Net.Documents;

namespace Lantai.Search.Query;

/// <summary>Turns a stored search document into a hit for an audience: the public never gets classification or remarks.</summary>
internal static class HitReader
{
    /// <summary>Snippet fields in display order, title first.</summary>
    private static readonly string[] SnippetFields =
        [SearchFields.Title, SearchFields.DocumentNumber, SearchFields.Author, SearchFields.ArchivalCode, SearchFields.OrgUnitName, SearchFields.Remarks, SearchFields.Content];

    /// <summary>The stored fields a hit needs; content only when snippets are wanted (it can be large).</summary>
    public static HashSet<string> FieldsToLoad(bool snippets)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal)
        {
            SearchFields.Id, SearchFields.Title, SearchFields.Author, SearchFields.DocumentNumber, SearchFields.ArchivalCode,
            SearchFields.Remarks, SearchFields.OrgUnitName, SearchFields.FondsCode, SearchFields.CategoryCode, SearchFields.Year,
            SearchFields.RetentionCode, SearchFields.OrgUnitCode, SearchFields.Classification, SearchFields.OpenStatus,
            SearchFields.Carrier, SearchFields.Date,
        };
        if (snippets)
        {
            fields.Add(SearchFields.Content);
        }

        return fields;
    }

    public static SearchHit Read(Document doc, float score, SearchAudience audience, IReadOnlyDictionary<string, HashSet<string>>? highlight)
    {
        var staff = audience == SearchAudience.Staff;
        var open = Enum.TryParse<OpenStatus>(Get(doc, SearchFields.OpenStatus), out var status) ? status : OpenStatus.Unreviewed;
        var classification = Get(doc, SearchFields.Classification);
        var date = doc.GetField(SearchFields.Date)?.GetInt32Value() ?? 0;
        var snippets = new List<Snippet>();
        if (highlight is not null)
        {
            foreach (var field in SnippetFields)
            {
                // The public sees no remarks and the content of fully open records only.
                if (!staff && (field == SearchFields.Remarks || (field == SearchFields.Content && open != OpenStatus.Open)))
                {
                    continue;
                }

                if (SnippetBuilder.Build(field, Get(doc, field), highlight.GetValueOrDefault(field)) is { } snippet)
                {
                    snippets.Add(snippet);
                }
            }
        }

        return new SearchHit
        {
            Id = RecordId.Parse(Get(doc, SearchFields.Id)!, CultureInfo.InvariantCulture),
            ArchivalCode = Get(doc, SearchFields.ArchivalCode) ?? "",
            Title = Get(doc, SearchFields.Title) ?? "",
            Author = Get(doc, SearchFields.Author),
            DocumentNumber = Get(doc, SearchFields.DocumentNumber),
            Date = date > 0 ? new DateOnly(date / 10000, date / 100 % 100, date % 100) : null,
            Year = doc.GetField(SearchFields.Year)?.GetInt32Value() ?? 0,
            FondsCode = Get(doc, SearchFields.FondsCode) ?? "",
            CategoryCode = Get(doc, SearchFields.CategoryCode) ?? "",
            RetentionCode = Get(doc, SearchFields.RetentionCode) ?? "",
            OrgUnitCode = Get(doc, SearchFields.OrgUnitCode),
            Carrier = Get(doc, SearchFields.Carrier),
            OpenStatus = open,
            Classification = staff ? (classification == SearchFields.Unclassified ? "" : classification) : null,
            Remarks = staff ? Get(doc, SearchFields.Remarks) : null,
            Score = float.IsFinite(score) ? score : 0,
            Snippets = snippets,
        };
    }

    private static string? Get(Document doc, string field) => doc.Get(field, CultureInfo.InvariantCulture);
}
