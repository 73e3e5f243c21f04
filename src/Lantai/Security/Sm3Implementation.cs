namespace Lantai.Security;

/// <summary>Which code computes SM3: the system's OpenSSL (fast, when present) or BouncyCastle (managed, always present).</summary>
public enum Sm3Implementation
{
    OpenSsl = 0,
    BouncyCastle = 1,
}
