using System.Globalization;
using Lantai.Transfer;
using Lantai.Transfer.Checks;

namespace Lantai.Web.Pages.Transfer;

/// <summary>How the transfer pages show sizes, times and outcomes.</summary>
public static class TransferDisplay
{
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024 / 1024:0.##} GB"),
    };

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToOffset(ArchiveTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    public static string OutcomeClass(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed => "ok",
        CheckOutcome.Failed => "bad",
        CheckOutcome.Warning => "warn",
        _ => "unchecked",
    };

    /// <summary>True while a job works on the transfer: the page refreshes itself.</summary>
    public static bool IsBusy(TransferState state) => state is TransferState.Received or TransferState.Checking or TransferState.Ingesting;
}
