namespace Lantai.Transfer.Checks;

/// <summary>The result of one check item.</summary>
public enum CheckOutcome
{
    /// <summary>通过.</summary>
    Passed = 0,

    /// <summary>不通过.</summary>
    Failed = 1,

    /// <summary>警告: passed, with something a person should know (e.g. fonts named but not embedded in an ordinary OFD).</summary>
    Warning = 2,

    /// <summary>未检测, always with the reason (a tool is not installed, the format has no such data) — never a silent pass.</summary>
    NotChecked = 3,
}
