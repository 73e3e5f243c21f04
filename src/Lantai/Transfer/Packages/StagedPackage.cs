using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Packages;

/// <summary>
/// A package that opened cleanly and whose files are now in its staging folder under safe names. Everything here was
/// checked before anything was extracted (paths, sizes, counts, names); see <see cref="PackageReader"/>.
/// </summary>
public sealed record StagedPackage
{
    public required PackageKind Kind { get; init; }

    /// <summary>The package's name as received.</summary>
    public required string Name { get; init; }

    /// <summary>Hex SM3 of the zip as received; null for a folder.</summary>
    public string? PackageSm3 { get; init; }

    /// <summary>The content files (the catalogue file and BagIt tag files excluded).</summary>
    public required IReadOnlyList<StagedFile> Files { get; init; }

    /// <summary>The catalogue file (目录.xlsx/.csv or catalogue.xlsx/.csv), staged; null when the package has none.</summary>
    public StagedFile? Catalogue { get; init; }

    public PackageDeclaration? Declaration { get; init; }

    /// <summary>移交单位 when the package names it (bag-info Source-Organization).</summary>
    public string? TransferringUnit { get; init; }

    /// <summary>Things worth a line in the report that do not refuse the package (Chinese).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
