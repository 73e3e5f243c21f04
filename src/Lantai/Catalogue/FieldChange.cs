namespace Lantai.Catalogue;

/// <summary>A field whose value changed, with its Chinese label and the values as text (null = empty).</summary>
public sealed record FieldChange(string Field, string Label, string? Before, string? After);
