namespace Lantai.Search.Analysis;

/// <summary>
/// One pass over the original text, folding and segmenting at once (the core of <see cref="LantaiTokenizer"/> and of
/// <see cref="LantaiAnalyzer.Tokens"/>). Runs split where the script changes (CJK / Mongolian / other letters / digits);
/// punctuation and spaces end a run, except that spaces between two CJK characters are skipped (OCR puts them in:
/// "12 号", "档 案"). A CJK run gives at each character a unigram and, when a next character follows in the run, a
/// bigram at the same position. Offsets always point into the original text, whatever was folded or removed.
/// </summary>
internal sealed class TokenScanner
{
    /// <summary>Longer words are cut into pieces of this length (as StandardTokenizer does), keeping terms far below Lucene's limit.</summary>
    internal const int MaxWordLength = 255;

    private static readonly char[] Folded = SearchKeyFolding.Folded;
    private static readonly CharClass[] Classes = SearchKeyFolding.Classes;

    private char[] _text = [];
    private int _length;
    private int _pos;

    // CJK state: the current character waits for its unigram, then (if the run goes on) the bigram with the next one.
    private CjkChar _current;
    private CjkChar _next;
    private bool _unigramPending;
    private bool _bigramPending;

    /// <summary>The folded term of the last token: <see cref="TermLength"/> characters.</summary>
    public char[] Term { get; } = new char[MaxWordLength + 4];

    public int TermLength { get; private set; }

    public int StartOffset { get; private set; }

    public int EndOffset { get; private set; }

    /// <summary>1 for the first token at a character or word, 0 for a bigram (it stands at its first character's position).</summary>
    public int PositionIncrement { get; private set; }

    public TokenKind Kind { get; private set; }

    public void Reset(char[] text, int length)
    {
        _text = text;
        _length = length;
        _pos = 0;
        _unigramPending = false;
        _bigramPending = false;
    }

    public bool Next()
    {
        if (_bigramPending)
        {
            _bigramPending = false;
            var length = _current.CopyTo(Term, 0);
            TermLength = _next.CopyTo(Term, length);
            StartOffset = _current.Start;
            EndOffset = _next.End;
            PositionIncrement = 0;
            Kind = TokenKind.Bigram;
            _current = _next;
            _unigramPending = true;
            return true;
        }
        if (_unigramPending)
        {
            EmitUnigram();
            return true;
        }
        var text = _text;
        while (_pos < _length)
        {
            var c = text[_pos];
            var cls = Classes[c];
            switch (cls)
            {
                case CharClass.Cjk:
                    _current = new CjkChar(Folded[c], '\0', 1, _pos, _pos + 1);
                    _pos++;
                    EmitUnigram();
                    return true;
                case CharClass.Digit or CharClass.Word or CharClass.Mongolian:
                    ScanRun(cls);
                    return true;
                case CharClass.HighSurrogate when _pos + 1 < _length && char.IsLowSurrogate(text[_pos + 1]):
                    var supplementary = SearchKeyFolding.ClassOf(char.ConvertToUtf32(c, text[_pos + 1]));
                    if (supplementary == CharClass.Cjk)
                    {
                        _current = new CjkChar(c, text[_pos + 1], 2, _pos, _pos + 2);
                        _pos += 2;
                        EmitUnigram();
                        return true;
                    }
                    if (supplementary == CharClass.Word)
                    {
                        ScanRun(CharClass.Word);
                        return true;
                    }
                    _pos += 2;
                    break;
                default:
                    _pos++;
                    break;
            }
        }
        return false;
    }

    private void EmitUnigram()
    {
        _unigramPending = false;
        TermLength = _current.CopyTo(Term, 0);
        StartOffset = _current.Start;
        EndOffset = _current.End;
        PositionIncrement = 1;
        Kind = TokenKind.Unigram;
        _bigramPending = TryReadNextCjk();
    }

    /// <summary>The next CJK character of the run, across spaces and invisible characters; false (position kept) when the run ends.</summary>
    private bool TryReadNextCjk()
    {
        var text = _text;
        for (var p = _pos; p < _length; p++)
        {
            var c = text[p];
            switch (Classes[c])
            {
                case CharClass.Space or CharClass.Ignorable or CharClass.Mark:
                    continue;
                case CharClass.Cjk:
                    _next = new CjkChar(Folded[c], '\0', 1, p, p + 1);
                    _pos = p + 1;
                    return true;
                case CharClass.HighSurrogate when p + 1 < _length && char.IsLowSurrogate(text[p + 1]):
                    var supplementary = SearchKeyFolding.ClassOf(char.ConvertToUtf32(c, text[p + 1]));
                    if (supplementary == CharClass.Ignorable)
                    {
                        p++;
                        continue;
                    }
                    if (supplementary != CharClass.Cjk)
                    {
                        return false;
                    }
                    _next = new CjkChar(c, text[p + 1], 2, p, p + 2);
                    _pos = p + 2;
                    return true;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>A word, number or Mongolian word: characters of one class, invisible ones dropped, marks kept inside words.</summary>
    private void ScanRun(CharClass cls)
    {
        var text = _text;
        var term = Term;
        var length = 0;
        var start = _pos;
        var end = _pos;
        while (_pos < _length && length < MaxWordLength)
        {
            var c = text[_pos];
            var k = Classes[c];
            if (k == cls || (k == CharClass.Mark && cls != CharClass.Digit))
            {
                term[length++] = Folded[c];
                end = ++_pos;
            }
            else if (k == CharClass.Ignorable)
            {
                _pos++;
            }
            else if (k == CharClass.HighSurrogate && _pos + 1 < _length && char.IsLowSurrogate(text[_pos + 1]))
            {
                var supplementary = SearchKeyFolding.ClassOf(char.ConvertToUtf32(c, text[_pos + 1]));
                if (supplementary == CharClass.Ignorable)
                {
                    _pos += 2;
                }
                else if (supplementary == cls)
                {
                    term[length++] = c;
                    term[length++] = text[_pos + 1];
                    _pos += 2;
                    end = _pos;
                }
                else
                {
                    break;
                }
            }
            else
            {
                break;
            }
        }
        TermLength = length;
        StartOffset = start;
        EndOffset = end;
        PositionIncrement = 1;
        Kind = cls switch
        {
            CharClass.Digit => TokenKind.Number,
            CharClass.Mongolian => TokenKind.Mongolian,
            _ => TokenKind.Word,
        };
    }

    /// <summary>One folded CJK character (two code units for extensions B–H) and where it stands in the original text.</summary>
    private readonly record struct CjkChar(char First, char Second, int Length, int Start, int End)
    {
        public int CopyTo(char[] term, int at)
        {
            term[at] = First;
            if (Length == 2)
            {
                term[at + 1] = Second;
            }
            return at + Length;
        }
    }
}
