using SkiaSharp;

namespace Lantai.Common.Pdf;

/// <summary>
/// One run of a document's drawing code (see <see cref="PdfComposer"/>). In the measuring pass pages are canvases that
/// draw nothing; in the drawing pass they are the PDF's pages and <see cref="TotalPages"/> is known, for "共 m 页".
/// </summary>
public sealed class PdfPass : IDisposable
{
    private readonly SKDocument? _document;
    private SKCanvas? _page;
    private SKNoDrawCanvas? _blank;

    internal PdfPass(SKDocument? document, PdfTextPainter text, int totalPages)
    {
        _document = document;
        Text = text;
        TotalPages = totalPages;
    }

    /// <summary>Measures, wraps and draws text in the document's fonts.</summary>
    public PdfTextPainter Text { get; }

    public bool IsDrawing => _document is not null;

    /// <summary>The page count of the whole document; 0 while measuring.</summary>
    public int TotalPages { get; }

    /// <summary>Pages begun so far; the number of the current page.</summary>
    public int PageCount { get; private set; }

    public bool HasOpenPage => _page is not null;

    /// <summary>Ends the open page, if any, and begins a new one.</summary>
    public SKCanvas BeginPage(float width, float height)
    {
        EndPage();
        PageCount++;
        if (_document is not null)
        {
            _page = _document.BeginPage(width, height);
        }
        else
        {
            _blank = new SKNoDrawCanvas((int)Math.Ceiling(width), (int)Math.Ceiling(height));
            _page = _blank;
        }

        return _page;
    }

    public void EndPage()
    {
        if (_page is null)
        {
            return;
        }

        _document?.EndPage();
        _blank?.Dispose();
        _blank = null;
        _page = null;
    }

    public void Dispose()
    {
        _blank?.Dispose();
        Text.Dispose();
    }
}
