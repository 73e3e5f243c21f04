using System.Text.Json;
using Lantai.Catalogue;
using Lantai.Tests.Catalogue.Export;
using Lantai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lantai.Tests.Cli;

public sealed class CliCommandTests
{
    [Fact]
    public async Task Demo_ThenExport_WritesValidXlsxPdfAndStamps()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var target = CliRunner.Target(database);
        var demo = await CliRunner.RunAsync([.. target, "demo"]);
        Assert.True(demo.ExitCode == 0, demo.Error);
        Assert.Contains("已载入示例数据", demo.Output, StringComparison.Ordinal);
        await using (var db = database.CreateContext())
        {
            // The demo's transfers: the first accepted (its DOCX item failed the format check), the second waiting,
            // the EEP accepted with its one file.
            var states = await db.Transfers.ToDictionaryAsync(t => t.Name, t => t.State);
            Assert.Equal(3, states.Count);
            Assert.Equal(Lantai.Transfer.TransferState.Accepted, states["示例旗人民政府办公室2025年第一批电子文件移交"]);
            Assert.Equal(Lantai.Transfer.TransferState.Checked, states["示例旗人民政府办公室2025年第二批电子文件移交"]);
            Assert.Equal(Lantai.Transfer.TransferState.Accepted, states["示例旗人民政府办公室2025年电子文件封装包（EEP）移交"]);
            Assert.Equal(4, await db.RecordFiles.CountAsync());
            Assert.True(await db.Records.AnyAsync(r => r.ArchivalCode == "0426-WS·2025-Y-BGS-0007" && r.Title == "关于做好主题教育文件材料收集归档工作的通知"));
        }

        var xlsx = Path.Combine(database.DataDir, "out", "目录.xlsx");
        var pdf = Path.Combine(database.DataDir, "out", "目录.pdf");
        var stamps = Path.Combine(database.DataDir, "out", "归档章.pdf");
        var x = await CliRunner.RunAsync([.. target, "export", "--out", xlsx, "--fonds", "0426", "--year", "2016"]);
        var p = await CliRunner.RunAsync([.. target, "export", "--format", "pdf", "--out", pdf, "--fonds", "0427", "--year-from", "1990", "--year-to", "1991", "--retention", "Y"]);
        var s = await CliRunner.RunAsync([.. target, "export", "--format", "stamps", "--out", stamps, "--fonds", "X013", "--year", "2020", "--org", "001"]);
        var listed = await CliRunner.RunAsync([.. target, "--json", "records", "list", "--fonds", "0426", "--year", "2016"]);

        Assert.True(x.ExitCode == 0, x.Error);
        Assert.True(p.ExitCode == 0, p.Error);
        Assert.True(s.ExitCode == 0, s.Error);
        var rows = MiniExcel.Query(xlsx, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var lines = listed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(rows.Count > 20);
        Assert.Equal(lines.Length, rows.Count);
        Assert.All(rows, r => Assert.StartsWith("0426-", (string)r["档号"]!, StringComparison.Ordinal));
        var catalogue = Poppler.Squeeze(await Poppler.TextAsync(await File.ReadAllBytesAsync(pdf)));
        Assert.Contains("全宗号：0427", catalogue, StringComparison.Ordinal);
        Assert.Contains("全宗名称：示例旗档案局", catalogue, StringComparison.Ordinal);
        Assert.Contains("0427-WS·1990-Y-", catalogue, StringComparison.Ordinal);
        Assert.Contains("0427-WS·1991-Y-", catalogue, StringComparison.Ordinal);
        Assert.DoesNotContain("-D30-", catalogue, StringComparison.Ordinal);
        var stampText = Poppler.Squeeze(await Poppler.TextAsync(await File.ReadAllBytesAsync(stamps)));
        Assert.Contains("X013-WS·2020·Y·001-0001", stampText, StringComparison.Ordinal);
        Assert.DoesNotContain("·002-", stampText, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RecordsListJson_PrintsOneCamelCaseObjectPerLine_WithChineseUnescaped(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExportCatalogue.CreateAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "records", "list", "--json", "--year", "2016", "--limit", "5"]);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains("\"title\":\"关于红色档案征集工作的批复\"", lines[0], StringComparison.Ordinal);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.StartsWith("0426-WS·2016-Y-BGS-", json.RootElement.GetProperty("archivalCode").GetString(), StringComparison.Ordinal);
            Assert.Equal("unreviewed", json.RootElement.GetProperty("openStatus").GetString());
            Assert.Equal(2016, json.RootElement.GetProperty("year").GetInt32());
        }
    }

    [Fact]
    public async Task RecordsList_WithoutJson_PrintsATable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "records", "list", "--classification", "内部"]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("内部文件的题名", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("红色档案", result.Output, StringComparison.Ordinal);
        Assert.Contains("共列出 1 件", result.Output, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AuditVerify_AfterAnEntryIsTamperedWith_ExitsOneNamingIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ExportCatalogue.CreateAsync(database);
        var target = CliRunner.Target(database);

        var intact = await CliRunner.RunAsync([.. target, "audit", "verify"]);
        await using (var db = database.CreateContext())
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 3);
            entry.Summary = "被改过的摘要";
            await db.SaveChangesAsync();
        }

        var broken = await CliRunner.RunAsync([.. target, "audit", "verify"]);
        var json = await CliRunner.RunAsync([.. target, "--json", "audit", "verify"]);

        Assert.Equal(0, intact.ExitCode);
        Assert.Contains("完好", intact.Output, StringComparison.Ordinal);
        Assert.Contains("共 10 条", intact.Output, StringComparison.Ordinal);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("第 3 条", broken.Output, StringComparison.Ordinal);
        Assert.Equal(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Output);
        Assert.False(document.RootElement.GetProperty("intact").GetBoolean());
        Assert.Equal(3, document.RootElement.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Fact]
    public async Task Demo_IntoAnArchiveWithData_ExitsOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await ExportCatalogue.CreateAsync(database);

        var result = await CliRunner.RunAsync([.. CliRunner.Target(database), "demo"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("示例数据只能载入空的档案馆", result.Error, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.Fonds.CountAsync(f => f.Code == "X013"));
    }

    [Fact]
    public async Task Export_WithoutAKnownFormat_IsAUsageError()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var unknown = await CliRunner.RunAsync([.. CliRunner.Target(database), "export", "--out", Path.Combine(database.DataDir, "目录.doc")]);
        var badStatus = await CliRunner.RunAsync([.. CliRunner.Target(database), "records", "list", "--open-status", "半开"]);

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--format", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, badStatus.ExitCode);
        Assert.Contains("开放状态", badStatus.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordsList_OpenStatusInChineseOrEnglish_SelectsTheSameRecords()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            Assert.True((await DemoCatalogue.LoadAsync(db, TimeProvider.System, "test", null, default)).Succeeded);
        }

        var chinese = await CliRunner.RunAsync([.. CliRunner.Target(database), "--json", "records", "list", "--open-status", "开放", "--fonds", "0433"]);
        var english = await CliRunner.RunAsync([.. CliRunner.Target(database), "--json", "records", "list", "--open-status", "open", "--fonds", "0433"]);

        Assert.Equal(0, chinese.ExitCode);
        Assert.NotEmpty(chinese.Output);
        Assert.Equal(chinese.Output, english.Output);
        Assert.All(chinese.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.Contains("\"openStatus\":\"open\"", l, StringComparison.Ordinal));
    }
}
