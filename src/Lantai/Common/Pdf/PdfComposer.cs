using SkiaSharp;

namespace Lantai.Common.Pdf;

/// <summary>
/// Writes a PDF by running its drawing code twice. The measuring pass draws into nothing and learns the page count
/// (for "第 n 页 共 m 页") and the glyphs used; the drawing pass writes the document with Zen Hei cut down to those
/// glyphs (<see cref="PdfFonts.CreateCjkSubset"/>). The drawing code must be deterministic: it reads its data twice,
/// so read it inside one snapshot. Skia writes synchronously, which an ASP.NET Core response body refuses: any
/// output other than a file or memory stream receives the finished document from a temporary file, asynchronously.
/// </summary>
public static class PdfComposer
{
    public static async Task<TResult> WriteAsync<TResult>(
        Stream output, SKDocumentPdfMetadata metadata, Func<PdfPass, Task<TResult>> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(render);
        if (output is FileStream or MemoryStream)
        {
            return await ComposeAsync(output, metadata, render);
        }

        var path = Path.Combine(Path.GetTempPath(), "lantai-pdf-" + Guid.NewGuid().ToString("N") + ".tmp");
        await using var spool = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var result = await ComposeAsync(spool, metadata, render);
        spool.Position = 0;
        await spool.CopyToAsync(output, cancellationToken);
        return result;
    }

    private static async Task<TResult> ComposeAsync<TResult>(Stream output, SKDocumentPdfMetadata metadata, Func<PdfPass, Task<TResult>> render)
    {
        int pages;
        HashSet<ushort> glyphs;
        using (var measuring = new PdfPass(null, new PdfTextPainter(), totalPages: 0))
        {
            await render(measuring);
            measuring.EndPage();
            pages = measuring.PageCount;
            glyphs = measuring.Text.UsedCjkGlyphs;
        }

        using var cjk = PdfFonts.CreateCjkSubset(glyphs);
        using var document = SKDocument.CreatePdf(output, metadata) ?? throw new InvalidOperationException("Skia could not create a PDF document.");
        using var drawing = new PdfPass(document, new PdfTextPainter(cjk, PdfFonts.Mongolian), pages);
        var result = await render(drawing);
        drawing.EndPage();
        document.Close();
        return result;
    }
}
