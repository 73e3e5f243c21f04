namespace Lantai.Preservation;

/// <summary>Payload of a preservation.fixity job: the read rate, when not the configured one.</summary>
public sealed record FixityAuditRequest(double? MegabytesPerSecond);
