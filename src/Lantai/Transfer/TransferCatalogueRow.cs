using Lantai.Catalogue;

namespace Lantai.Transfer;

/// <summary>One row of a package's catalogue: the record it describes (checked as a catalogue import checks it) and its files.</summary>
public sealed record TransferCatalogueRow
{
    /// <summary>Row number as a spreadsheet shows it (header = 1).</summary>
    public required int RowNumber { get; init; }

    /// <summary>The record, with 件号 and 档号 assigned or read; null when the row has errors that prevent building it.</summary>
    public Record? Record { get; init; }

    /// <summary>The 文件 column split at ';' (also '；'), trimmed, NFC, '\' turned into '/'.</summary>
    public required IReadOnlyList<string> FileRefs { get; init; }

    /// <summary>"列名: 原因" for each problem of the row.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
