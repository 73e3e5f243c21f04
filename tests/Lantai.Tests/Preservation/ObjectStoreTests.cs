using System.Security.Cryptography;
using Lantai.Data;
using Lantai.Preservation;
using Lantai.Security;

namespace Lantai.Tests.Preservation;

public sealed class ObjectStoreTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "lantai-tests", "store-" + Guid.NewGuid().ToString("N"));

    public ObjectStoreTests() => Directory.CreateDirectory(_dataDir);

    public static TheoryData<StoreSyncMode> Modes => new() { StoreSyncMode.SyncFs, StoreSyncMode.PerFile };

    private ObjectStore NewStore(StoreSyncMode mode = StoreSyncMode.SyncFs) =>
        new(new DatabaseOptions { DataDir = _dataDir }) { SyncMode = mode };

    private static byte[] Content(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    [Theory, MemberData(nameof(Modes))]
    public async Task Commit_AddedObjects_StoredUnderSm3WithBothDigests(StoreSyncMode mode)
    {
        using var store = NewStore(mode);
        var small = Content(1000, 1);
        var large = Content(3 * 1024 * 1024 + 11, 2);
        StoredDigests a, b;
        await using (var batch = store.BeginBatch())
        {
            a = await batch.AddAsync(new MemoryStream(small), default);
            b = await batch.AddAsync(new MemoryStream(large), default);
            Assert.False(File.Exists(store.PathOf(a.Sm3))); // nothing visible before the commit
            await batch.CommitAsync(default);
        }

        Assert.Equal(Sm3.HashHex(small), a.Sm3);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(large)), b.Sha256);
        Assert.Equal(large.Length, b.Length);
        Assert.False(a.AlreadyStored);
        Assert.Equal(Path.Combine(store.Root, a.Sm3[..2], a.Sm3[2..4], a.Sm3), store.PathOf(a.Sm3));
        Assert.Equal(small, await File.ReadAllBytesAsync(store.PathOf(a.Sm3)));
        Assert.True(await store.ExistsAsync(b.Sm3, default));
        await using var read = store.OpenRead(b.Sm3);
        Assert.Equal(large.Length, read.Length);
        Assert.Empty(TempFiles(store));
    }

    [Fact]
    public async Task Add_SameContentTwice_StoresOnceAndSaysAlreadyStored()
    {
        using var store = NewStore();
        var data = Content(5000, 3);
        await using (var batch = store.BeginBatch())
        {
            Assert.False((await batch.AddAsync(new MemoryStream(data), default)).AlreadyStored);
            Assert.True((await batch.AddAsync(new MemoryStream(data), default)).AlreadyStored);
            await batch.CommitAsync(default);
        }

        await using (var batch = store.BeginBatch())
        {
            var again = await batch.AddAsync(new MemoryStream(data), default);
            Assert.True(again.AlreadyStored);
            await batch.CommitAsync(default);
        }

        var objects = Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(store.TempRoot, StringComparison.Ordinal));
        Assert.Single(objects);
    }

    [Fact]
    public async Task Dispose_WithoutCommit_LeavesNothing()
    {
        using var store = NewStore();
        string sm3;
        await using (var batch = store.BeginBatch())
        {
            sm3 = (await batch.AddAsync(new MemoryStream(Content(70_000, 4)), default)).Sm3;
        }

        Assert.False(await store.ExistsAsync(sm3, default));
        Assert.Empty(TempFiles(store));
    }

    [Fact]
    public async Task Recover_AfterCrashedSession_RemovesItsTempFilesOnly()
    {
        // A "crashed" process: its batch is never committed nor disposed, and its lock goes when the process does.
        var crashed = NewStore();
        var batch = crashed.BeginBatch();
        var sm3 = (await batch.AddAsync(new MemoryStream(Content(300_000, 5)), default)).Sm3;
        Assert.Single(TempFiles(crashed));

        using var alive = NewStore();
        await using var aliveBatch = alive.BeginBatch();
        await aliveBatch.AddAsync(new MemoryStream(Content(100, 6)), default);

        Assert.Equal(0, await alive.RecoverAsync(default)); // the crashed process still holds its lock: untouched
        crashed.Dispose(); // the process ends
        Assert.Equal(1, await alive.RecoverAsync(default));

        Assert.False(await alive.ExistsAsync(sm3, default));
        var left = TempFiles(alive);
        Assert.Single(left); // the live batch's file
        await aliveBatch.CommitAsync(default);
    }

    [Fact]
    public async Task Verify_FlippedByteOrDeletedFile_IsMismatchOrMissing()
    {
        using var store = NewStore();
        StoredDigests d;
        await using (var batch = store.BeginBatch())
        {
            d = await batch.AddAsync(new MemoryStream(Content(10_000, 7)), default);
            await batch.CommitAsync(default);
        }

        var stored = new StoredObject { Sm3 = d.Sm3, Sha256 = d.Sha256, Length = d.Length };
        Assert.Equal(FixityOutcome.Intact, await store.VerifyAsync(stored, default));

        FlipByte(store.PathOf(d.Sm3), 1234);
        Assert.Equal(FixityOutcome.Mismatch, await store.VerifyAsync(stored, default));

        File.Delete(store.PathOf(d.Sm3));
        Assert.Equal(FixityOutcome.Missing, await store.VerifyAsync(stored, default));
    }

    [Fact]
    public void PathOf_NotADigest_Throws()
    {
        using var store = NewStore();
        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.PathOf(new string('A', 64)));
    }

    private static string[] TempFiles(ObjectStore store) =>
        [.. Directory.GetFiles(store.TempRoot, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))];

    internal static void FlipByte(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x01));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
