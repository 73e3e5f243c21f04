using System.IO.Compression;
using System.Text;
using Lantai.Preservation.Formats;

namespace Lantai.Transfer.Checks.Security;

/// <summary>
/// No executables, scripts or macro-bearing office files, whatever their names: programs and scripts by their content
/// (PE, ELF, Mach-O, "#!", script names on text), macros in OOXML/ZIP by a vbaProject.bin part and in OLE (Office
/// 97-2003) files by their VBA storage ("_VBA_PROJECT", "Macros").
/// </summary>
public sealed class ExecutableContentCheck(ContentInspections inspections) : ICheck
{
    /// <summary>OLE files are scanned whole for the VBA storage names; larger ones are reported not checked.</summary>
    private const long OleScanLimit = 256L * 1024 * 1024;

    private static readonly byte[][] OleMacroMarks = [Encoding.Unicode.GetBytes("_VBA_PROJECT"), Encoding.Unicode.GetBytes("Macros")];

    public string Key => CheckKeys.ExecutableContent;

    public async Task<IReadOnlyList<CheckFinding>> RunAsync(CheckContext context, CheckRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<CheckFinding>();
        foreach (var file in context.Files)
        {
            var format = await inspections.FormatAsync(file.FullPath, cancellationToken);
            if (FileFormats.IsExecutable(format))
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”是{format.Name}，不得移交"));
            }
            else if (format.FormatId is "docx" or "xlsx" or "pptx" or "zip" or "odf" && ZipMacro(file.FullPath) is { } part)
            {
                findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”（{format.Name}）含宏（{part}）"));
            }
            else if (format.FormatId is "doc" or "xls" or "ppt" or "ole")
            {
                if (file.Length > OleScanLimit)
                {
                    findings.Add(CheckSubjects.About(file, CheckOutcome.NotChecked, $"文件“{file.Path}”（{format.Name}）过大，未检测宏"));
                }
                else if (await ContainsAnyAsync(file.FullPath, OleMacroMarks, cancellationToken))
                {
                    findings.Add(CheckSubjects.About(file, CheckOutcome.Failed, $"文件“{file.Path}”（{format.Name}）含 VBA 宏"));
                }
            }
        }

        if (findings.Count == 0)
        {
            findings.Add(new CheckFinding(CheckOutcome.Passed, $"{context.Files.Count} 个文件中未发现可执行程序、脚本或宏"));
        }

        return findings;
    }

    private static string? ZipMacro(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.FirstOrDefault(e =>
                e.Name.Equals("vbaProject.bin", StringComparison.OrdinalIgnoreCase) ||
                e.FullName.StartsWith("Basic/", StringComparison.OrdinalIgnoreCase))?.FullName;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static async Task<bool> ContainsAnyAsync(string path, byte[][] marks, CancellationToken cancellationToken)
    {
        var overlap = marks.Max(m => m.Length);
        var buffer = new byte[(1 << 20) + overlap];
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var carried = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(carried, buffer.Length - carried), cancellationToken)) > 0)
        {
            var filled = carried + read;
            foreach (var mark in marks)
            {
                if (buffer.AsSpan(0, filled).IndexOf(mark) >= 0)
                {
                    return true;
                }
            }

            carried = Math.Min(overlap, filled);
            buffer.AsSpan(filled - carried, carried).CopyTo(buffer);
        }

        return false;
    }
}
