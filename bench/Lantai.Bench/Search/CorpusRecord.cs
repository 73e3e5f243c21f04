using Lantai.Catalogue;
using Lantai.Search;

namespace Lantai.Bench.Search;

/// <summary>A generated record with its org unit's name, as the indexer gets them from the database.</summary>
internal sealed record CorpusRecord(Record Record, string OrgUnitName)
{
    public SearchSource Source(string? content = null) => new(Record, OrgUnitName, content);

    /// <summary>The text the baselines search: every field the one search box covers (staff), space-separated.</summary>
    public string BaselineText => string.Join(' ', Record.Title, Record.Author, Record.DocumentNumber, Record.ArchivalCode, OrgUnitName, Record.Remarks);
}
