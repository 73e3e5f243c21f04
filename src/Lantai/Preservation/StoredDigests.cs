namespace Lantai.Preservation;

/// <summary>The digests of one object put into the store, and whether the store already held it.</summary>
public sealed record StoredDigests(string Sm3, string Sha256, long Length, bool AlreadyStored);
