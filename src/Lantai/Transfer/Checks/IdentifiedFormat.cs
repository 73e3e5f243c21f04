namespace Lantai.Transfer.Checks;

/// <summary>A file's format as identified from its content (never from its extension).</summary>
public sealed record IdentifiedFormat(string FormatId, string MediaType, string Name);
