using System.Globalization;
using System.Text;

namespace Lantai.Security;

/// <summary>The pure hash rule of the audit log: what is hashed, in which order. No I/O.</summary>
public static class AuditChain
{
    public static readonly string GenesisHash = new('0', 64);

    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        // Fields are length-prefixed so that moving text from one field to the next changes the hash.
        var sb = new StringBuilder(256);
        Append(sb, entry.PreviousHash);
        Append(sb, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Append(sb, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Append(sb, entry.Actor);
        Append(sb, entry.Action);
        Append(sb, entry.EntityType);
        Append(sb, entry.EntityId);
        Append(sb, entry.Summary);
        Append(sb, entry.Before);
        Append(sb, entry.After);
        return Sm3.HashHex(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static void Append(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("-1:");
            return;
        }

        sb.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
    }
}
