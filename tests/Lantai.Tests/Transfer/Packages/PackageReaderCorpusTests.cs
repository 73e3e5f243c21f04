using System.Diagnostics;
using Lantai.Transfer.Packages;
using Xunit.Abstractions;

namespace Lantai.Tests.Transfer.Packages;

/// <summary>Every hostile package of the corpus is refused, naming the entry, with nothing left in staging.</summary>
public sealed class PackageReaderCorpusTests(ITestOutputHelper output)
{
    /// <summary>Corpus file, the Error.Field expected (the entry as received, or the zip's name), a fragment of the message.</summary>
    public static TheoryData<string, string, string> Hostile => new()
    {
        { "zip-slip.zip", "../../etc/passwd", "路径越出包外" },
        { "absolute-path.zip", "/etc/cron.d/lantai", "绝对路径" },
        { "drive-letter.zip", "C:/Windows/System32/evil.dll", "绝对路径" },
        { "backslash-slip.zip", "..\\..\\evil.txt", "反斜杠" },
        { "deep-path.zip", string.Join("/", Enumerable.Repeat("层", 40)) + "/深.txt", "层级过深" },
        { "bomb-ratio.zip", "zeros.bin", "疑似 zip 炸弹" },
        { "bomb-declared-size.zip", "huge.bin", "超过单个文件上限" },
        { "bomb-lying-size.zip", "lie.bin", "CRC 校验值不符" },
        { "bomb-lying-stored.zip", "stored-lie.bin", "超过了声明的大小" },
        { "bomb-overlap.zip", "b.bin", "重叠" },
        { "many-entries.zip", "many-entries.zip", "声明了300000个条目" },
        { "symlink.zip", "passwd-link", "符号链接" },
        { "encrypted.zip", "secret.pdf", "已加密" },
        { "unsupported-method.zip", "lzma.bin", "不支持的压缩方式（14）" },
        { "control-char-name.zip", "通知\u0007.pdf", "控制字符" },
        { "newline-name.zip", "通知\n.pdf", "控制字符" },
        { "bidi-name.zip", "发票\u202Efdp.exe", "方向控制字符" },
        { "line-separator-name.zip", "通知\u2028.pdf", "控制字符" },
        { "case-duplicates.zip", "扫描件/page1.tif", "只差大小写" },
        { "nfc-nfd-duplicates.zip", "cafe\u0301.pdf", "Unicode 规范化形式" },
        { "same-name-twice.zip", "通知.txt", "出现了两次" },
        { "truncated.zip", "truncated.zip", "找不到中央目录结尾" },
        { "corrupt-crc.zip", "扫描件/第2页.bin", "CRC 校验值不符" },
        { "corrupt-deflate.zip", "damaged.bin", "数据已损坏" },
        { "empty.zip", "empty.zip", "是空的" },
        { "only-folders.zip", "only-folders.zip", "是空的" },
        { "not-a-zip.zip", "not-a-zip.zip", "不是 zip 文件" },
        { "bagit-manifest-slip.zip", "data/../../etc/passwd", "路径越出包外" },
        { "bagit-manifest-absolute.zip", "/etc/shadow", "绝对路径" },
    };

    [Theory, MemberData(nameof(Hostile))]
    public async Task Stage_HostilePackage_IsRefusedNamingTheEntryAndLeavesNothing(string file, string field, string fragment)
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf(file), temp.Staging, PackageLimits.Default, null, default);

        Assert.False(result.Succeeded, file + " was accepted");
        var error = Assert.Single(result.Errors, e => e.Field == field && e.Message.Contains(fragment, StringComparison.Ordinal));
        if (field != file)
        {
            Assert.StartsWith("条目“", error.Message, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(temp.Staging), "the staging folder remains");
        output.WriteLine($"{file}: {string.Join(" | ", result.Errors.Select(e => e.Message))}");
    }

    [Fact]
    public async Task Stage_ZipBomb_IsRefusedFromTheDirectoryWithoutInflating()
    {
        using var temp = new TempFolder();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("bomb-ratio.zip"), temp.Staging, PackageLimits.Default, null, default);

        watch.Stop();
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "bomb-ratio.zip" && e.Message.Contains('倍', StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.Staging));
        output.WriteLine($"1 GiB bomb refused in {watch.Elapsed.TotalMilliseconds:0.0} ms, ~{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024} KiB allocated by the process meanwhile");
    }

    [Fact]
    public async Task Stage_NestedZip_IsStagedAsAFileNotOpened()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("nested-zip.zip"), temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var inner = Assert.Single(result.Value.Files, f => f.OriginalPath == "附件/inner.zip");
        Assert.Equal(new FileInfo(Path.Combine(temp.Staging, inner.StagingKey)).Length, inner.Length);
        Assert.Equal(3, Directory.GetFiles(temp.Staging, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task Stage_PackageOverTheEntryLimit_IsRefusedBeforeExtraction()
    {
        using var temp = new TempFolder();

        var result = await PackageReader.StageAsync(PackageCorpus.PathOf("utf8-names.zip"), temp.Staging, PackageLimits.Default with { MaxEntries = 2 }, null, default);

        Assert.False(result.Succeeded);
        Assert.Contains("超过上限2个", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Staging));
    }

    [Fact]
    public async Task Stage_LargeWhiteScanBelowTheRatioThreshold_IsAccepted()
    {
        // 24 MB of white (an uncompressed A4 page at 300 dpi, 24-bit) deflates ~1000:1 and must not be taken for a bomb.
        using var temp = new TempFolder();
        var zip = temp.PathOf("white.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            await using var stream = await archive.CreateEntry("扫描件/空白页.tif").OpenAsync();
            var white = new byte[1 << 20];
            Array.Fill(white, (byte)0xFF);
            for (var i = 0; i < 24; i++)
            {
                await stream.WriteAsync(white);
            }
        }

        var result = await PackageReader.StageAsync(zip, temp.Staging, PackageLimits.Default, null, default);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.Equal(24L << 20, Assert.Single(result.Value.Files).Length);
    }

    [Fact]
    public async Task Stage_FolderWithSymlink_IsRefused()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.PathOf("package")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "目录.csv"), "题名,文件\n");
        File.CreateSymbolicLink(Path.Combine(folder, "密码.txt"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(folder, "根目录"), "/");

        var result = await PackageReader.StageAsync(folder, temp.Staging, PackageLimits.Default, null, default);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == "密码.txt" && e.Message.Contains("符号链接", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Field == "根目录" && e.Message.Contains("符号链接", StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.Staging));
    }

    [Fact]
    public async Task Stage_FolderWithNamesDifferingOnlyInNormalisation_IsRefused()
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(temp.PathOf("package")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "caf\u00E9.pdf"), "a");
        await File.WriteAllTextAsync(Path.Combine(folder, "cafe\u0301.pdf"), "b");

        var result = await PackageReader.StageAsync(folder, temp.Staging, PackageLimits.Default, null, default);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains("Unicode 规范化形式", StringComparison.Ordinal));
    }
}
