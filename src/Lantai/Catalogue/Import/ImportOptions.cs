namespace Lantai.Catalogue.Import;

/// <summary>How a catalogue import treats what the file does not say or what the archive does not have yet.</summary>
public sealed record ImportOptions
{
    public static ImportOptions Default { get; } = new();

    /// <summary>Refuse rows whose fonds or org unit does not exist yet, instead of creating them.</summary>
    public bool Strict { get; init; }

    /// <summary>The fonds of rows whose file has no 全宗号 column and no 档号 (e.g. the page imports into a chosen fonds).</summary>
    public string? DefaultFondsCode { get; init; }

    /// <summary>门类 of rows whose file has no 门类 column and no 档号.</summary>
    public string DefaultCategoryCode { get; init; } = "WS";

    /// <summary>The archival-code template of fonds the import creates.</summary>
    public string NewFondsCodeTemplateKey { get; init; } = ArchivalCodeTemplate.Dat22ItemKey;

    /// <summary>How many normalised rows the preview shows.</summary>
    public int PreviewRowCount { get; init; } = 50;

    /// <summary>How many errors are listed; the rest are counted.</summary>
    public int MaxListedErrors { get; init; } = 1000;
}
