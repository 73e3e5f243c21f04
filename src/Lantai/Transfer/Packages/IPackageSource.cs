namespace Lantai.Transfer.Packages;

/// <summary>
/// Where a package's bytes come from: a zip or a folder. Every read is held to the size the listing declared. Copies are
/// synchronous: file I/O on Linux is synchronous underneath, and one async hop per read and write cost more than the
/// copy itself for small files (20,000 files staged 4× faster); the caller runs the whole extraction on one pool thread.
/// </summary>
internal interface IPackageSource : IDisposable
{
    /// <summary>Copies the entry to <paramref name="destination"/>; returns why it could not (Chinese), or null.</summary>
    string? Copy(PackageEntry entry, Stream destination, Action<int> copied, CancellationToken cancellationToken);
}
