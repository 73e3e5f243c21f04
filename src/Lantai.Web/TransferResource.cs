namespace Lantai.Web;

/// <summary>
/// Marker for the transfer pages' strings: the Chinese text is the key, Resources/TransferResource.en.resx holds the
/// English; a missing translation falls back to the Chinese.
/// </summary>
public sealed class TransferResource;
