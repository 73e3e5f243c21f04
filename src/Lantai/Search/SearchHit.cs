using Lantai.Catalogue;

namespace Lantai.Search;

/// <summary>One record found. Fields the audience may not see are null (<see cref="Classification"/>, <see cref="Remarks"/> for the public).</summary>
public sealed record SearchHit
{
    public required RecordId Id { get; init; }

    public required string ArchivalCode { get; init; }

    public required string Title { get; init; }

    public string? Author { get; init; }

    public string? DocumentNumber { get; init; }

    public DateOnly? Date { get; init; }

    public int Year { get; init; }

    public required string FondsCode { get; init; }

    public required string CategoryCode { get; init; }

    public required string RetentionCode { get; init; }

    public string? OrgUnitCode { get; init; }

    public string? Carrier { get; init; }

    public OpenStatus OpenStatus { get; init; }

    public string? Classification { get; init; }

    public string? Remarks { get; init; }

    public float Score { get; init; }

    /// <summary>The matches in context, title first; empty when nothing was highlighted.</summary>
    public IReadOnlyList<Snippet> Snippets { get; init; } = [];
}
