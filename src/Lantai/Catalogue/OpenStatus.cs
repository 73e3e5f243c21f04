namespace Lantai.Catalogue;

/// <summary>开放状态 of a record: where it stands in opening review.</summary>
public enum OpenStatus
{
    Unreviewed = 0,  // 未审
    Open = 1,        // 开放
    Controlled = 2,  // 控制使用
    PartlyOpen = 3,  // 部分开放
}
