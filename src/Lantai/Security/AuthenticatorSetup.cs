namespace Lantai.Security;

/// <summary>What an authenticator app needs: the shared key (Base32, as typed by hand) and the otpauth:// URI the QR code carries.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string FormattedKey, string OtpAuthUri);
