using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Lantai.Common;

namespace Lantai.Catalogue;

/// <summary>Identifies a record (件).</summary>
[JsonConverter(typeof(EntityIdJsonConverter<RecordId>))]
public readonly record struct RecordId(Guid Value) : IEntityId<RecordId>, IParsable<RecordId>
{
    public static RecordId New() => new(Ids.New());
    public static RecordId From(Guid value) => new(value);
    public static RecordId Parse(string s, IFormatProvider? provider) => new(Guid.Parse(s, provider));
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RecordId result)
    {
        var ok = Guid.TryParse(s, provider, out var g);
        result = new(g);
        return ok;
    }
    public override string ToString() => Value.ToString();
}
