namespace Lantai.Catalogue;

/// <summary>全宗: all the records of one creating unit (立档单位).</summary>
public sealed class Fonds
{
    public FondsId Id { get; set; } = FondsId.New();

    /// <summary>全宗号: usually one capital letter and three digits (X013); older archives use four digits (0426).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>立档单位 name.</summary>
    public string? CreatorName { get; set; }

    public int? StartYear { get; set; }

    public int? EndYear { get; set; }

    /// <summary>Key of the archival-code template used for the items of this fonds.</summary>
    public string CodeTemplateKey { get; set; } = ArchivalCodeTemplate.Dat22ItemKey;

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
