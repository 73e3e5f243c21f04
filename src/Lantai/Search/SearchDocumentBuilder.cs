using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace Lantai.Search;

/// <summary>Turns a record into its search document (<see cref="SearchFields"/>): one document per record.</summary>
public static class SearchDocumentBuilder
{
    public static Document Build(SearchSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var r = source.Record;
        var doc = new Document
        {
            new StringField(SearchFields.Id, r.Id.ToString(), Field.Store.YES),
        };

        AddText(doc, SearchFields.Title, r.Title);
        AddText(doc, SearchFields.Author, r.Author);
        AddText(doc, SearchFields.DocumentNumber, r.DocumentNumber);
        AddText(doc, SearchFields.ArchivalCode, r.ArchivalCode);
        AddText(doc, SearchFields.Remarks, r.Remarks);
        AddText(doc, SearchFields.OrgUnitName, source.OrgUnitName);
        AddText(doc, SearchFields.Content, source.Content);

        AddKeyword(doc, SearchFields.FondsCode, r.FondsCode);
        AddKeyword(doc, SearchFields.CategoryCode, r.CategoryCode);
        AddKeyword(doc, SearchFields.RetentionCode, r.RetentionCode);
        AddKeyword(doc, SearchFields.OrgUnitCode, r.OrgUnitCode);
        AddKeyword(doc, SearchFields.Classification, string.IsNullOrEmpty(r.Classification) ? SearchFields.Unclassified : r.Classification);
        AddKeyword(doc, SearchFields.OpenStatus, r.OpenStatus.ToString());
        AddKeyword(doc, SearchFields.Carrier, r.Carrier);

        doc.Add(new Int32Field(SearchFields.Year, r.Year, Field.Store.YES));
        doc.Add(new SortedDocValuesField(SearchFields.Year, new BytesRef(r.Year.ToString(CultureInfo.InvariantCulture))));
        var date = r.Date is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : 0;
        doc.Add(new StoredField(SearchFields.Date, date));
        doc.Add(new NumericDocValuesField(SearchFields.Date, date));
        doc.Add(new SortedDocValuesField(SearchFields.CodeSort, new BytesRef(r.ArchivalCode)));
        return doc;
    }

    private static void AddText(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new TextField(field, value, Field.Store.YES));
        }
    }

    private static void AddKeyword(Document doc, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            doc.Add(new StringField(field, value, Field.Store.YES));
            doc.Add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }
}
