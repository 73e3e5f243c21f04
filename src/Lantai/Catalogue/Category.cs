namespace Lantai.Catalogue;

/// <summary>门类: a record category (DA/T 13-2022 codes WS, KJ, RS … seeded, editable).</summary>
public sealed class Category
{
    public required string Code { get; set; }

    public required string Name { get; set; }

    public int SortOrder { get; set; }
}
