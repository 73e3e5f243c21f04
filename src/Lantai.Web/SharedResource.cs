namespace Lantai.Web;

/// <summary>
/// Marker for the UI strings. Pages write their Chinese text as the key (the default language), and
/// Resources/SharedResource.en.resx maps it to English; a missing translation falls back to the Chinese.
/// </summary>
public sealed class SharedResource;
