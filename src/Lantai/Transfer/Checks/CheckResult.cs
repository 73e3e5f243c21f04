using Lantai.Catalogue;

namespace Lantai.Transfer.Checks;

/// <summary>
/// One line of a check report: which item (<see cref="Code"/>, copied with its name and property so the report stays
/// as it was even when the rules change), on what (the package, an item, a file), the outcome and the evidence.
/// </summary>
public sealed class CheckResult
{
    public Guid Id { get; set; } = Common.Ids.New();

    public Guid RunId { get; set; }

    public int Sequence { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public CheckProperty Property { get; set; }

    public CheckOutcome Outcome { get; set; }

    public bool Blocking { get; set; }

    /// <summary>What was seen (Chinese), e.g. "声明SM3 66c7…，计算得 66c7…" or "第12行 文件“附件.pdf”不在包内".</summary>
    public required string Evidence { get; set; }

    /// <summary>The transfer item the line is about, if any.</summary>
    public Guid? ItemId { get; set; }

    /// <summary>The record the line is about, if any (preservation-stage checks).</summary>
    public RecordId? RecordId { get; set; }

    /// <summary>The file the line is about (its path as received), if any.</summary>
    public string? FilePath { get; set; }
}
