using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lantai.Data;

/// <summary>
/// Stores a DateTimeOffset on SQLite as UTC ticks (INTEGER): EF's default there is text, which SQLite can neither
/// order nor compare, and date ranges over the audit log and jobs need both. Every instant Lantai keeps is UTC.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
