using System.Text;

namespace Lantai.Catalogue.Import;

/// <summary>
/// RFC 4180 CSV: fields separated by a comma (or a tab, for Excel's "Unicode text"), optionally quoted; quotes inside
/// quoted fields doubled; quoted fields may hold separators and line breaks. A record spanning lines is still one
/// spreadsheet row, which is how Excel numbers it when the file is opened. Fields are returned as strings, empty as null.
/// </summary>
internal sealed class CsvTableReader : ITableReader
{
    private const int BufferSize = 1 << 16;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[BufferSize];
    private readonly List<string?> _fields = new(32);
    private readonly StringBuilder _pending = new();
    private readonly char _separator;
    private int _pos;
    private int _len;
    private bool _eof;

    public CsvTableReader(TextReader reader, char separator, string description)
    {
        _reader = reader;
        _separator = separator;
        Description = description;
    }

    public int RowNumber { get; private set; }

    public int FieldCount => _fields.Count;

    public string Description { get; }

    public object? Get(int index) => (uint)index < (uint)_fields.Count ? _fields[index] : null;

    public bool Read()
    {
        try
        {
            return ReadRecord();
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidImportFileException($"第{RowNumber}行附近含有不是 UTF-8 的字节：文件编码混杂，请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入", e);
        }
    }

    private bool ReadRecord()
    {
        _fields.Clear();
        if (!EnsureData())
        {
            return false;
        }

        RowNumber++;
        while (true)
        {
            var endOfRecord = ReadField();
            if (endOfRecord)
            {
                return true;
            }
        }
    }

    /// <summary>Reads one field and the separator or line break after it; true when the record ended.</summary>
    private bool ReadField()
    {
        if (!EnsureData())
        {
            _fields.Add(null);
            return true;
        }

        if (_buffer[_pos] == '"')
        {
            _pos++;
            return ReadQuotedField();
        }

        // Unquoted: the common case, sliced straight out of the buffer when it does not cross a refill.
        _pending.Clear();
        var crossed = false;
        while (true)
        {
            var span = _buffer.AsSpan(_pos, _len - _pos);
            var stop = span.IndexOfAny(_separator, '\r', '\n');
            if (stop >= 0)
            {
                var value = crossed ? _pending.Append(span[..stop]).ToString() : (stop == 0 ? null : new string(span[..stop]));
                _fields.Add(string.IsNullOrEmpty(value) ? null : value);
                _pos += stop;
                return ConsumeTerminator();
            }

            _pending.Append(span);
            crossed = true;
            _pos = _len;
            if (!EnsureData())
            {
                _fields.Add(_pending.Length == 0 ? null : _pending.ToString());
                return true;
            }
        }
    }

    private bool ReadQuotedField()
    {
        _pending.Clear();
        while (true)
        {
            if (!EnsureData())
            {
                // An unterminated quote runs to the end of the file; keep what was read rather than lose it.
                _fields.Add(_pending.Length == 0 ? null : _pending.ToString());
                return true;
            }

            var span = _buffer.AsSpan(_pos, _len - _pos);
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                _pending.Append(span);
                _pos = _len;
                continue;
            }

            _pending.Append(span[..quote]);
            _pos += quote + 1;
            if (EnsureData() && _buffer[_pos] == '"')
            {
                _pending.Append('"');
                _pos++;
                continue;
            }

            break;
        }

        // Text after the closing quote and before the separator is kept (lenient, as spreadsheet programs are).
        while (EnsureData())
        {
            var c = _buffer[_pos];
            if (c == _separator || c == '\r' || c == '\n')
            {
                break;
            }

            _pending.Append(c);
            _pos++;
        }

        _fields.Add(_pending.Length == 0 ? null : _pending.ToString());
        return ConsumeTerminator();
    }

    /// <summary>At a separator, a line break or the end: consumes it; true when the record ended.</summary>
    private bool ConsumeTerminator()
    {
        if (!EnsureData())
        {
            return true;
        }

        var c = _buffer[_pos++];
        if (c == _separator)
        {
            return false;
        }

        if (c == '\r' && EnsureData() && _buffer[_pos] == '\n')
        {
            _pos++;
        }

        return true;
    }

    private bool EnsureData()
    {
        if (_pos < _len)
        {
            return true;
        }

        if (_eof)
        {
            return false;
        }

        _len = _reader.Read(_buffer, 0, _buffer.Length);
        _pos = 0;
        if (_len == 0)
        {
            _eof = true;
            return false;
        }

        return true;
    }

    public void Dispose() => _reader.Dispose();
}
