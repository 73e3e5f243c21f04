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

    /// <summary>A staged file is taken without a copy: the object is the same file (a second hard link), the file stays where it was.</summary>
    [Theory, MemberData(nameof(Modes))]
    public async Task AddFile_SameFileSystem_StoresTheFileItselfUnderSm3_AndKeepsTheSource(StoreSyncMode mode)
    {
        using var store = NewStore(mode);
        var small = Staged("a.bin", Content(100_000, 11));
        var large = Staged("b.bin", Content(5 * 1024 * 1024 + 3, 12));
        StoredDigests a, b;
        await using (var batch = store.BeginBatch())
        {
            a = await batch.AddFileAsync(small, oneThread: true, default);
            b = await batch.AddFileAsync(large, oneThread: false, default);
            Assert.False(File.Exists(store.PathOf(a.Sm3))); // nothing visible before the commit
            await batch.CommitAsync(default);
        }

        Assert.Equal(Sm3.HashHex(await File.ReadAllBytesAsync(small)), a.Sm3);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(large))), b.Sha256);
        Assert.Equal(await File.ReadAllBytesAsync(large), await File.ReadAllBytesAsync(store.PathOf(b.Sm3)));
        Assert.True(File.Exists(small));
        Assert.Equal(Inode(small), Inode(store.PathOf(a.Sm3)));
        Assert.Equal(Inode(large), Inode(store.PathOf(b.Sm3)));
        Assert.Empty(TempFiles(store));
    }

    /// <summary>
    /// A run killed after the commit but before its rows were written left the object stored and the staged file in
    /// place: the resumed run takes the same file again and is told the store has it.
    /// </summary>
    [Fact]
    public async Task AddFile_AlreadyStored_SaysSo_AndBothNamesStay()
    {
        using var store = NewStore();
        var staged = Staged("c.bin", Content(20_000, 13));
        await using (var batch = store.BeginBatch())
        {
            Assert.False((await batch.AddFileAsync(staged, oneThread: true, default)).AlreadyStored);
            await batch.CommitAsync(default);
        }

        await using (var batch = store.BeginBatch())
        {
            var again = await batch.AddFileAsync(staged, oneThread: true, default);
            Assert.True(again.AlreadyStored);
            await batch.CommitAsync(default);
            Assert.Equal(Inode(staged), Inode(store.PathOf(again.Sm3)));
        }
    }

    [Fact]
    public async Task AddFile_DisposedWithoutCommit_LeavesTheSourceAndNothingElse()
    {
        using var store = NewStore();
        var data = Content(30_000, 14);
        var staged = Staged("d.bin", data);
        string sm3;
        await using (var batch = store.BeginBatch())
        {
            sm3 = (await batch.AddFileAsync(staged, oneThread: true, default)).Sm3;
        }

        Assert.False(await store.ExistsAsync(sm3, default));
        Assert.Equal(data, await File.ReadAllBytesAsync(staged));
        Assert.Empty(TempFiles(store));
    }

    /// <summary>A file on another file system (tmpfs here) cannot be linked: it is copied, as a stream would be.</summary>
    [Fact]
    public async Task AddFile_OtherFileSystem_IsCopied()
    {
        var shm = Path.Combine("/dev/shm", "lantai-store-test-" + Guid.NewGuid().ToString("N"));
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/dev/shm"))
        {
            return;
        }

        using var store = NewStore();
        var data = Content(40_000, 15);
        await File.WriteAllBytesAsync(shm, data);
        try
        {
            StoredDigests d;
            await using (var batch = store.BeginBatch())
            {
                d = await batch.AddFileAsync(shm, oneThread: true, default);
                await batch.CommitAsync(default);
            }

            Assert.Equal(Sm3.HashHex(data), d.Sm3);
            Assert.Equal(data, await File.ReadAllBytesAsync(store.PathOf(d.Sm3)));
            Assert.NotEqual(Inode(shm), Inode(store.PathOf(d.Sm3)));
            Assert.Empty(TempFiles(store));
        }
        finally
        {
            File.Delete(shm);
        }
    }

    [Fact]
    public void PathOf_NotADigest_Throws()
    {
        using var store = NewStore();
        Assert.Throws<ArgumentException>(() => store.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => store.PathOf(new string('A', 64)));
    }

    /// <summary>A file in the data directory outside the store, as a transfer's staged content is.</summary>
    private string Staged(string name, byte[] content)
    {
        var path = Path.Combine(_dataDir, "staging", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>The file's device and inode (stat(1)): equal for two names of the same file.</summary>
    private static string Inode(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%d:%i", path]) { RedirectStandardOutput = true })!;
        var output = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return output;
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
