using Lantai.Catalogue;

namespace Lantai.Bench.ListPage;

/// <summary>One kind of list request: how to make the filter, order and cursor of each request from a random sample row.</summary>
internal sealed record Scenario(string Name, Func<Random, SampleRows, (RecordFilter Filter, RecordSort Sort, bool Descending, string? Cursor)> Make, bool CountOnly = false);
