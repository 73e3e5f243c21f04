using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantai.Data;

/// <summary>The nullable form of <see cref="UtcTicksConverter"/>.</summary>
public sealed class NullableUtcTicksConverter() : ValueConverter<DateTimeOffset?, long?>(
    v => v.HasValue ? v.Value.UtcTicks : null,
    v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
