using Lantai.Catalogue;

namespace Lantai.Search.Content;

/// <summary>
/// Text of a record that does not come from its files' own text layer — the extension point for OCR of page images
/// (Digitization). Register implementations in the container; <see cref="RecordContent"/> appends what each returns
/// after the files' text. Implementations should read from their own durable results (never run OCR here) and be
/// fast: they are called for every record an index update or a rebuild touches.
/// </summary>
public interface IRecordTextSource
{
    /// <summary>The extra text of each of <paramref name="records"/> that has any (absent keys have none).</summary>
    Task<IReadOnlyDictionary<RecordId, string>> GetTextAsync(IReadOnlyList<RecordId> records, CancellationToken cancellationToken);
}
