using Lantai.Common;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Opens a transfer package (folder, .zip, BagIt bag as folder or zip), refuses a hostile or broken one before
/// extracting anything, and stages its files under safe names.
/// </summary>
public static class PackageReader
{
    /// <summary>
    /// Stages the package at <paramref name="path"/> into <paramref name="stagingDir"/> (created; left empty or deleted on
    /// refusal). A refusal returns every problem found, each naming the entry (Error.Field = the entry's path).
    /// </summary>
    public static Task<Result<StagedPackage>> StageAsync(string path, string stagingDir, PackageLimits limits, IProgress<long>? bytesStaged, CancellationToken cancellationToken) =>
        throw new NotImplementedException("H2");
}
