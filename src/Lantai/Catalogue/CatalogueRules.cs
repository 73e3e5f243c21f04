using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// A snapshot of the editable code lists and archival-code templates, loaded once per use case so validation is pure.
/// </summary>
public sealed class CatalogueRules
{
    private readonly Dictionary<string, ArchivalCodeFormat> _formats;

    public CatalogueRules(
        IEnumerable<Category> categories,
        IEnumerable<CodeListEntry> codeLists,
        IEnumerable<ArchivalCodeTemplate> templates)
    {
        ArgumentNullException.ThrowIfNull(codeLists);
        var entries = codeLists.ToList();
        Categories = categories.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal);
        Retentions = entries.Where(e => e.List == CodeLists.Retention).ToDictionary(e => e.Code, StringComparer.Ordinal);
        Classifications = entries.Where(e => e.List == CodeLists.Classification).ToDictionary(e => e.Code, StringComparer.Ordinal);
        Carriers = entries.Where(e => e.List == CodeLists.Carrier).ToDictionary(e => e.Code, StringComparer.Ordinal);
        Templates = templates.ToDictionary(t => t.Key, StringComparer.Ordinal);
        _formats = Templates.ToDictionary(t => t.Key, t => new ArchivalCodeFormat(t.Value.Pattern), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> Categories { get; }

    public IReadOnlyDictionary<string, CodeListEntry> Retentions { get; }

    public IReadOnlyDictionary<string, CodeListEntry> Classifications { get; }

    public IReadOnlyDictionary<string, CodeListEntry> Carriers { get; }

    public IReadOnlyDictionary<string, ArchivalCodeTemplate> Templates { get; }

    /// <summary>The seeded defaults, for pure tests and tools that run without a database.</summary>
    public static CatalogueRules Default { get; } = new(SeedData.Categories, SeedData.CodeListEntries, ArchivalCodeTemplate.Defaults);

    public static async Task<CatalogueRules> LoadAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var lists = await db.CodeListEntries.AsNoTracking().ToListAsync(cancellationToken);
        var templates = await db.ArchivalCodeTemplates.AsNoTracking().ToListAsync(cancellationToken);
        return new CatalogueRules(categories, lists, templates);
    }

    public ArchivalCodeFormat Format(string templateKey) =>
        _formats.TryGetValue(templateKey, out var f) ? f : _formats[ArchivalCodeTemplate.Dat22ItemKey];

    /// <summary>The classification codes a user of the given clearance may see ("" = unclassified is always visible).</summary>
    public IReadOnlyList<string> VisibleClassifications(int clearance) =>
        [.. Classifications.Values.Where(c => c.Rank <= clearance).Select(c => c.Code).Append("")];

    /// <summary>The rank of a classification code (0 for unclassified or unknown).</summary>
    public int ClassificationRank(string? code) =>
        !string.IsNullOrEmpty(code) && Classifications.TryGetValue(code, out var c) ? c.Rank : 0;
}
