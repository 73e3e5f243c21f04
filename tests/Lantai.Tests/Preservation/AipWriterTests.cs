using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Lantai.Catalogue;
using Lantai.Preservation;
using Lantai.Security;

namespace Lantai.Tests.Preservation;

public sealed class AipWriterTests : IDisposable
{
    private static readonly XNamespace Premis = "http://www.loc.gov/premis/v3";
    private static readonly XNamespace RecordNs = "urn:lantai:aip:record:1";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lantai-aip-" + Guid.NewGuid().ToString("N"));

    private string Store => Path.Combine(_dir, "store");

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Aip_IsAValidBag_EveryManifestLineRecomputes()
    {
        var content = await AipTestData.ContentAsync(Store);
        var target = AipLocation.PathOf(_dir, content.Record.Id);

        var written = await AipTestData.Writer(_dir, Store).WriteAsync(content, target, default);

        Assert.Equal(target, written.Path);
        Assert.Equal("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", await File.ReadAllTextAsync(Path.Combine(target, "bagit.txt")));
        var info = await BagInfoAsync(target);
        Assert.Equal("示例旗档案馆", info["Source-Organization"]);
        Assert.Equal(content.Record.ArchivalCode, info["External-Identifier"]);
        Assert.Equal(content.Transfer!.Id.ToString(), info["Bag-Group-Identifier"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", info["Bagging-Date"]);

        // Independent reading: every payload file is listed in both manifests, each line's digest recomputes, the oxum adds up.
        var payload = Directory.EnumerateFiles(Path.Combine(target, "data"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(target, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(7, payload.Count);
        Assert.Contains("data/content/文件/附件 100%.jpg", payload);
        foreach (var (manifest, hash) in new (string, Func<byte[], string>)[]
        {
            ("manifest-sha256.txt", b => Convert.ToHexStringLower(SHA256.HashData(b))),
            ("manifest-sm3.txt", b => Sm3.HashHex(b)),
            ("tagmanifest-sha256.txt", b => Convert.ToHexStringLower(SHA256.HashData(b))),
            ("tagmanifest-sm3.txt", b => Sm3.HashHex(b)),
        })
        {
            var lines = await ManifestAsync(Path.Combine(target, manifest));
            foreach (var (digest, path) in lines)
            {
                Assert.Equal(digest, hash(await File.ReadAllBytesAsync(Path.Combine(target, path))));
            }

            if (!manifest.StartsWith("tag", StringComparison.Ordinal))
            {
                Assert.Equal(payload, lines.Select(l => l.Path).Order(StringComparer.Ordinal).ToList());
            }
            else
            {
                Assert.Equal(["bag-info.txt", "bagit.txt", "manifest-sha256.txt", "manifest-sm3.txt"], lines.Select(l => l.Path).Order(StringComparer.Ordinal));
            }
        }

        Assert.Contains("data/content/文件/附件 100%25.jpg", await File.ReadAllTextAsync(Path.Combine(target, "manifest-sha256.txt")), StringComparison.Ordinal);
        var octets = payload.Sum(p => new FileInfo(Path.Combine(target, p)).Length);
        Assert.Equal($"{octets}.{payload.Count}", info["Payload-Oxum"]);
        Assert.Equal(payload.Count, written.PayloadFiles);
        Assert.Equal(octets, written.PayloadBytes);
    }

    [Fact]
    public async Task Aip_PythonHashlib_VerifiesBothManifestsWithoutLantai()
    {
        // A reader that shares no code with Lantai: Python's hashlib (OpenSSL's SM3 and SHA-256). No SHA-256 given:
        // the writer computes it from the object.
        var content = await AipTestData.ContentAsync(Store) with { Sha256 = null };
        var target = AipLocation.PathOf(_dir, content.Record.Id);
        await AipTestData.Writer(_dir, Store).WriteAsync(content, target, default);
        const string Script = """
            import hashlib, os, sys, urllib.parse
            bag = sys.argv[1]
            def decode(p): return p.replace('%0D', '\r').replace('%0A', '\n').replace('%25', '%')
            checked = 0
            for manifest in ['manifest-sha256.txt', 'manifest-sm3.txt', 'tagmanifest-sha256.txt', 'tagmanifest-sm3.txt']:
                alg = manifest.split('-')[1][:-4]
                for line in open(os.path.join(bag, manifest), encoding='utf-8').read().splitlines():
                    digest, path = line.split(None, 1)
                    data = open(os.path.join(bag, decode(path)), 'rb').read()
                    if hashlib.new(alg, data).hexdigest() != digest:
                        print('MISMATCH', manifest, path); sys.exit(1)
                    checked += 1
            print('OK', checked)
            """;
        var script = Path.Combine(_dir, "verify.py");
        await File.WriteAllTextAsync(script, Script);
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(target);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output + error);
        Assert.Equal("OK 22", output.Trim()); // 7 payload files × 2 manifests + 4 tag files × 2
    }

    [Fact]
    public async Task Aip_ContentFiles_AreHardLinksToTheStoreObjects()
    {
        var content = await AipTestData.ContentAsync(Store);
        var target = AipLocation.PathOf(_dir, content.Record.Id);

        var written = await AipTestData.Writer(_dir, Store).WriteAsync(content, target, default);

        Assert.Equal(content.Files.Count, written.HardLinked);
        var aipFile = Path.Combine(target, "data", "content", "文件", "通知.pdf");
        Assert.Equal(await File.ReadAllBytesAsync(AipTestData.StorePath(Store, content, 0)), await File.ReadAllBytesAsync(aipFile));
        Assert.Equal(2, LinkCount(aipFile));
    }

    [Fact]
    public async Task Aip_Declaration_IsOneSharedCopyLinkedIntoEveryBag_ReplacedWhenItsBytesAreWrong()
    {
        var content = await AipTestData.ContentAsync(Store);
        var writer = AipTestData.Writer(_dir, Store);
        var first = AipLocation.PathOf(_dir, content.Record.Id);
        var second = Path.Combine(writer.Root, "zz", "second");

        await writer.WriteAsync(content, first, default);
        await writer.WriteAsync(content, second, default);

        const string Declaration = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
        var shared = Path.Combine(writer.Root, ".bagit.txt");
        Assert.Equal(Declaration, await File.ReadAllTextAsync(Path.Combine(first, "bagit.txt")));
        Assert.Equal(Declaration, await File.ReadAllTextAsync(Path.Combine(second, "bagit.txt")));
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(3, LinkCount(shared)); // the shared copy and the two bags' names
        }

        // A shared copy with other bytes (replaced by hand) is not linked: the next process writes a good one first.
        File.Delete(shared);
        await File.WriteAllTextAsync(shared, "BagIt-Version: 0.97\n");
        var third = Path.Combine(writer.Root, "zz", "third");
        await AipTestData.Writer(_dir, Store).WriteAsync(content, third, default);

        Assert.Equal(Declaration, await File.ReadAllTextAsync(Path.Combine(third, "bagit.txt")));
        Assert.Equal(Declaration, await File.ReadAllTextAsync(shared));
        Assert.Equal(Declaration, await File.ReadAllTextAsync(Path.Combine(first, "bagit.txt")));
    }

    [Fact]
    public async Task Aip_Metadata_HoldsTheRecordItsReportAndPremisEvents()
    {
        var content = await AipTestData.ContentAsync(Store);
        var target = AipLocation.PathOf(_dir, content.Record.Id);

        await AipTestData.Writer(_dir, Store).WriteAsync(content, target, default);

        var record = XDocument.Load(Path.Combine(target, "data", "metadata", "record.xml")).Root!;
        Assert.Equal(RecordNs + "档案", record.Name);
        Assert.Equal(content.Record.ArchivalCode, record.Element(RecordNs + "档号")!.Value);
        Assert.Equal("20230315", record.Element(RecordNs + "成文日期")!.Value);
        Assert.Equal("示政办发〔2023〕12号", record.Element(RecordNs + "文号")!.Value);
        var files = record.Element(RecordNs + "计算机文件列表")!.Elements().ToList();
        Assert.Equal(["文件/通知.pdf", "文件/附件 100%.jpg", "签章/发票示例.ofd"], files.Select(f => f.Element(RecordNs + "计算机文件名")!.Value));

        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(target, "data", "metadata", "record.json")));
        Assert.Equal(content.Record.ArchivalCode, json.RootElement.GetProperty("archivalCode").GetString());
        Assert.Equal("2023-03-15", json.RootElement.GetProperty("date").GetString());
        Assert.Equal(content.Files[2].ObjectSm3, json.RootElement.GetProperty("files")[2].GetProperty("sm3").GetString());
        Assert.Contains("示例旗", await File.ReadAllTextAsync(Path.Combine(target, "data", "metadata", "record.json")), StringComparison.Ordinal);

        var report = XDocument.Load(Path.Combine(target, "data", "metadata", "check-report.xml")).Root!;
        XNamespace r = Lantai.Transfer.Reports.CheckReportXml.Namespace;
        var codes = report.Element(r + "检测项列表")!.Elements().Select(e => e.Element(r + "编号")!.Value).ToList();
        Assert.Equal(["YJ-1-1", "YJ-1-7", "YJ-3-3"], codes); // this record's lines only

        var premis = XDocument.Load(Path.Combine(target, "data", "metadata", "events.xml")).Root!;
        var events = premis.Elements(Premis + "event").ToList();
        Assert.Equal(4, events.Count);
        Assert.Equal("message digest calculation", events[0].Element(Premis + "eventType")!.Value); // oldest first
        var ingestion = events.Single(e => e.Element(Premis + "eventType")!.Value == "ingestion");
        Assert.Equal("success", ingestion.Element(Premis + "eventOutcomeInformation")!.Element(Premis + "eventOutcome")!.Value);
        Assert.Equal("Lantai 0.1", ingestion.Element(Premis + "linkingAgentIdentifier")!.Element(Premis + "linkingAgentIdentifierValue")!.Value);
        Assert.Contains(ingestion.Elements(Premis + "linkingObjectIdentifier"), e => e.Element(Premis + "linkingObjectIdentifierValue")!.Value == content.Record.Id.ToString());
        Assert.NotNull(ingestion.Element(Premis + "eventDateTime"));
        Assert.Equal(2, premis.Elements(Premis + "agent").Count());
    }

    [Fact]
    public async Task Aip_WrittenAgain_ReplacesTheOldBagAndLeavesNoTemporaryFolder()
    {
        var content = await AipTestData.ContentAsync(Store);
        var target = AipLocation.PathOf(_dir, content.Record.Id);
        var writer = AipTestData.Writer(_dir, Store);
        await writer.WriteAsync(content, target, default);
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + ".tmp-left-by-a-crash"));

        await writer.WriteAsync(content with { Files = content.Files.Take(1).ToList() }, target, default);

        Assert.Equal([Path.GetFileName(target)], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
        Assert.Single(Directory.EnumerateFiles(Path.Combine(target, "data", "content"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Aip_Location_SpreadsByTheRandomEndOfTheRecordId()
    {
        var id = new RecordId(Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f40ab"));

        Assert.Equal(Path.Combine("/data", "aips", "ab", "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f40ab"), AipLocation.PathOf("/data", id));
    }

    [Fact]
    public void Aip_ManifestNames_PercentEncodeOnlyCrLfAndPercent()
    {
        Assert.Equal("data/content/a%25b%0D%0Ac 文.pdf", BagItText.EncodePath("data/content/a%b\r\nc 文.pdf"));
        Assert.Equal("data/content/a%b\r\nc 文.pdf", BagItText.DecodePath("data/content/a%25b%0D%0Ac 文.pdf"));
    }

    [Fact]
    public void Aip_UnsafeOrRepeatedNames_FallBackToTheSequenceNumber()
    {
        static RecordFile File(int sequence, string name) => new()
        {
            Sequence = sequence,
            OriginalName = name,
            ObjectSm3 = "",
            Length = 0,
            FormatId = "pdf",
            MediaType = "application/pdf",
        };

        var names = AipWriter.ContentNames([File(1, "正文.pdf"), File(2, "../etc/passwd.pdf"), File(3, "正文.pdf"), File(4, new string('长', 100) + ".pdf")]);

        Assert.Equal(["data/content/正文.pdf", "data/content/0002.pdf", "data/content/0003.pdf", "data/content/0004.pdf"], names);
    }

    [Fact]
    public async Task AipZip_HoldsTheBagUnderOneFolder_ContentStored()
    {
        var content = await AipTestData.ContentAsync(Store);
        var target = AipLocation.PathOf(_dir, content.Record.Id);
        await AipTestData.Writer(_dir, Store).WriteAsync(content, target, default);
        using var output = new MemoryStream();

        await AipExporter.WriteZipAsync(target, output, default);

        output.Position = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Read);
        var top = content.Record.Id + "/";
        Assert.All(zip.Entries, e => Assert.StartsWith(top, e.FullName, StringComparison.Ordinal));
        Assert.Equal(13, zip.Entries.Count); // 7 payload + bagit, bag-info, 2 manifests, 2 tag manifests
        var pdf = zip.GetEntry(top + "data/content/文件/通知.pdf")!;
        Assert.Equal(pdf.Length, pdf.CompressedLength);
        await using var stream = await pdf.OpenAsync();
        Assert.Equal(content.Files[0].ObjectSm3, Convert.ToHexStringLower(await Sm3.HashAsync(stream, default)));
    }

    private static long LinkCount(string path)
    {
        var start = new ProcessStartInfo("stat") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("%h");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<Dictionary<string, string>> BagInfoAsync(string bag) =>
        (await File.ReadAllLinesAsync(Path.Combine(bag, "bag-info.txt")))
            .Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private static async Task<List<(string Digest, string Path)>> ManifestAsync(string manifest) =>
        [.. (await File.ReadAllLinesAsync(manifest)).Select(l => l.Split("  ", 2)).Select(p => (p[0], BagItText.DecodePath(p[1])))];
}
