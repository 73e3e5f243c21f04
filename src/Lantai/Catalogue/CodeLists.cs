namespace Lantai.Catalogue;

/// <summary>The names of the code lists kept in <see cref="CodeListEntry"/>.</summary>
public static class CodeLists
{
    public const string Retention = "retention";
    public const string Classification = "classification";
    public const string Carrier = "carrier";
}
