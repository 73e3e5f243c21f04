using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Lantai.Search.Store;

/// <summary>
/// An index file read from its memory map: a pointer, a length and a position. Clones and slices share the map and
/// copy the pointer; only the input that opened the file unmaps it. Numbers are big-endian and variable-length
/// integers use Lucene's 7-bit groups, as <see cref="DataInput"/> defines them; the fast paths here read them straight
/// from the map when enough bytes remain and leave the end of the file to the base class.
/// </summary>
internal sealed unsafe class MappedIndexInput : IndexInput
{
    private readonly MappedFile _file;
    private readonly byte* _start;
    private readonly long _length;
    private readonly bool _ownsFile;
    private long _position;

    public MappedIndexInput(string description, MappedFile file)
        : this(description, file, file.Start, file.Length, ownsFile: true)
    {
    }

    private MappedIndexInput(string description, MappedFile file, byte* start, long length, bool ownsFile)
        : base(description)
    {
        _file = file;
        _start = start;
        _length = length;
        _ownsFile = ownsFile;
    }

    public override long Length => _length;

    /// <summary>A view of part of this file, positioned at its start (the files inside a compound file).</summary>
    public MappedIndexInput Slice(string description, long offset, long length)
    {
        EnsureOpen();
        if (offset < 0 || length < 0 || offset > _length - length)
        {
            throw new ArgumentException($"slice {description} out of bounds: offset={offset}, length={length}, file length={_length}: {this}");
        }

        return new MappedIndexInput($"{this} [slice={description}]", _file, _start + offset, length, ownsFile: false);
    }

    public override object Clone()
    {
        EnsureOpen();
        return new MappedIndexInput(ToString(), _file, _start, _length, ownsFile: false) { _position = _position };
    }

    public override long Position
    {
        get
        {
            EnsureOpen();
            return _position;
        }
    }

    public override void Seek(long pos)
    {
        EnsureOpen();
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        if (pos > _length)
        {
            throw new EndOfStreamException($"seek past EOF: {this}");
        }

        _position = pos;
    }

    public override byte ReadByte()
    {
        EnsureOpen();
        if (_position >= _length)
        {
            throw PastEnd();
        }

        return _start[_position++];
    }

    public override void ReadBytes(byte[] b, int offset, int len) => Take(len).CopyTo(b.AsSpan(offset, len));

    public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(sizeof(short)));

    public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(sizeof(int)));

    public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(sizeof(long)));

    public override int ReadVInt32()
    {
        EnsureOpen();
        if (_length - _position < 5)
        {
            return base.ReadVInt32();
        }

        var p = _start + _position;
        var value = 0;
        for (var i = 0; i < 4; i++)
        {
            int b = p[i];
            value |= (b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                _position += i + 1;
                return value;
            }
        }

        // The fifth byte holds the top four bits; anything above them is a corrupt file.
        int last = p[4];
        if ((last & 0xF0) != 0)
        {
            throw new IOException("Invalid VInt32 detected (too many bits)");
        }

        _position += 5;
        return value | (last << 28);
    }

    public override long ReadVInt64()
    {
        EnsureOpen();
        if (_length - _position < 9)
        {
            return base.ReadVInt64();
        }

        var p = _start + _position;
        var value = 0L;
        for (var i = 0; i < 8; i++)
        {
            long b = p[i];
            value |= (b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                _position += i + 1;
                return value;
            }
        }

        // The ninth byte holds the top seven bits; its high bit would make the value negative.
        long last = p[8];
        if (last >= 0x80)
        {
            throw new IOException("Invalid VInt64 detected (negative values disallowed)");
        }

        _position += 9;
        return value | (last << 56);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsFile)
        {
            _file.Dispose();
        }
    }

    private void EnsureOpen()
    {
        if (_file.IsClosed)
        {
            throw new ObjectDisposedException(ToString(), "the index file was closed");
        }
    }

    /// <summary>The next <paramref name="count"/> bytes, straight from the map; the position moves past them.</summary>
    private ReadOnlySpan<byte> Take(int count)
    {
        EnsureOpen();
        if (count > _length - _position)
        {
            throw PastEnd();
        }

        var bytes = new ReadOnlySpan<byte>(_start + _position, count);
        _position += count;
        return bytes;
    }

    private EndOfStreamException PastEnd() => new($"read past EOF: {this}");
}
