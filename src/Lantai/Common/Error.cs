namespace Lantai.Common;

/// <summary>An expected failure: a machine-readable code, a message for people (Chinese) and, where it applies, the field or location that is wrong.</summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public static Error NotFound(string what) => new("not-found", $"{what}不存在");
    public static Error Validation(string field, string message) => new("validation", message, field);
    public static Error Conflict(string message, string? field = null) => new("conflict", message, field);
}
