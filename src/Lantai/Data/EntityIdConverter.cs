using Lantai.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantai.Data;

/// <summary>Stores a typed id as its GUID.</summary>
public sealed class EntityIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
    where TId : struct, IEntityId<TId>
{
    // Expression trees cannot call static abstract interface members directly.
    private static TId Create(Guid value) => TId.From(value);
}
