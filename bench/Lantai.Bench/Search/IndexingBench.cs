using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lantai.Data;
using Lantai.Search;
using Lantai.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Lantai.Bench.Search;

/// <summary>
/// Indexing measurements. Records are generated in chunks outside the timed part (the generator's own rate is
/// printed first), then fed to the writer by 1 or 2 threads: document building, analysis and the writer's work are all
/// in the time, as is the final commit. Background merges run while the next chunk is generated, which the wall-clock
/// figure in the same line includes.
/// </summary>
internal static class IndexingBench
{
    private const int Chunk = 20_000;

    public static IndexingResult Generation(long count)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        long chars = 0;
        foreach (var r in SearchCorpus.Records(count))
        {
            chars += r.BaselineText.Length;
        }

        watch.Stop();
        return Report(new IndexingResult("generate records (not in the figures below)", 0, count, watch.Elapsed, watch.Elapsed, 0, chars * 2, Process.GetCurrentProcess().TotalProcessorTime - cpu, ""));
    }

    public static IndexingResult Build(long count)
    {
        long fields = 0;
        return Timed("build documents (SearchDocumentBuilder)", 1, count, null, r =>
        {
            fields += SearchDocumentBuilder.Build(r.Source()).Fields.Count;
            return 0;
        });
    }

    /// <summary>Runs every text field of each record through the analyzer, as the writer would: tokens/s.</summary>
    public static IndexingResult Analysis(long count, bool content)
    {
        using var analyzer = new LantaiAnalyzer();
        return Timed(content ? "analysis only, 2 KB full text" : "analysis only (LantaiAnalyzer)", 1, count, content ? SearchCorpus.FullText : null, r =>
        {
            long tokens = 0;
            var doc = SearchDocumentBuilder.Build(r.Source(r.Content));
            foreach (var field in doc.Fields.OfType<Field>())
            {
                if (field.FieldType.IsTokenized && field.GetStringValue(CultureInfo.InvariantCulture) is { } text)
                {
                    using var stream = analyzer.GetTokenStream(field.Name, text);
                    var term = stream.AddAttribute<ICharTermAttribute>();
                    stream.Reset();
                    while (stream.IncrementToken())
                    {
                        tokens++;
                    }

                    stream.End();
                }
            }

            return tokens;
        });
    }

    /// <summary>Indexes through a <see cref="SearchIndex"/> in <paramref name="dataDir"/>: its writer configuration, its analyzer, its commit.</summary>
    public static IndexingResult ThroughSearchIndex(string what, string dataDir, long count, int threads, bool content, bool update = false)
    {
        using var index = new SearchIndex(new DatabaseOptions { DataDir = dataDir });
        var writer = index.Writer;
        return Write(what, writer, count, threads, content, update, () => index.Commit(0), Path.Combine(index.Root, "current"));
    }

    /// <summary>
    /// The rebuild's writer alone (<see cref="SearchIndex.OpenWriter"/> with the rebuild's RAM buffer and bulk settings),
    /// fed generated records by <paramref name="threads"/> threads: what a rebuild would cost with no database.
    /// </summary>
    public static IndexingResult ThroughRebuildWriter(string what, string dataDir, long count, int threads)
    {
        using var index = new SearchIndex(new DatabaseOptions { DataDir = dataDir });
        var path = Path.Combine(index.Root, "bulk");
        System.IO.Directory.CreateDirectory(path);
        using var directory = FSDirectory.Open(path);
        using var writer = index.OpenWriter(directory, SearchIndexRebuilder.RebuildRamBufferMb, bulk: true);
        return Write(what, writer, count, threads, content: false, update: false, writer.Commit, path);
    }

    /// <summary>Indexes with a writer of our own making (variants of the configuration), into <paramref name="path"/>.</summary>
    public static IndexingResult WithConfig(string what, string path, long count, int threads, bool content, Func<IndexWriterConfig, IndexWriterConfig> configure, Analyzer? analyzer = null, Func<Document, Document>? reshape = null)
    {
        System.IO.Directory.CreateDirectory(path);
        using var directory = FSDirectory.Open(path);
        using var ownAnalyzer = analyzer ?? new LantaiAnalyzer();
        var config = configure(new IndexWriterConfig(SearchIndex.Version, ownAnalyzer) { OpenMode = OpenMode.CREATE, Similarity = SearchIndex.Similarity, RAMBufferSizeMB = 64 });
        using var writer = new IndexWriter(directory, config);
        return Write(what, writer, count, threads, content, update: false, writer.Commit, path, reshape);
    }

    /// <summary>The document without the stored copy of its keyword fields (doc values and the indexed term stay).</summary>
    public static Document KeywordsNotStored(Document doc) => Reshape(doc, f =>
        f is StringField && f.Name != SearchFields.Id ? new StringField(f.Name, f.GetStringValue(CultureInfo.InvariantCulture), Field.Store.NO) : f);

    /// <summary>The document without its doc values (facets, sorting).</summary>
    public static Document NoDocValues(Document doc) => Reshape(doc, f => f.FieldType.DocValueType == DocValuesType.NONE ? f : null);

    /// <summary>The document with its text fields indexed but not stored (no hits or snippets could be shown from it).</summary>
    public static Document TextNotStored(Document doc) => Reshape(doc, f =>
        f is TextField ? new TextField(f.Name, f.GetStringValue(CultureInfo.InvariantCulture), Field.Store.NO) : f);

    private static Document Reshape(Document doc, Func<Field, Field?> map)
    {
        var reshaped = new Document();
        foreach (var field in doc.Fields.OfType<Field>())
        {
            if (map(field) is { } kept)
            {
                reshaped.Add(kept);
            }
        }

        return reshaped;
    }

    public static string Describe(IndexWriter writer)
    {
        var c = writer.Config;
        return string.Create(CultureInfo.InvariantCulture,
            $"RAMBufferSizeMB={c.RAMBufferSizeMB}, MaxBufferedDocs={c.MaxBufferedDocs}, MergePolicy={c.MergePolicy}, MergeScheduler={c.MergeScheduler.GetType().Name}, MaxThreadStates={c.MaxThreadStates}, UseCompoundFile={c.UseCompoundFile}");
    }

    private static IndexingResult Write(string what, IndexWriter writer, long count, int threads, bool content, bool update, Action commit, string path, Func<Document, Document>? reshape = null)
    {
        var result = Timed(what, threads, count, content ? SearchCorpus.FullText : null, r =>
        {
            var doc = SearchDocumentBuilder.Build(r.Source(r.Content));
            doc = reshape is null ? doc : reshape(doc);
            if (update)
            {
                writer.UpdateDocument(new Term(SearchFields.Id, r.Record.Record.Id.ToString()), doc);
            }
            else
            {
                writer.AddDocument(doc);
            }

            return 0;
        }, commit);
        var segments = System.IO.Directory.GetFiles(path, "*.si").Length;
        var size = System.IO.Directory.GetFiles(path).Sum(f => new FileInfo(f).Length);
        return Report(result with { Notes = string.Create(CultureInfo.InvariantCulture, $"{result.Notes}; {segments} segments, {size / 1048576.0:N0} MB on disk") });
    }

    /// <summary>Generates records chunk by chunk (not timed) and runs <paramref name="work"/> on each with <paramref name="threads"/> threads (timed).</summary>
    private static IndexingResult Timed(string what, int threads, long count, Func<long, int, int, string>? content, Func<Item, long> work, Action? finish = null)
    {
        var busy = TimeSpan.Zero;
        long tokens = 0;
        long bytes = 0;
        var cpuBusy = TimeSpan.Zero;
        long allocated = 0;
        var collections = GC.CollectionCount(2);
        var wall = Stopwatch.StartNew();
        for (long start = 0; start < count; start += Chunk)
        {
            var n = (int)Math.Min(Chunk, count - start);
            var items = new Item[n];
            for (var i = 0; i < n; i++)
            {
                var text = content?.Invoke(start + i, 2048, 7);
                items[i] = new Item(SearchCorpus.Record(start + i), text);
                bytes += text is null ? 0 : Encoding.UTF8.GetByteCount(text);
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var allocatedBefore = GC.GetTotalAllocatedBytes();
            var began = Stopwatch.GetTimestamp();
            var next = -1;
            var counts = new long[threads];
            var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < n)
                {
                    counts[t] += work(items[i]);
                }
            })).ToList();
            workers.ForEach(w => w.Start());
            workers.ForEach(w => w.Join());
            if (start + n >= count)
            {
                finish?.Invoke();
            }

            busy += Stopwatch.GetElapsedTime(began);
            cpuBusy += Process.GetCurrentProcess().TotalProcessorTime - cpu;
            allocated += GC.GetTotalAllocatedBytes() - allocatedBefore;
            tokens += counts.Sum();
        }

        wall.Stop();
        var gc = string.Create(CultureInfo.InvariantCulture, $"{allocated / 1024.0 / count:F1} KB allocated/rec, {GC.CollectionCount(2) - collections} gen2 GCs");
        return Report(new IndexingResult(what, threads, count, busy, wall.Elapsed, tokens, bytes, cpuBusy, gc), print: finish is null);
    }

    private static IndexingResult Report(IndexingResult r, bool print = true)
    {
        if (print)
        {
            Console.WriteLine(r.Line());
        }

        return r;
    }

    internal sealed record Item(CorpusRecord Record, string? Content)
    {
        public SearchSource Source(string? content = null) => Record.Source(content);
    }
}
