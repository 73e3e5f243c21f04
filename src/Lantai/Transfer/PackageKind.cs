namespace Lantai.Transfer;

/// <summary>How a transfer package arrived.</summary>
public enum PackageKind
{
    /// <summary>A folder with a catalogue file (目录.xlsx/csv) and the content files.</summary>
    Folder = 0,

    /// <summary>The same as a .zip.</summary>
    Zip = 1,

    /// <summary>A BagIt bag (RFC 8493), as a folder or a zip, with the catalogue inside its payload.</summary>
    BagIt = 2,

    /// <summary>A DA/T 48-2009 electronic-record encapsulation package (EEP) of one record.</summary>
    Eep = 3,
}
