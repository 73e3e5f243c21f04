using System.Globalization;

namespace Lantai.Web;

/// <summary>
/// Times in the UI are shown in Beijing time (UTC+8, no daylight saving), the archive's working time, whatever time
/// zone the server runs in; stored instants stay UTC.
/// </summary>
public static class ArchiveTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset t) => t.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
