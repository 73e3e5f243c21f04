using Lantai.Catalogue;

namespace Lantai.Preservation;

/// <summary>
/// A PREMIS-style event in the life of a record, an object or a transfer: what happened (<see cref="PreservationEventTypes"/>),
/// when, by which agent, with which outcome. Events are only ever added; they go into the AIP as the record's history.
/// </summary>
public sealed class PreservationEvent
{
    public Guid Id { get; set; } = Common.Ids.New();

    public DateTimeOffset At { get; set; }

    /// <summary>One of <see cref="PreservationEventTypes"/>.</summary>
    public required string Type { get; set; }

    /// <summary>success, failure or warning (PREMIS eventOutcome).</summary>
    public required string Outcome { get; set; }

    /// <summary>Who or what acted: a user name, or the software with its version (e.g. "Lantai 0.1", "ClamAV 1.4.6").</summary>
    public required string Agent { get; set; }

    /// <summary>For people (Chinese): what was found, e.g. the digests, the format, the failing check.</summary>
    public string? Detail { get; set; }

    public RecordId? RecordId { get; set; }

    public string? ObjectSm3 { get; set; }

    public Guid? TransferId { get; set; }
}
