namespace Lantai.Common;

/// <summary>A typed identifier wrapping a UUIDv7, so a fonds id can never be passed where a record id is meant.</summary>
public interface IEntityId<TSelf>
    where TSelf : struct, IEntityId<TSelf>
{
    Guid Value { get; }

    static abstract TSelf From(Guid value);
}
