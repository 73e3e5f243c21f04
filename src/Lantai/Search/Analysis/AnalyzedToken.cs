namespace Lantai.Search.Analysis;

/// <summary>An index token with its position and its offsets into the ORIGINAL text (for the highlighter).</summary>
public readonly record struct AnalyzedToken(string Term, int Position, int StartOffset, int EndOffset);
