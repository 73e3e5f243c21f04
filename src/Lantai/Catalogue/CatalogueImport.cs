namespace Lantai.Catalogue;

/// <summary>One committed catalogue import: the file it came from (name and SM3 digest) and the records it created.</summary>
public sealed class CatalogueImport
{
    public Guid Id { get; set; } = Common.Ids.New();

    public required string FileName { get; set; }

    /// <summary>Hex SM3 of the imported file's bytes.</summary>
    public required string Sm3 { get; set; }

    public int RecordCount { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
