namespace Lantai.Search;

/// <summary>Who is searching: decides the records (open status, classification) and the fields that may be seen.</summary>
public enum SearchAudience
{
    /// <summary>Citizens and patrons: open records only, unclassified only, public fields only.</summary>
    Public = 0,

    /// <summary>Archivists and reviewers: every open status, classifications up to their clearance, every field.</summary>
    Staff = 1,
}
