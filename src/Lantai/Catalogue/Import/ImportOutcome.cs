namespace Lantai.Catalogue.Import;

/// <summary>A committed import: its id (Record.ImportId of every record it created), the file's SM3 and what it created.</summary>
public sealed record ImportOutcome
{
    public required Guid ImportId { get; init; }

    public required string FileName { get; init; }

    public required ImportFileFormat Format { get; init; }

    public string? Encoding { get; init; }

    /// <summary>Hex SM3 of the file's bytes, also in the audit entry and the CatalogueImport row.</summary>
    public required string Sm3 { get; init; }

    public required int RecordCount { get; init; }

    public required IReadOnlyList<ImportNewFonds> NewFonds { get; init; }

    public required IReadOnlyList<ImportNewOrgUnit> NewOrgUnits { get; init; }

    public required IReadOnlyList<ImportIssue> Warnings { get; init; }

    public required TimeSpan Elapsed { get; init; }
}
