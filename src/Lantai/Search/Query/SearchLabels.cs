using Lantai.Catalogue;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search.Query;

/// <summary>
/// The names behind the codes: code lists and categories (CatalogueRules), fonds and org unit names. Used both ways:
/// facet labels (code → name) and code-field queries (门类:文书 → WS). Loaded once per search service (scoped).
/// </summary>
internal sealed class SearchLabels
{
    public const string UnclassifiedLabel = "无密级";

    private SearchLabels(CatalogueRules rules, IReadOnlyDictionary<string, string> fonds, IReadOnlyDictionary<string, string> orgUnits)
    {
        Rules = rules;
        Fonds = fonds;
        OrgUnits = orgUnits;
    }

    public CatalogueRules Rules { get; }

    public IReadOnlyDictionary<string, string> Fonds { get; }

    public IReadOnlyDictionary<string, string> OrgUnits { get; }

    /// <summary>Labels without a database: the seeded code lists, codes shown as they are.</summary>
    public static SearchLabels Default { get; } = new(CatalogueRules.Default, new Dictionary<string, string>(), new Dictionary<string, string>());

    public static async Task<SearchLabels> LoadAsync(LantaiDbContext db, CancellationToken cancellationToken)
    {
        var rules = await CatalogueRules.LoadAsync(db, cancellationToken);
        var fonds = await db.Fonds.AsNoTracking().Select(f => new { f.Code, f.Name }).ToListAsync(cancellationToken);
        var orgs = await db.OrgUnits.AsNoTracking().Select(o => new { o.Code, o.Name }).ToListAsync(cancellationToken);
        return new SearchLabels(
            rules,
            fonds.GroupBy(f => f.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal),
            orgs.GroupBy(o => o.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal));
    }

    /// <summary>The Chinese label of a facet value.</summary>
    public string Label(string field, string value) => field switch
    {
        SearchFields.FondsCode => Fonds.GetValueOrDefault(value, value),
        SearchFields.CategoryCode => Rules.Categories.GetValueOrDefault(value, value),
        SearchFields.RetentionCode => Rules.Retentions.TryGetValue(value, out var r) ? r.Name : value,
        SearchFields.Classification => value == SearchFields.Unclassified ? UnclassifiedLabel : Rules.Classifications.TryGetValue(value, out var c) ? c.Name : value,
        SearchFields.Carrier => Rules.Carriers.TryGetValue(value, out var k) ? k.Name : value,
        SearchFields.OrgUnitCode => OrgUnits.GetValueOrDefault(value, value),
        SearchFields.OpenStatus => Enum.TryParse<OpenStatus>(value, out var s) ? RecordFields.OpenStatusLabel(s) : value,
        _ => value,
    };

    /// <summary>The index values a code-field query value stands for: 门类:文书 and 门类:WS both give WS.</summary>
    public IReadOnlyList<string> Codes(QueryField field, string value) => field switch
    {
        QueryField.Fonds => Resolve(value, Fonds.Select(f => (f.Key, f.Value))),
        QueryField.Category => Resolve(value, Rules.Categories.Select(c => (c.Key, c.Value))),
        QueryField.Retention => Resolve(value, Rules.Retentions.Values.Select(r => (r.Code, r.Name))),
        QueryField.Carrier => Resolve(value, Rules.Carriers.Values.Select(c => (c.Code, c.Name))),
        QueryField.Classification => Resolve(value, Rules.Classifications.Values.Select(c => (c.Code, c.Name))
            .Append((SearchFields.Unclassified, UnclassifiedLabel)).Append((SearchFields.Unclassified, "非密")).Append((SearchFields.Unclassified, "无"))),
        QueryField.OpenStatus => Resolve(value, Enum.GetValues<OpenStatus>().Select(s => (s.ToString(), RecordFields.OpenStatusLabel(s)))
            .Append((nameof(OpenStatus.Controlled), "控制使用")).Append((nameof(OpenStatus.Unreviewed), "未审核"))),
        _ => [value],
    };

    /// <summary>Exact code (any case) or exact name first; else names containing the value; else the value as a code.</summary>
    private static List<string> Resolve(string value, IEnumerable<(string Code, string Name)> entries)
    {
        var list = entries.ToList();
        var exact = list.Where(e => string.Equals(e.Code, value, StringComparison.OrdinalIgnoreCase) || string.Equals(e.Name, value, StringComparison.Ordinal))
            .Select(e => e.Code).Distinct(StringComparer.Ordinal).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }

        var partial = list.Where(e => e.Name.Contains(value, StringComparison.Ordinal)).Select(e => e.Code).Distinct(StringComparer.Ordinal).ToList();
        return partial.Count > 0 ? partial : [value];
    }
}
