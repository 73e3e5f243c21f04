namespace Lantai.Web;

/// <summary>
/// Marker for the UI strings of the security pages (Account, Security): the Chinese text is the key and the default
/// language; Resources/SecurityResource.en.resx maps it to English.
/// </summary>
public sealed class SecurityResource;
