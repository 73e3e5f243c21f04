using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Lantai.Common;

namespace Lantai.Catalogue;

/// <summary>Identifies a fonds (全宗).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<FondsId>))]
public readonly record struct FondsId(Guid Value) : IEntityId<FondsId>, IParsable<FondsId>
{
    public static FondsId New() => new(Ids.New());
    public static FondsId From(Guid value) => new(value);
    public static FondsId Parse(string s, IFormatProvider? provider) => new(Guid.Parse(s, provider));
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out FondsId result)
    {
        var ok = Guid.TryParse(s, provider, out var g);
        result = new(g);
        return ok;
    }
    public override string ToString() => Value.ToString();
}
