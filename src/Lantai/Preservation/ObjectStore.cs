using Lantai.Data;

namespace Lantai.Preservation;

/// <summary>
/// The content-addressed preservation store under {DataDir}/store: each object named by its SM3 digest, written to a
/// temporary file, made durable, then renamed into place (DESIGN.md §3).
/// </summary>
public sealed class ObjectStore(DatabaseOptions options)
{
    public string Root { get; } = Path.Combine(options?.DataDir ?? throw new ArgumentNullException(nameof(options)), "store");

    /// <summary>Where the object with this SM3 digest lives (whether or not it exists).</summary>
    public string PathOf(string sm3) => throw new NotImplementedException("H1 " + sm3);

    /// <summary>A batch of puts made durable together by <see cref="ObjectStoreBatch.CommitAsync"/>.</summary>
    public ObjectStoreBatch BeginBatch() => throw new NotImplementedException("H1");
}
