namespace Lantai.Web.Pages.Security;

/// <summary>Times on the security pages are shown in Beijing time (UTC+8, no daylight saving), the archive's working time.</summary>
public static class UserPageTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset t) =>
        t.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
