using System.Threading.Channels;
using Lantai.Catalogue;
using Lantai.Preservation;
using Lantai.Search.Content;
using Lucene.Net.Index;

namespace Lantai.Search;

/// <summary>
/// Feeds one IndexWriter from several threads: the producer (reading the database) posts records, each consumer
/// reads their content text, builds the document and adds it. Lucene's writer indexes concurrently with one
/// in-memory segment per thread, and the writer's per-field work is where the time goes (about 50 of the ~57 µs of CPU
/// per catalogue record of a rebuild; analysis ~6 µs, reading the row from the database 2–4 µs: docs/benchmarks.md),
/// so two consumers use both cores and the producer's reading overlaps them.
/// </summary>
internal sealed class DocumentFeeder : IAsyncDisposable
{
    private readonly Channel<Item> _channel;
    private readonly Task[] _consumers;
    private readonly IndexWriter _writer;
    private readonly RecordContent _content;
    private readonly bool _replace;
    private readonly CancellationToken _cancellationToken;
    private long _added;

    /// <param name="replace">Replace documents by id (catch-up); false adds them (a new generation, where none exists yet).</param>
    public DocumentFeeder(IndexWriter writer, RecordContent content, bool replace, int threads, CancellationToken cancellationToken)
    {
        _writer = writer;
        _content = content;
        _replace = replace;
        _cancellationToken = cancellationToken;
        _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(4096) { SingleWriter = true, SingleReader = false });
        _consumers = Enumerable.Range(0, Math.Max(1, threads)).Select(_ => Task.Run(ConsumeAsync, cancellationToken)).ToArray();
    }

    /// <summary>Documents added so far.</summary>
    public long Added => Interlocked.Read(ref _added);

    public ValueTask PostAsync(Record record, string? orgUnitName, IReadOnlyList<RecordFile>? files, string? extra) =>
        _channel.Writer.WriteAsync(new Item(record, orgUnitName, files, extra), _cancellationToken);

    /// <summary>Waits until every posted record is in the writer (not committed).</summary>
    public async Task CompleteAsync()
    {
        _channel.Writer.TryComplete();
        await Task.WhenAll(_consumers);
    }

    private async Task ConsumeAsync()
    {
        try
        {
            await ConsumeItemsAsync();
        }
        catch (Exception e)
        {
            // Stop the producer too: it would otherwise wait forever for room in a channel nobody reads.
            _channel.Writer.TryComplete(e);
            throw;
        }
    }

    private async Task ConsumeItemsAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync(_cancellationToken))
        {
            var content = _content.Compose(item.Files, item.Extra, _cancellationToken);
            var doc = SearchDocumentBuilder.Build(new SearchSource(item.Record, item.OrgUnitName, content));
            if (_replace)
            {
                _writer.UpdateDocument(new Term(SearchFields.Id, item.Record.Id.ToString()), doc);
            }
            else
            {
                _writer.AddDocument(doc);
            }

            Interlocked.Increment(ref _added);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_consumers);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed record Item(Record Record, string? OrgUnitName, IReadOnlyList<RecordFile>? Files, string? Extra);
}
