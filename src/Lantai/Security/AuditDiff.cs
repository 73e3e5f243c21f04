using System.Text.Json;

namespace Lantai.Security;

/// <summary>
/// Turns an entry's before/after JSON into the list of fields that changed (field: old → new), so the auditor reads a
/// change instead of two JSON documents. Nested objects become dotted paths; arrays of plain values read as a list.
/// </summary>
public static class AuditDiff
{
    public static IReadOnlyList<AuditChange> Compute(string? before, string? after)
    {
        var old = Flatten(before);
        var @new = Flatten(after);
        var fields = old.Keys.Concat(@new.Keys).Distinct(StringComparer.Ordinal);
        var changes = new List<AuditChange>();
        foreach (var field in fields)
        {
            old.TryGetValue(field, out var o);
            @new.TryGetValue(field, out var n);
            // An absent field and an empty one read the same (a new account's empty role list is no change).
            if (!string.Equals(o ?? "", n ?? "", StringComparison.Ordinal))
            {
                changes.Add(new AuditChange(field, o, n));
            }
        }

        return changes;
    }

    private static Dictionary<string, string?> Flatten(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            Walk(doc.RootElement, "", fields);
        }
        catch (JsonException)
        {
            // An entry written by hand or by an older version: show it whole rather than fail the page.
            fields["(json)"] = json;
        }

        return fields;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string?> fields)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, fields);
            }

            return;
        }

        fields[path.Length == 0 ? "(value)" : path] = Render(element);
    }

    private static string? Render(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Array when element.EnumerateArray().All(e => e.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array) =>
            string.Join(", ", element.EnumerateArray().Select(Render)),
        _ => element.GetRawText(),
    };
}
