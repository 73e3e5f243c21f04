using Lantai.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lantai.Catalogue.Import;

/// <summary>
/// The Records table as the EF model maps it (table and column names, type mappings, value converters), so the bulk
/// writers produce exactly the rows EF would and stay right when the model changes.
/// </summary>
internal sealed class RecordTable
{
    private RecordTable(string quotedName, IReadOnlyList<RecordColumn> columns, IReadOnlyDictionary<string, int> maxLengths)
    {
        QuotedName = quotedName;
        Columns = columns;
        MaxLengths = maxLengths;
    }

    /// <summary>The table name quoted for the provider's SQL (schema included when there is one).</summary>
    public string QuotedName { get; }

    public IReadOnlyList<RecordColumn> Columns { get; }

    /// <summary>Maximum lengths of the string properties, by property name (validated before writing: PostgreSQL enforces them).</summary>
    public IReadOnlyDictionary<string, int> MaxLengths { get; }

    public string QuotedColumnList => string.Join(", ", Columns.Select(c => c.QuotedName));

    public RecordColumn Column(string propertyName) => Columns.Single(c => c.Property.Name == propertyName);

    public static RecordTable For(LantaiDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(Record)) ?? throw new InvalidOperationException("Record is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new List<RecordColumn>();
        var maxLengths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var property in entity.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new InvalidOperationException($"Record.{property.Name} is a shadow property; the bulk import cannot fill it.");
            }

            var name = property.GetColumnName(table) ?? throw new InvalidOperationException($"Record.{property.Name} has no column.");
            columns.Add(new RecordColumn(property, name, sql.DelimitIdentifier(name), property.GetRelationalTypeMapping()));
            if (property.ClrType == typeof(string) && property.GetMaxLength() is { } max)
            {
                maxLengths[property.Name] = max;
            }
        }

        return new RecordTable(sql.DelimitIdentifier(table.Name, table.Schema), columns, maxLengths);
    }
}
