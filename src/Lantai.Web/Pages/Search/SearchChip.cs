namespace Lantai.Web.Pages.Search;

/// <summary>A filter in force, shown as a chip: its name (Chinese key), the value as shown and the link without it.</summary>
public sealed record SearchChip(string Name, string Value, string RemoveLink);
