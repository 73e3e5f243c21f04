namespace Lantai.Transfer.Packages;

/// <summary>The record one DA/T 48 EEP encapsulates: its metadata as catalogue cells and its decoded files.</summary>
internal sealed record EepRecord
{
    /// <summary>The EEP's path in the package (its file name for a single EEP).</summary>
    public required string Source { get; init; }

    /// <summary>Catalogue column (目录 header, e.g. "题名") → value.</summary>
    public required IReadOnlyDictionary<string, string> Cells { get; init; }

    public required IReadOnlyList<EepFile> Files { get; init; }

    /// <summary>The EEP carries an 电子签名块 or 锁定签名.</summary>
    public bool Signed { get; init; }

    /// <summary>版本 when it is not 2009.</summary>
    public string? OtherVersion { get; init; }
}
