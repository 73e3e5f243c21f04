using System.Text;
using System.Xml;
using Lantai.Preservation.Formats;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Lantai.Search.Content;

/// <summary>
/// Reads the text of one stored file for the index: PDF (PdfPig, text in content order), OFD (<see cref="OfdText"/>),
/// plain text (UTF-8 or GB18030) and XML (text nodes only, DTDs prohibited). Other formats (images, audio, video) have
/// no text of their own; their text comes from OCR later (<see cref="IRecordTextSource"/>). At most
/// <paramref name="limit"/> characters are returned: the index needs the words, not whole books.
/// </summary>
public static class ContentTextExtractor
{
    /// <summary>Whether files of this format carry text this extractor reads.</summary>
    public static bool HasText(string formatId) =>
        formatId.StartsWith("pdf", StringComparison.Ordinal) || formatId is "ofd" or "ofd-a" or "txt" or "xml";

    /// <summary>The text of the file at <paramref name="path"/>; "" when it has none or cannot be read as its format.</summary>
    public static string Extract(string path, string formatId, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(formatId);
        var text = new CappedText(limit);
        try
        {
            if (formatId.StartsWith("pdf", StringComparison.Ordinal))
            {
                Pdf(path, text, cancellationToken);
            }
            else if (formatId is "ofd" or "ofd-a")
            {
                OfdText.Read(path, text, cancellationToken);
            }
            else if (formatId == "txt")
            {
                PlainText(path, text);
            }
            else if (formatId == "xml")
            {
                Xml(path, text);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (CappedText.FullException)
        {
            // Enough text for the index.
        }
        catch (IOException)
        {
            // The store is the source of truth: a file that cannot be read now is not cached as "no text".
            throw;
        }
#pragma warning disable CA1031 // PdfPig, the zip reader and the XML reader throw many types on damaged files; a damaged file simply has no indexable text.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Keep what was read before the damage.
        }

        return text.ToString();
    }

    private static void Pdf(string path, CappedText text, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var document = PdfDocument.Open(stream, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        foreach (var page in document.GetPages())
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.AppendLine(ContentOrderTextExtractor.GetText(page));
        }
    }

    private static void PlainText(string path, CappedText text)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var encoding = TextEncodingDetector.Detect(stream, out var preamble);
        stream.Position = preamble;
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false);
        var buffer = new char[16384];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            text.Append(buffer.AsSpan(0, read));
        }
    }

    private static void Xml(string path, CappedText text)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = XmlReader.Create(stream, SafeXml.Settings);
        while (reader.Read())
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                text.Append(reader.Value.AsSpan().Trim());
                text.Append(" ");
            }
        }
    }

    /// <summary>A string builder that stops (by throwing <see cref="FullException"/>) once it holds the limit.</summary>
    internal sealed class CappedText(int limit)
    {
        private readonly StringBuilder _builder = new();

        public void Append(ReadOnlySpan<char> value)
        {
            var room = limit - _builder.Length;
            if (value.Length >= room)
            {
                _builder.Append(value[..Math.Max(0, room)]);
                throw new FullException();
            }

            _builder.Append(value);
        }

        public void AppendLine(string value)
        {
            Append(value);
            Append("\n");
        }

        public override string ToString() => _builder.ToString();

        internal sealed class FullException : Exception
        {
        }
    }
}
