using System.Text;
using Lantai.Search.Content;
using Lantai.Tests.Samples;

namespace Lantai.Tests.Search.Indexing;

public sealed class ContentTextTests
{
    [Fact]
    public void Extract_Pdf_ReadsTheBodyText()
    {
        var text = ContentTextExtractor.Extract(ContentSamples.File(ContentSamples.NoticeBaseName + ".pdf"), "pdf", 1 << 20, default);

        Assert.Contains("主题教育", text, StringComparison.Ordinal);
        Assert.Contains("归档文件整理规则", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PdfA_ReadsTheBodyText()
    {
        var text = ContentTextExtractor.Extract(ContentSamples.File(ContentSamples.NoticeBaseName + ".pdfa.pdf"), "pdfa-2b", 1 << 20, default);

        Assert.Contains("旗档案馆", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Ofd_FollowsOfdXmlToEveryPagesTextCode()
    {
        var text = ContentTextExtractor.Extract(ContentSamples.Ofd("helloworld.ofd"), "ofd", 1 << 20, default);

        Assert.Contains("你好呀，OFD Reader&Writer！", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OfdInvoice_ReadsEveryTextObject()
    {
        var text = ContentTextExtractor.Extract(ContentSamples.Ofd("发票示例.ofd"), "ofd", 1 << 20, default);

        Assert.Contains("北京市海淀区颐和园西路一亩园11号", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TextInGb18030_IsDecoded()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".txt");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding(54936).GetBytes("关于档案征集工作的批复，请遵照执行。"));
        try
        {
            Assert.Equal("关于档案征集工作的批复，请遵照执行。", ContentTextExtractor.Extract(path, "txt", 1 << 20, default));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_XmlWithDtd_ExpandsNoEntityAndReadsNothingOutside()
    {
        var secret = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "机密内容");
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(path, $"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file://{secret}\">]><a><b>正文</b>&x;</a>");
        try
        {
            Assert.DoesNotContain("机密", ContentTextExtractor.Extract(path, "xml", 1 << 20, default), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
            File.Delete(secret);
        }
    }

    [Fact]
    public void Extract_Xml_ReadsTextNodesOnly()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(path, "<?xml version=\"1.0\"?><文件 密级=\"秘密\"><题名>关于档案征集工作的批复</题名><正文><![CDATA[请遵照执行]]></正文></文件>");
        try
        {
            var text = ContentTextExtractor.Extract(path, "xml", 1 << 20, default);

            Assert.Contains("关于档案征集工作的批复", text, StringComparison.Ordinal);
            Assert.Contains("请遵照执行", text, StringComparison.Ordinal);
            Assert.DoesNotContain("秘密", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Extract_LongText_IsCappedAtTheLimit()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("档案", 10_000)));
        try
        {
            Assert.Equal(1000, ContentTextExtractor.Extract(path, "txt", 1000, default).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
