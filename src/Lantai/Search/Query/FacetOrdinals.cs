using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Lantai.Search.Query;

/// <summary>
/// One facet field's ordinals of one segment, unpacked once into a byte or ushort per document (ordinal + 1, 0 =
/// no value) and kept while the segment lives. Reading Lucene.Net's packed SortedDocValues costs ~50 ns a document;
/// a facet pass over millions of hits needs an array load instead. Codes fields have few values (fonds, category,
/// year, retention, open status, carrier, classification, org unit), so this is about one byte per field and record.
/// Fields with more than 65,534 values are read from the doc values directly.
/// </summary>
internal sealed class FacetOrdinals
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, FacetOrdinals>> Cache = new();

    private FacetOrdinals(byte[]? bytes, ushort[]? shorts)
    {
        Bytes = bytes;
        Shorts = shorts;
    }

    public byte[]? Bytes { get; }

    public ushort[]? Shorts { get; }

    /// <summary>
    /// The ordinals of a field in a segment. <paramref name="values"/> is the calling thread's own doc values instance
    /// (Lucene's are not shared between threads), used only if the ordinals are not unpacked yet.
    /// </summary>
    public static FacetOrdinals For(AtomicReader reader, string field, SortedDocValues values)
    {
        var perField = Cache.GetValue(reader.CoreCacheKey, _ => new ConcurrentDictionary<string, FacetOrdinals>(StringComparer.Ordinal));
        return perField.GetOrAdd(field, _ => Unpack(values, reader.MaxDoc));
    }

    private static FacetOrdinals Unpack(SortedDocValues values, int maxDoc)
    {
        if (values.ValueCount < byte.MaxValue)
        {
            var bytes = new byte[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                bytes[doc] = (byte)(values.GetOrd(doc) + 1);
            }

            return new FacetOrdinals(bytes, null);
        }

        if (values.ValueCount < ushort.MaxValue)
        {
            var shorts = new ushort[maxDoc];
            for (var doc = 0; doc < maxDoc; doc++)
            {
                shorts[doc] = (ushort)(values.GetOrd(doc) + 1);
            }

            return new FacetOrdinals(null, shorts);
        }

        return new FacetOrdinals(null, null);
    }
}
