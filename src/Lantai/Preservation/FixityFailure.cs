namespace Lantai.Preservation;

/// <summary>One object the fixity audit found damaged or gone.</summary>
public sealed record FixityFailure(string Sm3, FixityOutcome Outcome);
