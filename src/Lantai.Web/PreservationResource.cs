namespace Lantai.Web;

/// <summary>
/// Marker for the preservation pages' strings (fixity alerts, dashboard panel): the Chinese text is the key,
/// Resources/PreservationResource.en.resx holds the English; a missing translation falls back to the Chinese.
/// </summary>
public sealed class PreservationResource;
