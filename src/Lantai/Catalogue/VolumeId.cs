using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Lantai.Common;

namespace Lantai.Catalogue;

/// <summary>Identifies a volume (案卷).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<VolumeId>))]
public readonly record struct VolumeId(Guid Value) : IEntityId<VolumeId>, IParsable<VolumeId>
{
    public static VolumeId New() => new(Ids.New());
    public static VolumeId From(Guid value) => new(value);
    public static VolumeId Parse(string s, IFormatProvider? provider) => new(Guid.Parse(s, provider));
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out VolumeId result)
    {
        var ok = Guid.TryParse(s, provider, out var g);
        result = new(g);
        return ok;
    }
    public override string ToString() => Value.ToString();
}
