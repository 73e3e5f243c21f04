namespace Lantai.Preservation;

/// <summary>Event types, named as in the PREMIS event type vocabulary (id.loc.gov/vocabulary/preservation/eventType).</summary>
public static class PreservationEventTypes
{
    public const string Ingestion = "ingestion";
    public const string MessageDigestCalculation = "message digest calculation";
    public const string FormatIdentification = "format identification";
    public const string Validation = "validation";
    public const string VirusCheck = "virus check";
    public const string FixityCheck = "fixity check";
    public const string Accession = "accession";
    public const string Rejection = "rejection";
    public const string Deletion = "deletion";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Warning = "warning";
}
