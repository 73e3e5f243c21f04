using System.Text;
using Lantai.Preservation.Formats;
using Lantai.Tests.Samples;

namespace Lantai.Tests.Preservation.Formats;

public sealed class FormatIdentifierTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lantai-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(ContentSamples.NoticeBaseName + ".pdf", "pdf")]
    [InlineData(ContentSamples.NoticeBaseName + ".pdfa.pdf", "pdfa-2b")]
    [InlineData(ContentSamples.NoticeBaseName + ".docx", "docx")]
    [InlineData("scan-300dpi-colour.tif", "tiff")]
    [InlineData("scan-300dpi-grey.tif", "tiff")]
    [InlineData("scan-200dpi.jpg", "jpeg")]
    public async Task Identify_Samples_ByContent(string file, string expected)
    {
        var format = await FormatIdentifier.IdentifyAsync(ContentSamples.File(file), default);
        Assert.Equal(expected, format.FormatId);
    }

    [Theory]
    [InlineData("helloworld.ofd", "ofd")]
    [InlineData("test-ofda.ofd", "ofd-a")]
    [InlineData("发票示例.ofd", "ofd")]
    public async Task Identify_Ofd_TellsOfdAFromDocType(string file, string expected)
    {
        var format = await FormatIdentifier.IdentifyAsync(ContentSamples.Ofd(file), default);
        Assert.Equal(expected, format.FormatId);
    }

    [Fact]
    public async Task Identify_PdfNamedJpg_IsPdf()
    {
        var renamed = Path.Combine(_dir, "扫描件.jpg");
        File.Copy(ContentSamples.File(ContentSamples.NoticeBaseName + ".pdf"), renamed);

        var format = await FormatIdentifier.IdentifyAsync(renamed, default);

        Assert.Equal("pdf", format.FormatId);
    }

    [Fact]
    public async Task Identify_ProgramsAndScripts_EvenWithDocumentNames()
    {
        var elf = Write("报告.pdf", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        var exe = Write("通知.ofd", [(byte)'M', (byte)'Z', .. new byte[126]]);
        var shell = Write("说明.txt", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"));
        var batch = Write("run.bat", Encoding.UTF8.GetBytes("del /q *.*\r\n"));

        Assert.Equal("elf", (await FormatIdentifier.IdentifyAsync(elf, default)).FormatId);
        Assert.Equal("exe", (await FormatIdentifier.IdentifyAsync(exe, default)).FormatId);
        Assert.Equal("script", (await FormatIdentifier.IdentifyAsync(shell, default)).FormatId);
        Assert.Equal("script", (await FormatIdentifier.IdentifyAsync(batch, default)).FormatId);
    }

    [Fact]
    public async Task Identify_Text_Utf8AndGb18030AndXml()
    {
        var utf8 = Write("a.txt", Encoding.UTF8.GetBytes("关于红色档案征集工作的批复\n"));
        var gb = Write("b.txt", Lantai.Catalogue.Import.TextEncodings.Gb18030.GetBytes("关于红色档案征集工作的批复\r\n"));
        var xml = Write("c.dat", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><电子文件封装包/>"));

        Assert.Equal("txt", (await FormatIdentifier.IdentifyAsync(utf8, default)).FormatId);
        Assert.Equal("txt", (await FormatIdentifier.IdentifyAsync(gb, default)).FormatId);
        Assert.Equal("xml", (await FormatIdentifier.IdentifyAsync(xml, default)).FormatId);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
