using Lantai.Catalogue;

namespace Lantai.Transfer;

/// <summary>A package's catalogue as read: its rows, and what is wrong with the file as a whole (no 文件 column, unreadable …).</summary>
public sealed record TransferCatalogue
{
    public required IReadOnlyList<TransferCatalogueRow> Rows { get; init; }

    public IReadOnlyList<string> FileErrors { get; init; } = [];

    /// <summary>Things the catalogue import would warn of (unknown columns, codes read from names …), "第R行 列名: 说明".</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Fonds the rows name that the catalogue does not have yet, ready to add (the rows' records already carry their
    /// ids): accepting the transfer must add them with the records, as the catalogue import does.
    /// </summary>
    public IReadOnlyList<Fonds> NewFonds { get; init; } = [];

    /// <summary>Org units (机构问题) met for the first time, ready to add like <see cref="NewFonds"/>.</summary>
    public IReadOnlyList<OrgUnit> NewOrgUnits { get; init; } = [];
}
