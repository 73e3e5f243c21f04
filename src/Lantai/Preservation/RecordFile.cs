using Lantai.Catalogue;

namespace Lantai.Preservation;

/// <summary>
/// A computer file (计算机文件) of a record: the stored object plus what the object alone cannot say — the file's
/// original name exactly as received (DA/T 46 计算机文件名), its place among the record's files and its format.
/// </summary>
public sealed class RecordFile
{
    public Guid Id { get; set; } = Common.Ids.New();

    public RecordId RecordId { get; set; }

    /// <summary>1-based order of the file inside the record.</summary>
    public int Sequence { get; set; }

    /// <summary>The name (path inside the package) exactly as received; never rewritten (DESIGN.md §5, Text).</summary>
    public required string OriginalName { get; set; }

    public required string ObjectSm3 { get; set; }

    public long Length { get; set; }

    /// <summary>Format identified from the content (a format id such as pdf, pdf-a-2, ofd, tiff).</summary>
    public required string FormatId { get; set; }

    public required string MediaType { get; set; }

    /// <summary>The transfer the file came in, when it came in one.</summary>
    public Guid? TransferId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
