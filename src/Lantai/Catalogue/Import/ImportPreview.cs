namespace Lantai.Catalogue.Import;

/// <summary>
/// What an import would do, without storing anything: counts, the column mapping, the first rows normalised, the fonds
/// and org units it would create, warnings, and every error (the first <see cref="ImportOptions.MaxListedErrors"/> listed).
/// </summary>
public sealed record ImportPreview
{
    public required string FileName { get; init; }

    public required ImportFileFormat Format { get; init; }

    /// <summary>The text encoding of a CSV file (UTF-8, GB18030 …); null for xlsx.</summary>
    public string? Encoding { get; init; }

    public required IReadOnlyList<ImportColumnInfo> Columns { get; init; }

    /// <summary>Data rows read (empty rows are skipped).</summary>
    public int RowCount { get; init; }

    /// <summary>Rows that passed every check: the records a commit creates when there are no errors.</summary>
    public int ValidRowCount { get; init; }

    /// <summary>All errors found, listed or not.</summary>
    public int ErrorCount { get; init; }

    /// <summary>Rows with at least one error.</summary>
    public int ErrorRowCount { get; init; }

    /// <summary>Errors ordered by row, at most <see cref="ImportOptions.MaxListedErrors"/>.</summary>
    public required IReadOnlyList<ImportIssue> Errors { get; init; }

    public required IReadOnlyList<ImportIssue> Warnings { get; init; }

    public required IReadOnlyList<ImportPreviewRow> Rows { get; init; }

    public required IReadOnlyList<ImportNewFonds> NewFonds { get; init; }

    public required IReadOnlyList<ImportNewOrgUnit> NewOrgUnits { get; init; }

    public int UnlistedErrorCount => ErrorCount - Errors.Count;

    public bool CanCommit => ErrorCount == 0 && RowCount > 0;
}
