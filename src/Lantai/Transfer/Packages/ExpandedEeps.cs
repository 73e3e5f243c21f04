using Lantai.Transfer.Checks;

namespace Lantai.Transfer.Packages;

/// <summary>What <see cref="EepPackage.ExpandAsync"/> made of a set of EEPs.</summary>
internal sealed record ExpandedEeps(StagedFile Catalogue, IReadOnlyList<StagedFile> Files, PackageDeclaration Declaration, IReadOnlyList<string> Warnings);
