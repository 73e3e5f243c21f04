using Lantai.Catalogue;

namespace Lantai.Transfer.Checks;

/// <summary>What one check found about one thing; becomes one <see cref="CheckResult"/> line.</summary>
public sealed record CheckFinding(CheckOutcome Outcome, string Evidence, Guid? ItemId = null, string? FilePath = null, RecordId? RecordId = null);
