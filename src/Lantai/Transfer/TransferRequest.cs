namespace Lantai.Transfer;

/// <summary>A package to receive.</summary>
public sealed record TransferRequest
{
    /// <summary>A .zip file or a folder (a plain package or a BagIt bag).</summary>
    public required string Path { get; init; }

    /// <summary>The package's name as the sender gave it (the uploaded file's name).</summary>
    public required string Name { get; init; }

    public required string Actor { get; init; }

    /// <summary>移交单位 typed at upload; the package's own declaration (bag-info) wins when it has one.</summary>
    public string? TransferringUnit { get; init; }

    /// <summary>
    /// Move the zip into the transfer's folder (an upload the server owns) instead of reading it where it is (a path an
    /// operator named on the command line, which is never moved or changed).
    /// </summary>
    public bool TakeOwnership { get; init; }

    /// <summary>Queue the check as a job (the server); false when the caller runs <see cref="TransferChecker"/> itself (the CLI).</summary>
    public bool QueueCheck { get; init; } = true;
}
