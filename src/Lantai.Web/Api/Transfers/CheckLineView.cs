using Lantai.Transfer.Checks;
using Lantai.Transfer.Reports;

namespace Lantai.Web.Api.Transfers;

/// <summary>One line of a check report: codes for machines, Chinese names for people.</summary>
public sealed record CheckLineView(
    int Sequence, string Code, string Name, string Property, string PropertyLabel, string Outcome, string OutcomeLabel, bool Blocking,
    string Evidence, Guid? ItemId, Guid? RecordId, string? FilePath)
{
    public static CheckLineView Of(CheckResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new CheckLineView(r.Sequence, r.Code, r.Name, r.Property.ToString(), CheckReportNames.Property(r.Property), r.Outcome.ToString(),
            CheckReportNames.Outcome(r.Outcome), r.Blocking, r.Evidence, r.ItemId, r.RecordId?.Value, r.FilePath);
    }
}
