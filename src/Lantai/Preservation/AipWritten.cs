namespace Lantai.Preservation;

/// <summary>A written AIP: where it is, its payload (files and bytes, as Payload-Oxum says) and how many content files were hard-linked rather than copied.</summary>
public sealed record AipWritten(string Path, int PayloadFiles, long PayloadBytes, int HardLinked);
