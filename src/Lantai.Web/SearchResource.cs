namespace Lantai.Web;

/// <summary>
/// Marker for the search pages' strings (staff search, public search, the links to them): the Chinese text is the key,
/// Resources/SearchResource.en.resx holds the English; a missing translation falls back to the Chinese.
/// </summary>
public sealed class SearchResource;
