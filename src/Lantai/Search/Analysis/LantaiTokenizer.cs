using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Lantai.Search.Analysis;

/// <summary>
/// The whole analysis chain in one tokenizer. Written by hand rather than composed from Lucene's StandardTokenizer,
/// CJKWidthFilter, LowerCaseFilter and CJKBigramFilter because (1) it is one table-driven pass over the text with no
/// per-token allocation, where the composed chain runs the UAX#29 grammar and three filters per token — indexing must
/// reach 8,000 records/s on two cores; (2) folding happens while segmenting, so every offset points into the ORIGINAL
/// text even where characters were folded or removed (U+180E, FVS, ZWJ…) and the highlighter can mark the stored text;
/// (3) the rules Lantai needs — script boundaries (2021年, 〔2021〕12号), spaces between CJK characters ignored, Mongolian
/// words with their invisible characters removed — are not what StandardTokenizer does.
/// </summary>
public sealed class LantaiTokenizer : Tokenizer
{
    public const string UnigramType = "<UNI>";
    public const string BigramType = "<BI>";
    public const string WordType = "<WORD>";
    public const string NumberType = "<NUM>";
    public const string MongolianType = "<MONG>";

    // A field of a few MB of content text is read whole; a buffer grown past this is let go after the field, so one
    // huge document does not pin memory in every thread's reused tokenizer.
    private const int KeptBufferLength = 64 * 1024;

    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _positionIncrement;
    private readonly ITypeAttribute _type;
    private readonly TokenScanner _scanner = new();
    private char[] _buffer = new char[1024];
    private int _length;

    public LantaiTokenizer(TextReader input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _positionIncrement = AddAttribute<IPositionIncrementAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!_scanner.Next())
        {
            return false;
        }
        ClearAttributes();
        _term.CopyBuffer(_scanner.Term, 0, _scanner.TermLength);
        _offset.SetOffset(CorrectOffset(_scanner.StartOffset), CorrectOffset(_scanner.EndOffset));
        _positionIncrement.PositionIncrement = _scanner.PositionIncrement;
        _type.Type = _scanner.Kind switch
        {
            TokenKind.Unigram => UnigramType,
            TokenKind.Bigram => BigramType,
            TokenKind.Number => NumberType,
            TokenKind.Mongolian => MongolianType,
            _ => WordType,
        };
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        // The whole field is read first: a CJK run continues across any number of spaces, so the scanner looks ahead
        // freely, and catalogue fields are short.
        _length = 0;
        int read;
        while ((read = m_input.Read(_buffer, _length, _buffer.Length - _length)) > 0)
        {
            _length += read;
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
        }
        _scanner.Reset(_buffer, _length);
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(_length);
        _offset.SetOffset(final, final);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _buffer.Length > KeptBufferLength)
        {
            _buffer = new char[1024];
            _length = 0;
            _scanner.Reset(_buffer, 0);
        }
    }
}
