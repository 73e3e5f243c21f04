using System.Text;
using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Authenticity;

/// <summary>
/// The catalogue agrees with what the content says of itself (DA/T 70 "内容数据的电子属性一致性"): the pages of the
/// item's PDF and OFD files against 页数 (不通过 when different), their metadata title and creation date against 题名
/// and 日期 (警告 when different: producers often leave a file name or the export date there); what the file does not
/// carry is not compared.
/// </summary>
public sealed class ContentMetadataCheck(ContentInspections inspections) : ICheck
{
    public string Key => CheckKeys.ContentMetadata;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var byKey = context.Files.GroupBy(f => f.PathKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var findings = new List<CheckFinding>();
        foreach (var item in context.Items.Where(i => i.Record is not null))
        {
            var record = item.Record!;
            var pages = 0;
            var documents = 0;
            var notes = new List<string>();
            var outcome = CheckOutcome.Passed;
            foreach (var file in item.FileRefs.Select(r => byKey.GetValueOrDefault(r)).OfType<CheckSubjectFile>())
            {
                var format = await inspections.FormatAsync(file.FullPath, cancellationToken);
                string? title;
                DateOnly? created;
                if (ContentInspections.IsPdf(format))
                {
                    var pdf = inspections.Pdf(file.FullPath, cancellationToken);
                    if (pdf.Problem is not null)
                    {
                        continue;
                    }

                    (title, created) = (pdf.Title, pdf.CreationDate);
                    pages += pdf.PageCount;
                }
                else if (ContentInspections.IsOfd(format))
                {
                    var ofd = inspections.Ofd(file.FullPath, cancellationToken);
                    (title, created) = (ofd.Title, ofd.CreationDate);
                    pages += ofd.PageCount;
                }
                else
                {
                    continue;
                }

                documents++;
                if (title is not null && !SameTitle(title, record.Title))
                {
                    notes.Add($"文件“{file.Path}”元数据题名“{title}”与题名“{record.Title}”不同");
                    outcome = Worse(outcome, CheckOutcome.Warning);
                }

                if (created is { } c && record.Date is { } d && c != d)
                {
                    notes.Add($"文件“{file.Path}”创建日期 {c:yyyyMMdd} 与日期 {d:yyyyMMdd} 不同");
                    outcome = Worse(outcome, CheckOutcome.Warning);
                }
            }

            if (documents == 0)
            {
                continue;
            }

            if (record.PageCount is { } declared && declared != pages)
            {
                notes.Insert(0, $"页数 {declared}，版式文件共 {pages} 页");
                outcome = CheckOutcome.Failed;
            }
            else
            {
                notes.Insert(0, record.PageCount is null ? $"目录未填页数（版式文件共 {pages} 页）" : $"页数 {pages} 一致");
            }

            findings.Add(CheckSubjects.About(item, outcome, string.Join("；", notes)));
        }

        return findings;
    }

    private static CheckOutcome Worse(CheckOutcome a, CheckOutcome b) => a == CheckOutcome.Failed || b == CheckOutcome.Failed ? CheckOutcome.Failed : b;

    /// <summary>Titles compare without spaces and punctuation width differences; a title containing the other counts as the same.</summary>
    private static bool SameTitle(string fileTitle, string recordTitle)
    {
        static string Key(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var ch in s.Normalize(NormalizationForm.FormKC))
            {
                if (!char.IsWhiteSpace(ch))
                {
                    sb.Append(ch);
                }
            }

            return sb.ToString();
        }

        var a = Key(fileTitle);
        var b = Key(recordTitle);
        return a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal);
    }
}
