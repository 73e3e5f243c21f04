namespace Lantai.Transfer.Checks;

/// <summary>When a check runs (the prefix of DA/T 70's item codes).</summary>
public enum CheckStage
{
    /// <summary>GD: 归档.</summary>
    Filing = 0,

    /// <summary>YJ: 移交与接收.</summary>
    Transfer = 1,

    /// <summary>BC: 长期保存.</summary>
    Preservation = 2,
}
