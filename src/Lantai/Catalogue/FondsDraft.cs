namespace Lantai.Catalogue;

/// <summary>What an archivist enters to set up or change a fonds.</summary>
public sealed record FondsDraft
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public string? CreatorName { get; init; }

    public int? StartYear { get; init; }

    public int? EndYear { get; init; }

    public string CodeTemplateKey { get; init; } = ArchivalCodeTemplate.Dat22ItemKey;

    public string? Description { get; init; }
}
