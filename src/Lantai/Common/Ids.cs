namespace Lantai.Common;

/// <summary>UUIDv7 identifiers: time-ordered, so inserts stay local in indexes, and unique across archives (DESIGN.md §3).</summary>
public static class Ids
{
    public static Guid New() => Guid.CreateVersion7();
}
