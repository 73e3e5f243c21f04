namespace Lantai.Common;

/// <summary>The outcome of a use case: a value, or the expected errors that stopped it (exceptions are for bugs).</summary>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors)
    {
        _value = value;
        Errors = errors;
    }

    public IReadOnlyList<Error> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public T Value => Succeeded ? _value! : throw new InvalidOperationException("The result failed: " + Errors[0].Message);

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(Error error) => new(default, [error]);

    public static Result<T> Fail(IReadOnlyList<Error> errors) =>
        errors.Count == 0 ? throw new ArgumentException("A failure needs at least one error.", nameof(errors)) : new(default, errors);

#pragma warning disable CA2225 // Implicit conversions keep use cases readable; Ok/Fail are the named alternates.
    public static implicit operator Result<T>(T value) => Ok(value);

    public static implicit operator Result<T>(Error error) => Fail(error);
#pragma warning restore CA2225
}
