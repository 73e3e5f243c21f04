namespace Lantai.Transfer.Checks;

/// <summary>What a check item looks at (DA/T 70: 元数据, 内容, 封装包, 载体, 环境).</summary>
public enum CheckTarget
{
    Metadata = 0,
    Content = 1,
    Package = 2,
    Carrier = 3,
    Environment = 4,
}
