namespace Lantai.Transfer.Packages;

/// <summary>One computer file (编码) decoded from an EEP into the staging folder.</summary>
internal sealed record EepFile
{
    /// <summary>计算机文件名 as the EEP gives it.</summary>
    public required string Name { get; init; }

    /// <summary>计算机文件大小 as declared, when it is a number.</summary>
    public long? DeclaredLength { get; init; }

    public required string StagingKey { get; init; }

    /// <summary>The decoded length.</summary>
    public required long Length { get; init; }
}
