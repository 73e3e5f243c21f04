namespace Lantai.Preservation;

/// <summary>Progress of a fixity audit: objects done of the total, and bytes read.</summary>
public sealed record FixityAuditProgress(long Done, long Total, long Bytes);
