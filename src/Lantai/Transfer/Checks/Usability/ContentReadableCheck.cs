using System.Globalization;
using System.Xml;
using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Usability;

/// <summary>
/// Each file really opens as what it is: a PDF opens with PdfPig and every page parses; an OFD's OFD.xml, documents,
/// pages and every referenced resource parse and resolve; an image decodes completely; audio and video headers read
/// with mediainfo; XML is well formed (DTDs refused). What cannot be judged here is 未检测 with the reason.
/// </summary>
public sealed class ContentReadableCheck(ContentInspections inspections) : ICheck
{
    public string Key => CheckKeys.ContentReadable;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<CheckFinding>();
        if (inspections.Media.Available)
        {
            var media = new List<string>();
            foreach (var file in context.Files)
            {
                if (ContentInspections.IsMedia(await inspections.FormatAsync(file.FullPath, cancellationToken)))
                {
                    media.Add(file.FullPath);
                }
            }

            await inspections.PrefetchMediaAsync(media, cancellationToken);
        }

        var judged = await context.JudgeFilesAsync(context.Files, async (file, token) =>
        {
            var (outcome, evidence) = await JudgeAsync(file, await inspections.FormatAsync(file.FullPath, token), token);
            return CheckSubjects.About(file, outcome, $"文件“{file.Path}”：{evidence}");
        }, cancellationToken);
        findings.AddRange(judged);
        return findings;
    }

    private async Task<(CheckOutcome, string)> JudgeAsync(CheckSubjectFile file, IdentifiedFormat format, CancellationToken cancellationToken)
    {
        if (ContentInspections.IsPdf(format))
        {
            var pdf = inspections.Pdf(file.FullPath, cancellationToken);
            return pdf.Problem is not null ? (CheckOutcome.Failed, pdf.Problem)
                : pdf.Encrypted ? (CheckOutcome.Failed, "PDF 已加密，长期保存须解密后移交")
                : pdf.Repaired is not null ? (CheckOutcome.Warning, $"{format.Name} 结构有误，经容错解析可打开（共 {pdf.PageCount} 页）：{pdf.Repaired}")
                : (CheckOutcome.Passed, $"{format.Name} 可正常打开，共 {pdf.PageCount} 页");
        }

        if (ContentInspections.IsOfd(format))
        {
            var ofd = inspections.Ofd(file.FullPath, cancellationToken);
            return ofd.Problems.Count > 0
                ? (CheckOutcome.Failed, $"{format.Name} 无法完整解析：{string.Join("；", ofd.Problems)}")
                : (CheckOutcome.Passed, $"{format.Name} 结构完整，共 {ofd.PageCount} 页，引用的资源均可解析");
        }

        switch (format.FormatId)
        {
            case "jpeg" or "png" or "gif" or "bmp" or "tiff":
                var image = ImageInspector.Inspect(file.FullPath, format.FormatId, cancellationToken)!;
                return image.Problem is not null
                    ? (CheckOutcome.Failed, $"{format.Name} {image.Problem}")
                    : (CheckOutcome.Passed, $"{format.Name} 可完整解码（{image.Width}×{image.Height}{(image.Frames > 1 ? $"，{image.Frames} 页" : "")}）");
            case "jp2":
                return (CheckOutcome.NotChecked, "JPEG 2000 已按文件头识别，Lantai 暂无 JPEG 2000 解码器，未做解码检测");
            case var _ when ContentInspections.IsMedia(format):
                if (!inspections.Media.Available)
                {
                    return (CheckOutcome.NotChecked, $"{format.Name}：未安装 mediainfo，未读取音视频头信息");
                }

                var media = await inspections.MediaAsync(file.FullPath, cancellationToken);
                return media.Problem is not null
                    ? (CheckOutcome.Failed, $"{format.Name} {media.Problem}")
                    : (CheckOutcome.Passed, $"{media.Container}，音频轨 {media.AudioTracks} 条，视频轨 {media.VideoTracks} 条" +
                        (media.DurationSeconds is { } d ? $"，时长 {d.ToString("0.###", CultureInfo.InvariantCulture)} 秒" : ""));
            case "xml":
                try
                {
                    await using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
                    SafeXml.Validate(stream);
                    return (CheckOutcome.Passed, "XML 格式良好");
                }
                catch (XmlException ex)
                {
                    return (CheckOutcome.Failed, "XML 无法解析（不允许 DTD 和外部实体）：" + ex.Message);
                }

            case "txt":
                return (CheckOutcome.Passed, "文本可按 UTF-8 或 GB18030 读取");
            case "empty":
                return (CheckOutcome.Failed, "空文件（0 字节）");
            default:
                return (CheckOutcome.NotChecked, $"{format.Name} 不是长期保存格式，不做可读性检测");
        }
    }
}
