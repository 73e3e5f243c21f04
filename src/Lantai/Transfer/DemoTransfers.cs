using System.Text;
using Lantai.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Lantai.Transfer;

/// <summary>
/// Three transfers of the demo archive, made from real files of other producers (embedded under Assets/Demo/Transfer):
/// the first is checked and its passing items accepted, so records with files, AIPs and histories exist at once; the
/// second waits for the archivist's decision, so the check report and the accept/reject buttons can be tried; the third
/// is one record as a DA/T 48 EEP (the notice's PDF inside its XML), checked and accepted.
/// </summary>
public static class DemoTransfers
{
    private const string Header = "档号,全宗号,年度,保管期限,机构(问题),件号,责任者,文号,题名,日期,页数,密级,备注,文件";

    private static readonly (string Package, (int Item, string Title, string Number, string File, string Resource)[] Rows)[] Packages =
    [
        ("示例旗人民政府办公室2025年第一批电子文件移交",
        [
            (1, "关于做好2025年度档案移交工作的通知", "示旗政办发〔2025〕3号", "正文/关于做好2025年度档案移交工作的通知.pdf", "notice-pdfa.pdf"),
            (2, "关于做好2025年度档案移交工作的通知（扫描件）", "", "扫描件/通知扫描件.jpg", "scan.jpg"),
            (3, "示例旗2025年档案工作简报", "", "简报/档案工作简报.ofd", "horizontal.ofd"),
            (4, "关于档案移交工作的说明（修改稿）", "", "草稿/说明（修改稿）.docx", "notice.docx"),
        ]),
        ("示例旗人民政府办公室2025年第二批电子文件移交",
        [
            (5, "关于开展档案开放审核工作的通知", "示旗政办发〔2025〕11号", "正文/关于开展档案开放审核工作的通知.pdf", "notice.pdf"),
            (6, "示例旗档案馆电子文件样例", "", "正文/电子文件样例.ofd", "helloworld.ofd"),
        ]),
    ];

    private const string EepPackage = "示例旗人民政府办公室2025年电子文件封装包（EEP）移交";

    /// <summary>Builds, checks and (for the first and the EEP) accepts the demo transfers; call with a scope's services after the demo catalogue is loaded.</summary>
    public static async Task LoadAsync(IServiceProvider services, string dataDir, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        var packages = Path.Combine(dataDir, "staging", "demo-packages");
        var first = true;
        foreach (var (name, rows) in Packages)
        {
            var folder = Path.Combine(packages, name);
            Write(folder, rows);
            await ReceiveAsync(services, folder, name, accept: first, actor, cancellationToken);
            first = false;
            Directory.Delete(folder, recursive: true); // the transfer has its own staged copy
        }

        var eep = Path.Combine(packages, EepPackage + ".eep");
        Copy("notice.eep", eep);
        await ReceiveAsync(services, eep, EepPackage, accept: true, actor, cancellationToken);
        File.Delete(eep);
    }

    private static async Task ReceiveAsync(IServiceProvider services, string path, string name, bool accept, string actor, CancellationToken cancellationToken)
    {
        var receipt = await services.GetRequiredService<TransferService>().ReceiveAsync(
            new TransferRequest { Path = path, Name = name, Actor = actor, TransferringUnit = "示例旗人民政府办公室", QueueCheck = false }, cancellationToken);
        if (!receipt.Succeeded)
        {
            return;
        }

        var transfer = await services.GetRequiredService<TransferChecker>().RunAsync(receipt.Value.Transfer.Id, receipt.Value.SourcePath, actor, null, cancellationToken);
        if (accept && transfer.State == TransferState.Checked
            && (await services.GetRequiredService<TransferService>().AcceptInForegroundAsync(transfer.Id, null, actor, cancellationToken)).Succeeded)
        {
            await services.GetRequiredService<TransferIngester>().RunAsync(transfer.Id, actor, null, cancellationToken);
        }
    }

    private static void Copy(string resource, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var source = typeof(DemoTransfers).Assembly.GetManifestResourceStream("Lantai.Assets.Demo.Transfer." + resource)
            ?? throw new InvalidOperationException("Demo transfer file missing: " + resource);
        using var target = File.Create(path);
        source.CopyTo(target);
    }

    private static void Write(string folder, (int Item, string Title, string Number, string File, string Resource)[] rows)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var (item, title, number, file, resource) in rows)
        {
            Copy(resource, Path.Combine(folder, file));
            csv.Append(FormattableString.Invariant($"0426-WS·2025-Y-BGS-{item:0000},0426,2025,Y,BGS,{item},示例旗人民政府办公室,{number},{title},20250312,1,,,{file}\r\n"));
        }

        File.WriteAllText(Path.Combine(folder, "目录.csv"), csv.ToString(), new UTF8Encoding(true));
    }
}
