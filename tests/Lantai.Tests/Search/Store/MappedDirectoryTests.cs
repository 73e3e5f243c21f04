using Lantai.Search;
using Lantai.Search.Analysis;
using Lantai.Search.Store;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = System.IO.Directory;

namespace Lantai.Tests.Search.Store;

/// <summary>
/// <see cref="MappedDirectory"/> reads what Lucene wrote exactly as Lucene.Net's own <see cref="NIOFSDirectory"/> reads
/// it — numbers, variable-length integers at every length and at the very end of a file, bytes, strings, seeks,
/// clones and compound-file slices — and refuses to read once its file is closed.
/// </summary>
public sealed class MappedDirectoryTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "lantai-tests", "mapped-" + Guid.NewGuid().ToString("N"));

    public MappedDirectoryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Reads_EveryKindOfValue_AsNiofsDirectoryDoes_InOrderAndAfterSeeks()
    {
        var written = WriteValues("values.bin", new Random(20261124), count: 20_000);
        using var mapped = new MappedDirectory(_folder);
        using var reference = new NIOFSDirectory(new DirectoryInfo(_folder));
        using var input = mapped.OpenInput("values.bin", IOContext.DEFAULT);
        using var expected = reference.OpenInput("values.bin", IOContext.DEFAULT);
        Assert.Equal(expected.Length, input.Length);

        foreach (var value in written)
        {
            Assert.Equal(expected.Position, input.Position);
            Assert.Equal(Read(expected, value.Kind), Read(input, value.Kind));
        }

        Assert.Equal(input.Length, input.Position);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());

        // Jump about: each value read again at its own position, from the original and from a clone.
        var random = new Random(7);
        var clone = (IndexInput)input.Clone();
        for (var i = 0; i < 5_000; i++)
        {
            var value = written[random.Next(written.Count)];
            var target = i % 2 == 0 ? input : clone;
            target.Seek(value.Position);
            expected.Seek(value.Position);
            Assert.Equal(Read(expected, value.Kind), Read(target, value.Kind));
            Assert.Equal(expected.Position, target.Position);
        }
    }

    [Fact]
    public void AClone_KeepsItsOwnPosition()
    {
        WriteValues("values.bin", new Random(1), count: 100);
        using var mapped = new MappedDirectory(_folder);
        using var input = mapped.OpenInput("values.bin", IOContext.DEFAULT);
        input.Seek(10);
        var clone = (IndexInput)input.Clone();
        Assert.Equal(10, clone.Position);
        clone.Seek(20);
        _ = clone.ReadByte();
        Assert.Equal(10, input.Position);
        Assert.Equal(21, clone.Position);
    }

    [Fact]
    public void ACorruptVariableLengthInteger_IsAnIOException_InTheMiddleAndAtTheEnd()
    {
        File.WriteAllBytes(Path.Combine(_folder, "bad.bin"), [0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F]);
        using var mapped = new MappedDirectory(_folder);
        using var reference = new NIOFSDirectory(new DirectoryInfo(_folder));
        using var input = mapped.OpenInput("bad.bin", IOContext.DEFAULT);
        using var expected = reference.OpenInput("bad.bin", IOContext.DEFAULT);
        Assert.Throws<IOException>(() => input.ReadVInt32());
        Assert.Throws<IOException>(() => expected.ReadVInt32());
        input.Seek(11);
        Assert.Throws<IOException>(() => input.ReadVInt32());
        input.Seek(11);
        expected.Seek(11);
        Assert.Equal(expected.ReadVInt64(), input.ReadVInt64());
    }

    [Fact]
    public void SeeksAndReadsPastTheEnd_AreRefused()
    {
        File.WriteAllBytes(Path.Combine(_folder, "four.bin"), [1, 2, 3, 4]);
        using var mapped = new MappedDirectory(_folder);
        using var input = mapped.OpenInput("four.bin", IOContext.DEFAULT);
        input.Seek(4);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
        Assert.Throws<EndOfStreamException>(() => input.Seek(5));
        input.Seek(1);
        Assert.Throws<EndOfStreamException>(() => input.ReadInt32());
        Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[8], 0, 4));
        input.Seek(0);
        Assert.Equal(0x01020304, input.ReadInt32());
    }

    [Fact]
    public void AnEmptyFile_OpensWithLengthZero()
    {
        File.WriteAllBytes(Path.Combine(_folder, "empty.bin"), []);
        using var mapped = new MappedDirectory(_folder);
        using var input = mapped.OpenInput("empty.bin", IOContext.DEFAULT);
        Assert.Equal(0, input.Length);
        Assert.Throws<EndOfStreamException>(() => input.ReadByte());
    }

    [Fact]
    public void OnceTheFileIsClosed_ItsClonesAndSlicesRefuseToRead_ButClosingACloneClosesNothing()
    {
        WriteValues("values.bin", new Random(2), count: 100);
        using var mapped = new MappedDirectory(_folder);
        var slicer = mapped.CreateSlicer("values.bin", IOContext.DEFAULT);
        var slice = slicer.OpenSlice("part", 8, 16);
        var clone = (IndexInput)slice.Clone();
        clone.Dispose();
        slice.Dispose();
        Assert.Equal(16, slicer.OpenSlice("part", 8, 16).Length);

        var input = mapped.OpenInput("values.bin", IOContext.DEFAULT);
        var inputClone = (IndexInput)input.Clone();
        input.Dispose();
        slicer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => inputClone.ReadByte());
        Assert.Throws<ObjectDisposedException>(() => clone.ReadByte());
    }

    [Fact]
    public void AnIndexOfCompoundFiles_WrittenAndSearchedThroughIt_PassesCheckIndex()
    {
        using (var directory = new MappedDirectory(_folder))
        {
            var config = new IndexWriterConfig(SearchIndex.Version, new LantaiAnalyzer()) { UseCompoundFile = true };
            using var writer = new IndexWriter(directory, config);
            for (var i = 0; i < 600; i++)
            {
                writer.AddDocument(new Document { new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES), new TextField("title", i % 3 == 0 ? "关于档案工作的通知" : "会议纪要", Field.Store.YES) });
                if (i % 150 == 149)
                {
                    writer.Commit();
                }
            }

            writer.DeleteDocuments(new Term("id", "3"));
            writer.Commit();
        }

        Assert.Contains(Directory.GetFiles(_folder), f => f.EndsWith(".cfs", StringComparison.Ordinal));
        using (var directory = new MappedDirectory(_folder))
        {
            var status = new CheckIndex(directory).DoCheckIndex();
            Assert.True(status.Clean);
            using var reader = DirectoryReader.Open(directory);
            var hits = new IndexSearcher(reader).Search(new TermQuery(new Term("title", "档案")), 10);
            Assert.Equal(199, hits.TotalHits);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleanup.
        }
    }

    private enum Kind
    {
        Byte,
        Bytes,
        Int16,
        Int32,
        Int64,
        VInt32,
        VInt64,
        Text,
    }

    private readonly record struct Written(Kind Kind, long Position);

    /// <summary>Random values of every kind, small and large, through Lucene's own writer; the file ends with the longest variable-length integers, so the reader meets them within a few bytes of the end.</summary>
    private List<Written> WriteValues(string name, Random random, int count)
    {
        var written = new List<Written>();
        using var directory = new SimpleFSDirectory(new DirectoryInfo(_folder));
        using var output = directory.CreateOutput(name, IOContext.DEFAULT);
        void Add(Kind kind, Action write)
        {
            written.Add(new Written(kind, output.Position));
            write();
        }

        for (var i = 0; i < count; i++)
        {
            var kind = (Kind)random.Next(8);
            var bits = random.Next(64);
            var big = random.NextInt64() >> bits;
            switch (kind)
            {
                case Kind.Byte: Add(kind, () => output.WriteByte((byte)big)); break;
                case Kind.Bytes: Add(kind, () => output.WriteBytes([.. Enumerable.Range(0, 16).Select(b => (byte)(b * bits))], 16)); break;
                case Kind.Int16: Add(kind, () => output.WriteInt16((short)big)); break;
                case Kind.Int32: Add(kind, () => output.WriteInt32(random.Next(2) == 0 ? (int)big : -(int)big)); break;
                case Kind.Int64: Add(kind, () => output.WriteInt64(random.Next(2) == 0 ? big : -big)); break;
                case Kind.VInt32: Add(kind, () => output.WriteVInt32(random.Next(10) == 0 ? -1 - (int)(big & 0xFF) : (int)(big & int.MaxValue))); break;
                case Kind.VInt64: Add(kind, () => output.WriteVInt64(big & long.MaxValue)); break;
                default: Add(kind, () => output.WriteString(bits % 2 == 0 ? "关于档案工作的通知 ᠮᠣᠩᠭᠣᠯ" : "x")); break;
            }
        }

        Add(Kind.VInt32, () => output.WriteVInt32(-1));
        Add(Kind.VInt64, () => output.WriteVInt64(long.MaxValue));
        Add(Kind.VInt32, () => output.WriteVInt32(int.MaxValue));
        return written;
    }

    private static string Read(IndexInput input, Kind kind) => kind switch
    {
        Kind.Byte => input.ReadByte().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind.Bytes => Convert.ToHexString(ReadBytes(input, 16)),
        Kind.Int16 => input.ReadInt16().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind.Int32 => input.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind.Int64 => input.ReadInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind.VInt32 => input.ReadVInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Kind.VInt64 => input.ReadVInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => input.ReadString(),
    };

    private static byte[] ReadBytes(IndexInput input, int count)
    {
        var bytes = new byte[count];
        input.ReadBytes(bytes, 0, count);
        return bytes;
    }
}
