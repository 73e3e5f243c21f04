namespace Lantai.Preservation;

/// <summary>Digests of a content read once: SM3 and SHA-256 always (lower-case hex), MD5 only when asked for.</summary>
public sealed record ContentDigests(string Sm3, string Sha256, long Length, string? Md5 = null);
