using System.Text;
using Lantai.Catalogue;
using Lantai.Data;
using Lantai.Preservation;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Search.Content;

/// <summary>
/// The content text of records for their search documents: the text of each file in the record's order (from
/// <see cref="ContentTextCache"/>), then the text of every <see cref="IRecordTextSource"/> (OCR), capped at
/// <see cref="ContentTextCache.MaxChars"/> per record.
/// </summary>
public sealed class RecordContent(ContentTextCache cache, IEnumerable<IRecordTextSource> sources)
{
    private readonly IRecordTextSource[] _sources = sources?.ToArray() ?? [];

    /// <summary>The files of these records that carry text, by record, in file order (one query).</summary>
    public static async Task<Dictionary<RecordId, List<RecordFile>>> FilesAsync(LantaiDbContext db, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (records is not { Count: > 0 })
        {
            return [];
        }

        var files = await db.RecordFiles.AsNoTracking().Where(f => records.Contains(f.RecordId)).ToListAsync(cancellationToken);
        return files.Where(f => ContentTextExtractor.HasText(f.FormatId))
            .GroupBy(f => f.RecordId).ToDictionary(g => g.Key, g => g.OrderBy(f => f.Sequence).ToList());
    }

    /// <summary>The extra text (OCR …) of these records, when any source is registered.</summary>
    public async Task<IReadOnlyDictionary<RecordId, string>?> ExtraAsync(IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
    {
        if (_sources.Length == 0)
        {
            return null;
        }

        var merged = new Dictionary<RecordId, string>();
        foreach (var source in _sources)
        {
            foreach (var (id, text) in await source.GetTextAsync(records, cancellationToken))
            {
                merged[id] = merged.TryGetValue(id, out var before) ? before + "\n" + text : text;
            }
        }

        return merged;
    }

    /// <summary>Joins the files' text and the extra text of one record; null when there is none.</summary>
    public string? Compose(IReadOnlyList<RecordFile>? files, string? extra, CancellationToken cancellationToken)
    {
        if (files is not { Count: > 0 } && string.IsNullOrEmpty(extra))
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var file in files ?? [])
        {
            if (cache.TextOf(file.ObjectSm3, file.FormatId, cancellationToken) is { Length: > 0 } t)
            {
                text.Append(t).Append('\n');
            }

            if (text.Length >= ContentTextCache.MaxChars)
            {
                break;
            }
        }

        if (!string.IsNullOrEmpty(extra))
        {
            text.Append(extra);
        }

        if (text.Length > ContentTextCache.MaxChars)
        {
            text.Length = ContentTextCache.MaxChars;
        }

        return text.Length == 0 ? null : text.ToString();
    }
}
