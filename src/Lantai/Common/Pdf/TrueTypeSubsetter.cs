using System.Buffers.Binary;
using System.Text;

namespace Lantai.Common.Pdf;

/// <summary>
/// Cuts a TrueType font (one face of a .ttc collection, or a .ttf) down to the glyphs a document draws. Skia's PDF
/// backend as SkiaSharp ships it embeds fonts whole (no subsetter is compiled in): 16.8 MB of WenQuanYi Zen Hei in
/// every certificate, and a whole collection as FontFile2, which is not valid PDF. The subset keeps every glyph id
/// (unused glyphs become empty), so cmap, metrics and layout stay exactly those of the full font; tables a PDF
/// does not need (bitmaps, vertical metrics, glyph names) are left out.
/// </summary>
internal sealed class TrueTypeSubsetter
{
    private const int ArgsAreWords = 0x0001;
    private const int HaveScale = 0x0008;
    private const int MoreComponents = 0x0020;
    private const int HaveXYScale = 0x0040;
    private const int HaveTwoByTwo = 0x0080;

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "BDF ", "FFTM", "vhea", "vmtx", "EBDT", "EBLC", "EBSC", "hdmx", "LTSH", "VDMX", "DSIG", "PCLT",
    };

    private readonly byte[] _data;
    private readonly uint _sfntVersion;
    private readonly List<Table> _tables;
    private readonly uint[] _loca;
    private readonly int _glyf;

    private TrueTypeSubsetter(byte[] data, uint sfntVersion, List<Table> tables, uint[] loca, int glyf)
    {
        _data = data;
        _sfntVersion = sfntVersion;
        _tables = tables;
        _loca = loca;
        _glyf = glyf;
    }

    public int GlyphCount => _loca.Length - 1;

    public static TrueTypeSubsetter Load(byte[] data, int faceIndex)
    {
        ArgumentNullException.ThrowIfNull(data);
        var face = 0;
        if (Tag(data, 0) == "ttcf")
        {
            var faces = (int)U32(data, 8);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(faceIndex, faces);
            face = (int)U32(data, 12 + (4 * faceIndex));
        }

        var sfntVersion = U32(data, face);
        int count = U16(data, face + 4);
        var tables = new List<Table>(count);
        for (var i = 0; i < count; i++)
        {
            var record = face + 12 + (16 * i);
            tables.Add(new Table(Tag(data, record), (int)U32(data, record + 8), (int)U32(data, record + 12)));
        }

        var head = Find(tables, "head");
        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(data.AsSpan(head.Offset + 50)) == 1;
        int glyphs = U16(data, Find(tables, "maxp").Offset + 4);
        var locaTable = Find(tables, "loca");
        var loca = new uint[glyphs + 1];
        for (var g = 0; g <= glyphs; g++)
        {
            loca[g] = longOffsets ? U32(data, locaTable.Offset + (4 * g)) : U16(data, locaTable.Offset + (2 * g)) * 2u;
        }

        return new TrueTypeSubsetter(data, sfntVersion, tables, loca, Find(tables, "glyf").Offset);
    }

    /// <summary>A standalone .ttf holding the outlines of <paramref name="glyphs"/> (and of .notdef and every component they use).</summary>
    public byte[] Subset(IEnumerable<ushort> glyphs)
    {
        ArgumentNullException.ThrowIfNull(glyphs);
        var keep = new bool[GlyphCount];
        var pending = new Stack<int>(glyphs.Where(g => g < GlyphCount).Select(g => (int)g).Append(0));
        while (pending.Count > 0)
        {
            var g = pending.Pop();
            if (keep[g])
            {
                continue;
            }

            keep[g] = true;
            foreach (var component in Components(g))
            {
                pending.Push(component);
            }
        }

        using var glyf = new MemoryStream();
        var loca = new byte[(GlyphCount + 1) * 4];
        for (var g = 0; g < GlyphCount; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * g), (uint)glyf.Length);
            var length = (int)(_loca[g + 1] - _loca[g]);
            if (keep[g] && length > 0)
            {
                glyf.Write(_data, _glyf + (int)_loca[g], length);
                glyf.Write(new byte[(4 - (length % 4)) % 4]);
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * GlyphCount), (uint)glyf.Length);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var table in _tables.Where(t => !Dropped.Contains(t.Tag)))
        {
            output[table.Tag] = _data.AsSpan(table.Offset, table.Length).ToArray();
        }

        output["glyf"] = glyf.ToArray();
        output["loca"] = loca;
        var head = output["head"];
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);    // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);    // indexToLocFormat: long offsets
        if (output.TryGetValue("post", out var post) && post.Length >= 32)
        {
            var names = post.AsSpan(0, 32).ToArray();                // format 3: no glyph names
            BinaryPrimitives.WriteUInt32BigEndian(names, 0x00030000);
            output["post"] = names;
        }

        return Assemble(output);
    }

    private byte[] Assemble(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var selector = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            selector++;
        }

        var headerLength = 12 + (16 * count);
        var total = headerLength + tables.Values.Sum(t => Padded(t.Length));
        var font = new byte[total];
        var span = font.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span, _sfntVersion);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)((count * 16) - (power * 16)));
        var record = 12;
        var offset = headerLength;
        var headOffset = 0;
        foreach (var (tag, bytes) in tables)
        {
            bytes.CopyTo(span[offset..]);
            Encoding.ASCII.GetBytes(tag, span[record..]);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 4)..], Checksum(span.Slice(offset, Padded(bytes.Length))));
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 8)..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(span[(record + 12)..], (uint)bytes.Length);
            if (tag == "head")
            {
                headOffset = offset;
            }

            record += 16;
            offset += Padded(bytes.Length);
        }

        BinaryPrimitives.WriteUInt32BigEndian(span[(headOffset + 8)..], unchecked(0xB1B0AFBA - Checksum(span)));
        return font;
    }

    /// <summary>The glyphs a composite glyph is built from (none for a simple glyph).</summary>
    private List<int> Components(int glyph)
    {
        var components = new List<int>();
        if (_loca[glyph + 1] <= _loca[glyph] || BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(_glyf + (int)_loca[glyph])) >= 0)
        {
            return components;
        }

        var p = _glyf + (int)_loca[glyph] + 10;
        int flags;
        do
        {
            flags = U16(_data, p);
            var component = U16(_data, p + 2);
            if (component < GlyphCount)
            {
                components.Add(component);
            }

            p += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            p += (flags & HaveScale) != 0 ? 2 : (flags & HaveXYScale) != 0 ? 4 : (flags & HaveTwoByTwo) != 0 ? 8 : 0;
        }
        while ((flags & MoreComponents) != 0);

        return components;
    }

    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= bytes.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]));
        }

        return sum;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static Table Find(List<Table> tables, string tag) =>
        tables.FirstOrDefault(t => t.Tag == tag) ?? throw new InvalidDataException($"The font has no '{tag}' table.");

    private static string Tag(byte[] data, int offset) => Encoding.ASCII.GetString(data, offset, 4);

    private static uint U32(byte[] data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));

    private static ushort U16(byte[] data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(offset));

    private sealed record Table(string Tag, int Offset, int Length);
}
