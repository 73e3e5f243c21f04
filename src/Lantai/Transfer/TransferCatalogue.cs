namespace Lantai.Transfer;

/// <summary>A package's catalogue as read: its rows, and what is wrong with the file as a whole (no 文件 column, unreadable …).</summary>
public sealed record TransferCatalogue
{
    public required IReadOnlyList<TransferCatalogueRow> Rows { get; init; }

    public IReadOnlyList<string> FileErrors { get; init; } = [];
}
