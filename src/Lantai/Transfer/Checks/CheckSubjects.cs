namespace Lantai.Transfer.Checks;

/// <summary>Small helpers the checks share to name what they judge in the report.</summary>
public static class CheckSubjects
{
    /// <summary>"第12行" for a catalogue row.</summary>
    public static string Row(CheckSubjectItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return $"第{item.RowNumber}行";
    }

    /// <summary>A finding about a file, tied to the item that names it.</summary>
    public static CheckFinding About(CheckSubjectFile file, CheckOutcome outcome, string evidence)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new CheckFinding(outcome, evidence, file.ItemId, file.Path);
    }

    /// <summary>A finding about a catalogue row.</summary>
    public static CheckFinding About(CheckSubjectItem item, CheckOutcome outcome, string evidence)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new CheckFinding(outcome, $"{Row(item)}：{evidence}", item.ItemId, RecordId: item.Record?.Id);
    }

    /// <summary>Abbreviates a hex digest for evidence ("66c7f0f4…ba8e0").</summary>
    public static string Short(string hex) => hex.Length > 16 ? hex[..8] + "…" + hex[^8..] : hex;
}
