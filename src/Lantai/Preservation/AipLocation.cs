using Lantai.Catalogue;

namespace Lantai.Preservation;

/// <summary>
/// Where a record's AIP lives: {DataDir}/aips/&lt;2 hex&gt;/&lt;record id&gt;. The two hex digits are the last of the
/// record id, which are random in a UUIDv7 (its first digits are a timestamp, so they would put a day's records in one
/// folder), spreading a million AIPs over 256 folders.
/// </summary>
public static class AipLocation
{
    public static string Root(string dataDir) => Path.Combine(dataDir, "aips");

    public static string PathOf(string dataDir, RecordId recordId)
    {
        var id = recordId.Value.ToString("D");
        return Path.Combine(Root(dataDir), id[^2..], id);
    }
}
