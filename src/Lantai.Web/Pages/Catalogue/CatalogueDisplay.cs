using System.Globalization;
using Lantai.Catalogue;

namespace Lantai.Web.Pages.Catalogue;

/// <summary>How catalogue values are written on pages, as in the filing catalogue (DA/T 22-2015).</summary>
public static class CatalogueDisplay
{
    /// <summary>A title the archivist supplied is shown in [ ].</summary>
    public static string Title(string title, bool supplied) => supplied ? "[" + title + "]" : title;

    /// <summary>Dates as YYYYMMDD.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static string Status(OpenStatus status) => RecordFields.OpenStatusLabel(status);

    /// <summary>lang="mn-Mong" for text in traditional Mongolian script, else no attribute.</summary>
    public static string? Lang(string? text) => MongolianScript.LanguageOf(text);

    public static string Time(DateTimeOffset at) => ArchiveTime.Format(at);
}
