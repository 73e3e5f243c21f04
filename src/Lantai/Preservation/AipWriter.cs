using Lantai.Data;

namespace Lantai.Preservation;

/// <summary>Writes a record's AIP as a BagIt bag (stub until the AIP writer lands).</summary>
public sealed class AipWriter(DatabaseOptions options)
{
    public string Root { get; } = Path.Combine(options?.DataDir ?? throw new ArgumentNullException(nameof(options)), "aips");

    public Task WriteAsync(AipContent content, CancellationToken cancellationToken) => Task.FromResult(Root.Length + (content is null ? 0 : 1));
}
