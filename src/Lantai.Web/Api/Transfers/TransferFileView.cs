using Lantai.Transfer;

namespace Lantai.Web.Api.Transfers;

/// <summary>A content file of a transfer: its path as received, what the check learned of it and its item (none: a stray file).</summary>
public sealed record TransferFileView(Guid Id, Guid? ItemId, string Path, long Length, string? Sm3, string? Sha256, string? FormatId, string? MediaType)
{
    public static TransferFileView Of(TransferFile f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new TransferFileView(f.Id, f.ItemId, f.OriginalPath, f.Length, f.Sm3, f.Sha256, f.FormatId, f.MediaType);
    }
}
