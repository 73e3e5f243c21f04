using System.Buffers.Text;
using Lantai.Common;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Lantai.Search.Query;

/// <summary>
/// The opaque "next page" cursor: the last hit of a page (its score or sort values and doc id) for searchAfter, so a
/// deep page costs what the first does. It carries a fingerprint of the search it belongs to; a cursor from another
/// search, or a forged or damaged one, is a validation error, never an exception.
/// </summary>
internal static class SearchCursor
{
    private const byte Version = 1;
    private const byte NullValue = 0;
    private const byte BytesValue = 1;
    private const byte NumberValue = 2;

    public static string Encode(ScoreDoc last, SearchSort sort, long fingerprint)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(Version);
            writer.Write((byte)sort);
            writer.Write(fingerprint);
            writer.Write(last.Doc);
            writer.Write(last.Score);
            var fields = (last as FieldDoc)?.Fields ?? [];
            writer.Write((byte)fields.Length);
            foreach (var value in fields)
            {
                switch (value)
                {
                    case BytesRef bytes:
                        writer.Write(BytesValue);
                        writer.Write(bytes.Length);
                        writer.Write(bytes.Bytes, bytes.Offset, bytes.Length);
                        break;
                    case null:
                        writer.Write(NullValue);
                        break;
                    default:
                        writer.Write(NumberValue);
                        writer.Write(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }
            }
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>
    /// Reads a cursor made by <see cref="Encode"/> for this same search (sort and fingerprint). <paramref name="shape"/>
    /// names the sort values expected, one letter each: N a number, B bytes (or missing) — a value of the wrong kind
    /// would make Lucene's comparers throw.
    /// </summary>
    public static Result<ScoreDoc> Decode(string cursor, SearchSort sort, long fingerprint, string shape)
    {
        var invalid = Error.Validation("after", "翻页游标无效或已过期，请从第一页重新检索。");
        byte[] data;
        try
        {
            data = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return invalid;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(data));
            if (reader.ReadByte() != Version || reader.ReadByte() != (byte)sort || reader.ReadInt64() != fingerprint)
            {
                return invalid;
            }

            var doc = reader.ReadInt32();
            var score = reader.ReadSingle();
            var count = reader.ReadByte();
            if (doc < 0 || !float.IsFinite(score) || count != shape.Length)
            {
                return invalid;
            }

            var fields = new object?[count];
            for (var i = 0; i < count; i++)
            {
                fields[i] = (reader.ReadByte(), shape[i]) switch
                {
                    (NullValue, 'B') => null,
                    (BytesValue, 'B') => new BytesRef(reader.ReadBytes(Length(reader.ReadInt32(), data.Length))),
                    (NumberValue, 'N') => J2N.Numerics.Int64.GetInstance(reader.ReadInt64()),
                    _ => throw new FormatException(),
                };
            }

            if (reader.BaseStream.Position != data.Length)
            {
                return invalid;
            }

            return count == 0 ? new ScoreDoc(doc, score) : new FieldDoc(doc, score, fields);
        }
        catch (Exception e) when (e is EndOfStreamException or FormatException or IOException)
        {
            return invalid;
        }
    }

    private static int Length(int length, int max) => length >= 0 && length <= max ? length : throw new FormatException();
}
