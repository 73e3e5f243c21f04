using System.IO.Compression;
using System.Text;
using Lantai.Catalogue.Import;

namespace Lantai.Tests.Catalogue.Import;

/// <summary>The streaming xlsx reader on the constructs spreadsheet programs write.</summary>
public sealed class XlsxTableReaderTests
{
    private static MemoryStream Workbook(string sheetXml, string sharedStrings, string styles)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string content)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(content);
            }

            Add("xl/workbook.xml", """<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="目录" sheetId="1" r:id="rId7"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/catalogue.xml"/></Relationships>""");
            Add("xl/worksheets/catalogue.xml", sheetXml);
            Add("xl/sharedStrings.xml", sharedStrings);
            Add("xl/styles.xml", styles);
        }

        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Read_SharedRichInlineDatesAndMissingRows_ReturnsCellsAtTheirSpreadsheetRows()
    {
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = $"""
            <worksheet xmlns="{ns}"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
            <row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve"> 行内 </t></is></c><c r="B4" s="1"><v>42441</v></c><c r="C4" s="2"><v>42441</v></c><c r="D4" t="b"><v>1</v></c><c r="E4" t="str"><f>A4</f><v>公式结果</v></c><c r="F4"><v>426</v></c></row>
            <row r="5"/>
            </sheetData></worksheet>
            """;
        var shared = $"""<sst xmlns="{ns}"><si><t>题名</t></si><si><r><t>第一</t></r><r><rPr><b/></rPr><t>段_x000D_</t></r><rPh sb="0" eb="1"><t>ダイ</t></rPh></si></sst>""";
        var styles = $"""<styleSheet xmlns="{ns}"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="2"/></cellXfs></styleSheet>""";

        using var reader = new XlsxTableReader(Workbook(sheet, shared, styles));

        Assert.True(reader.Read());
        Assert.Equal((1, "题名", null, "第一段\r"), (reader.RowNumber, reader.Get(0), reader.Get(1), reader.Get(2)));
        Assert.True(reader.Read());
        Assert.Equal((2, 0), (reader.RowNumber, reader.FieldCount));
        Assert.True(reader.Read());
        Assert.Equal(3, reader.RowNumber);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.RowNumber);
        Assert.Equal(" 行内 ", reader.Get(0));
        Assert.Equal(new DateTime(2016, 3, 12), reader.Get(1));
        Assert.Equal(42441.0, reader.Get(2));
        Assert.Equal(true, reader.Get(3));
        Assert.Equal("公式结果", reader.Get(4));
        Assert.Equal(426.0, reader.Get(5));
        Assert.True(reader.Read());
        Assert.Equal((5, 0), (reader.RowNumber, reader.FieldCount));
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData(14, true)]
    [InlineData(31, true)]
    [InlineData(57, true)]
    [InlineData(0, false)]
    [InlineData(49, false)]
    public void Read_BuiltInNumberFormats_TellDatesFromNumbers(int numFmtId, bool isDate)
    {
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = $"""<worksheet xmlns="{ns}"><sheetData><row><c s="1"><v>42441</v></c></row></sheetData></worksheet>""";
        var styles = $"""<styleSheet xmlns="{ns}"><cellXfs><xf numFmtId="0"/><xf numFmtId="{numFmtId}"/></cellXfs></styleSheet>""";

        using var reader = new XlsxTableReader(Workbook(sheet, $"<sst xmlns=\"{ns}\"/>", styles));

        Assert.True(reader.Read());
        Assert.Equal(isDate ? new DateTime(2016, 3, 12) : 42441.0, reader.Get(0));
    }
}
