namespace Lantai.Catalogue.Import;

/// <summary>The catalogue columns an import recognises (DA/T 22-2015 filing catalogue plus the usual extras).</summary>
public enum ImportColumn
{
    /// <summary>A column not recognised: its cells are appended to 备注 as "列名：值".</summary>
    Unknown = 0,

    /// <summary>A column deliberately ignored (序号: the row's position, recomputed on export).</summary>
    Ignored,

    ArchivalCode,
    FondsCode,
    CreatorName,
    Category,
    Year,
    Retention,
    OrgUnit,
    ItemNumber,
    Author,
    DocumentNumber,
    Title,
    Date,
    PageCount,
    Classification,
    Carrier,
    OpenStatus,
    Remarks,
}
