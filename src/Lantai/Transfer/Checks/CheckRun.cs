namespace Lantai.Transfer.Checks;

/// <summary>
/// One run of the four-properties check on a transfer (or on stored records, at the preservation stage). The run and
/// its results are kept permanently: national testers ask for them.
/// </summary>
public sealed class CheckRun
{
    public Guid Id { get; set; } = Common.Ids.New();

    public CheckStage Stage { get; set; }

    public Guid? TransferId { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Failed when any blocking item failed, otherwise Passed (or Warning when some item warned).</summary>
    public CheckOutcome? Outcome { get; set; }

    public required string Actor { get; set; }

    /// <summary>The tools used and their versions (PdfPig, ClamAV …), for the report.</summary>
    public string? Tools { get; set; }
}
