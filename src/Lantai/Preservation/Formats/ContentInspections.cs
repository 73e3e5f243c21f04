using System.Collections.Concurrent;
using Lantai.Transfer.Checks;

namespace Lantai.Preservation.Formats;

/// <summary>
/// What the inspectors learned of each file during one check run (a scoped service), so the format, the OFD tree and
/// the PDF are read once though several check items look at them. Keyed by the file's full path.
/// </summary>
public sealed class ContentInspections(MediaInspector media)
{
    private readonly ConcurrentDictionary<string, Task<IdentifiedFormat>> _formats = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<PdfInspection>> _pdfs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<OfdInspection>> _ofds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaInspection> _media = new(StringComparer.Ordinal);

    public MediaInspector Media => media;

    public Task<IdentifiedFormat> FormatAsync(string fullPath, CancellationToken cancellationToken) =>
        _formats.GetOrAdd(fullPath, p => FormatIdentifier.IdentifyAsync(p, cancellationToken));

    public PdfInspection Pdf(string fullPath, CancellationToken cancellationToken) =>
        _pdfs.GetOrAdd(fullPath, p => new Lazy<PdfInspection>(() => PdfInspector.Inspect(p, cancellationToken))).Value;

    public OfdInspection Ofd(string fullPath, CancellationToken cancellationToken) =>
        _ofds.GetOrAdd(fullPath, p => new Lazy<OfdInspection>(() => OfdInspector.Inspect(p, cancellationToken))).Value;

    /// <summary>Reads the audio and video headers of many files at once (see <see cref="MediaInspector.InspectManyAsync"/>).</summary>
    public async Task PrefetchMediaAsync(IReadOnlyList<string> fullPaths, CancellationToken cancellationToken)
    {
        foreach (var (path, inspection) in await media.InspectManyAsync(fullPaths, cancellationToken))
        {
            _media[path] = inspection;
        }
    }

    public async Task<MediaInspection> MediaAsync(string fullPath, CancellationToken cancellationToken) =>
        _media.TryGetValue(fullPath, out var known) ? known : _media[fullPath] = await media.InspectAsync(fullPath, cancellationToken);

    public static bool IsMedia(IdentifiedFormat format) => format.FormatId is "wav" or "mp3" or "mp4" or "mov" or "avi" or "mxf";

    public static bool IsPdf(IdentifiedFormat format) => format.FormatId == "pdf" || format.FormatId.StartsWith("pdfa-", StringComparison.Ordinal);

    public static bool IsOfd(IdentifiedFormat format) => format.FormatId is "ofd" or "ofd-a";
}
