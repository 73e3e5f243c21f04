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

    /// <summary>
    /// 文件: the record's computer files by their path in a transfer package, several separated by ';'. Read only for
    /// transfer catalogues; a catalogue import treats the column as unknown (its cells go to 备注), as it always did.
    /// </summary>
    Files,
}
