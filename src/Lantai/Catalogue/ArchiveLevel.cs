namespace Lantai.Catalogue;

/// <summary>Where an archive stands in the three-level network (自治区 → 盟市 → 旗县).</summary>
public enum ArchiveLevel
{
    Region = 1,  // 自治区
    League = 2,  // 盟市
    Banner = 3,  // 旗县
}
