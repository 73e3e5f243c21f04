using System.Globalization;
using System.Text;

namespace Lantai.Security;

/// <summary>
/// The audit log as CSV (RFC 4180) for spreadsheets. Cells that a spreadsheet would run as a formula (starting with
/// = + - @ or a tab/carriage return) get a leading apostrophe: the log holds text typed by users, and an export must
/// not become a way to run it.
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Header = ["序号", "时间(UTC)", "操作人", "操作", "对象类型", "对象标识", "摘要", "变更前", "变更后", "摘要值(SM3)"];

    public static async Task WriteAsync(IAsyncEnumerable<AuditEntry> entries, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteAsync(Line(Header).AsMemory(), cancellationToken);
        await foreach (var e in entries.WithCancellation(cancellationToken))
        {
            var line = Line([
                e.Sequence.ToString(CultureInfo.InvariantCulture),
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                e.Actor, e.Action, e.EntityType, e.EntityId, e.Summary, e.Before, e.After, e.Hash]);
            await output.WriteAsync(line.AsMemory(), cancellationToken);
        }

        await output.FlushAsync(cancellationToken);
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Line(IEnumerable<string?> cells)
    {
        var sb = new StringBuilder();
        foreach (var cell in cells)
        {
            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(Cell(cell));
        }

        return sb.Append("\r\n").ToString();
    }
}
