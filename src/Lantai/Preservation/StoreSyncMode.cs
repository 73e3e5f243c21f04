namespace Lantai.Preservation;

/// <summary>How a batch of the object store is made durable.</summary>
public enum StoreSyncMode
{
    /// <summary>
    /// One Linux syncfs(2) on the store's file system before the renames (all temporary files' data) and one after
    /// (all renames and new directories): two journal commits per batch whatever its size.
    /// </summary>
    SyncFs = 0,

    /// <summary>fsync(2) of each file as it is written, then of each directory the commit touched: works everywhere.</summary>
    PerFile = 1,
}
