using Lantai.Catalogue;

namespace Lantai.Transfer.Checks;

/// <summary>One catalogue row under check: the record it describes and the files its 文件 column names.</summary>
public sealed record CheckSubjectItem
{
    public required Guid ItemId { get; init; }

    /// <summary>Row in the catalogue file, for the report ("第12行").</summary>
    public required int RowNumber { get; init; }

    /// <summary>The record as the row describes it; null when the row could not be read into one (see <see cref="RowErrors"/>).</summary>
    public Record? Record { get; init; }

    /// <summary>The 文件 column's entries, NFC, in order.</summary>
    public required IReadOnlyList<string> FileRefs { get; init; }

    /// <summary>What the catalogue reading found wrong in the row ("列名: 原因"), as the catalogue import reports it.</summary>
    public IReadOnlyList<string> RowErrors { get; init; } = [];
}
