namespace Lantai.Web.Api.Catalogue;

/// <summary>POST /volumes/{id}/items: the record to put into the volume (and, optionally, the version the client saw).</summary>
public sealed record VolumeItemRequest
{
    public Guid RecordId { get; init; }

    public int? Version { get; init; }
}
