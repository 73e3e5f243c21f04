namespace Lantai.Catalogue.Import;

/// <summary>One column of the file as the import understood it: the header as written and what it was taken for.</summary>
public sealed record ImportColumnInfo(string Header, ImportColumn Column)
{
    /// <summary>What the column was taken for, in Chinese.</summary>
    public string Label => HeaderRecognizer.Label(Column);
}
