using Lantai.Preservation;

namespace Lantai.Web.Api.Transfers;

/// <summary>A computer file of a record (计算机文件), with the URL of its content.</summary>
public sealed record RecordFileView(Guid Id, int Sequence, string Name, long Length, string FormatId, string MediaType, string Sm3, string? Sha256, Guid? TransferId, string ContentUrl)
{
    public static RecordFileView Of(RecordFile f, string? sha256)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new RecordFileView(f.Id, f.Sequence, f.OriginalName, f.Length, f.FormatId, f.MediaType, f.ObjectSm3, sha256, f.TransferId,
            $"/api/v1/records/{f.RecordId}/files/{f.Id}/content");
    }
}
