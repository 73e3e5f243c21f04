namespace Lantai.Search.Query;

/// <summary>
/// The fixed pseudo-random 1-in-<see cref="Rate"/> choice of documents whose facets are counted beyond the exact limit
/// (<see cref="FacetCounter"/>): Fibonacci hashing of the doc id within its segment, so the same index gives the same
/// counts whichever way its hits are collected. Also as a bit mask, so a window of hits is sampled with one AND a word.
/// </summary>
internal static class FacetSample
{
    /// <summary>One document in this many is counted beyond the exact limit.</summary>
    public const int Rate = 16;

    private static ulong[] _mask = [];

    public static bool Contains(int doc) => unchecked((uint)doc * 2654435769u) >> 28 == 0;

    /// <summary>The choice as bits (doc d = bit d % 64 of word d / 64), covering at least <paramref name="maxDoc"/> documents.</summary>
    public static ulong[] Mask(int maxDoc)
    {
        var mask = Volatile.Read(ref _mask);
        var words = (maxDoc >> 6) + 1;
        if (mask.Length >= words)
        {
            return mask;
        }

        // Grown by doubling and shared by every segment and thread (a race only computes the same bits twice).
        var grown = new ulong[Math.Max(words, mask.Length * 2)];
        for (var w = 0; w < grown.Length; w++)
        {
            var bits = 0UL;
            for (var b = 0; b < 64; b++)
            {
                if (Contains((w << 6) + b))
                {
                    bits |= 1UL << b;
                }
            }

            grown[w] = bits;
        }

        Volatile.Write(ref _mask, grown);
        return grown;
    }
}
