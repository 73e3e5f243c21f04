using Lucene.Net.Search;

namespace Lantai.Search;

/// <summary>A searcher acquired from <see cref="SearchIndex.AcquireSearcher"/>; disposing releases it.</summary>
public readonly struct SearcherLease(SearcherManager manager, IndexSearcher searcher) : IDisposable, IEquatable<SearcherLease>
{
    public IndexSearcher Searcher { get; } = searcher;

    public void Dispose() => manager?.Release(Searcher);

    public bool Equals(SearcherLease other) => ReferenceEquals(Searcher, other.Searcher);

    public override bool Equals(object? obj) => obj is SearcherLease other && Equals(other);

    public override int GetHashCode() => Searcher?.GetHashCode() ?? 0;

    public static bool operator ==(SearcherLease left, SearcherLease right) => left.Equals(right);

    public static bool operator !=(SearcherLease left, SearcherLease right) => !left.Equals(right);
}
