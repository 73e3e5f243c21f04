using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantai.Catalogue.Import;

/// <summary>One column of <see cref="RecordTable"/>: reads a record's value and converts it as EF would for the provider.</summary>
internal sealed class RecordColumn(IProperty property, string name, string quotedName, RelationalTypeMapping mapping)
{
    private readonly IClrPropertyGetter _getter = property.GetGetter();
    private readonly ValueConverter? _converter = mapping.Converter;

    public IProperty Property { get; } = property;

    public string Name { get; } = name;

    public string QuotedName { get; } = quotedName;

    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>The store type without facets ("character varying", "uuid"), the data type name for a binary COPY.</summary>
    public string DataTypeName => Mapping.StoreTypeNameBase;

    /// <summary>The value as the provider stores it (typed ids → Guid, enums → int), or null.</summary>
    public object? ProviderValue(Record record)
    {
        var value = _getter.GetClrValueUsingContainingEntity(record);
        return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
    }
}
