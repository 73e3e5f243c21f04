namespace Lantai.Web;

/// <summary>
/// Marker for the catalogue pages' strings: the Chinese text is the key, Resources/CatalogueResource.en.resx holds the
/// English; a missing translation falls back to the Chinese.
/// </summary>
public sealed class CatalogueResource;
