namespace Lantai.Transfer.Packages;

/// <summary>Where a package's bytes come from: a zip or a folder. Every read is held to the size the listing declared.</summary>
internal interface IPackageSource : IDisposable
{
    /// <summary>Copies the entry to <paramref name="destination"/>; returns why it could not (Chinese), or null.</summary>
    Task<string?> CopyAsync(PackageEntry entry, Stream destination, Action<int> copied, CancellationToken cancellationToken);
}
