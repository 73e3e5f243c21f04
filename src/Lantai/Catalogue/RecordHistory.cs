using System.Globalization;
using System.Text.Json;
using Lantai.Data;
using Microsoft.EntityFrameworkCore;

namespace Lantai.Catalogue;

/// <summary>
/// The history of one record read from the audit log: its own entries (create, update) and the renumberings that moved
/// it. This is what archivists may see of the log; the full log stays with the security auditor.
/// </summary>
public sealed class RecordHistory(LantaiDbContext db)
{
    public async Task<IReadOnlyList<RecordHistoryEntry>> ForRecordAsync(RecordId id, CancellationToken cancellationToken)
    {
        var entityId = id.ToString();
        var own = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(Record) && e.EntityId == entityId)
            .ToListAsync(cancellationToken);
        // Renumberings are few; their entry names the group, and the record appears in the change list.
        var moves = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == RenumberingService.AuditEntityType && e.After != null && e.After.Contains(entityId))
            .ToListAsync(cancellationToken);
        return [.. own.Concat(moves)
            .OrderBy(e => e.Sequence)
            .Select(e => new RecordHistoryEntry(e.Sequence, e.At, e.Actor, e.Action, e.Summary,
                e.EntityType == nameof(Record) ? Diff(e.Before, e.After) : Move(e.After, id)))];
    }

    private static List<FieldChange> Diff(string? before, string? after)
    {
        var old = Fields(before);
        var now = Fields(after);
        var changes = new List<FieldChange>();
        foreach (var name in now.Keys.Union(old.Keys, StringComparer.Ordinal))
        {
            var a = old.GetValueOrDefault(name);
            var b = now.GetValueOrDefault(name);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                var field = char.ToUpperInvariant(name[0]) + name[1..];
                if (field == RecordFields.OpenStatus)
                {
                    (a, b) = (StatusLabel(a), StatusLabel(b));
                }

                changes.Add(new FieldChange(field, Label(field), a, b));
            }
        }

        return changes;
    }

    private static string Label(string field) => field switch
    {
        "VolumeId" => "案卷",
        "TitleSupplied" => "自拟题名",
        _ => RecordFields.Label(field),
    };

    private static string? StatusLabel(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((OpenStatus)n)
            ? RecordFields.OpenStatusLabel((OpenStatus)n)
            : value;

    private static List<FieldChange> Move(string? after, RecordId id)
    {
        if (after is null)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(after);
        if (!doc.RootElement.TryGetProperty("changes", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        foreach (var change in list.EnumerateArray())
        {
            if (change.TryGetProperty("recordId", out var rid) && rid.ValueKind == JsonValueKind.String && rid.TryGetGuid(out var g) && g == id.Value)
            {
                return
                [
                    new FieldChange(RecordFields.ItemNumber, RecordFields.Label(RecordFields.ItemNumber), Text(change, "fromItem"), Text(change, "toItem")),
                    new FieldChange(RecordFields.ArchivalCode, RecordFields.Label(RecordFields.ArchivalCode), Text(change, "from"), Text(change, "to")),
                ];
            }
        }

        return [];
    }

    private static Dictionary<string, string?> Fields(string? json)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (json is null)
        {
            return result;
        }

        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var p in doc.RootElement.EnumerateObject())
        {
            result[p.Name] = Text(p.Value);
        }

        return result;
    }

    private static string? Text(JsonElement parent, string name) => parent.TryGetProperty(name, out var v) ? Text(v) : null;

    private static string? Text(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
        JsonValueKind.True => "是",
        JsonValueKind.False => "否",
        JsonValueKind.Number => v.GetRawText(),
        _ => v.GetRawText(),
    };
}
