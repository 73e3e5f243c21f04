using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lantai.Tests.Catalogue.Export;

/// <summary>Reads PDFs back with poppler-utils (pdftotext, pdffonts), as a person or a checker would.</summary>
internal static class Poppler
{
    /// <summary>The text of the document or of one page; <paramref name="layout"/> keeps each table row on one line.</summary>
    public static Task<string> TextAsync(byte[] pdf, int? page = null, bool layout = false)
    {
        var options = new List<string> { "-enc", "UTF-8" };
        if (page is { } p)
        {
            options.AddRange(["-f", p.ToString(CultureInfo.InvariantCulture), "-l", p.ToString(CultureInfo.InvariantCulture)]);
        }

        if (layout)
        {
            options.Add("-layout");
        }

        return RunAsync("pdftotext", pdf, [.. options], "-");
    }

    public static Task<string> FontsAsync(byte[] pdf) => RunAsync("pdffonts", pdf, [], null);

    /// <summary>Text with all white space removed: pdftotext breaks wrapped cells into lines and drops or adds spaces between runs.</summary>
    public static string Squeeze(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] options, string? target)
    {
        var file = Path.Combine(Path.GetTempPath(), "lantai-test-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add(file);
            if (target is not null)
            {
                start.ArgumentList.Add(target);
            }

            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
