namespace Lantai.Preservation;

/// <summary>What one fixity check found: the outcome, and the digests recomputed (null when the file is missing).</summary>
public sealed record FixityVerification(FixityOutcome Outcome, ContentDigests? Found);
