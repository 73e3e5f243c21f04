namespace Lantai.Transfer.Checks;

/// <summary>The stable keys of the built-in checks (<see cref="ICheck.Key"/>, <see cref="CheckRule.CheckKey"/>).</summary>
public static class CheckKeys
{
    public const string DeclaredDigest = "digest.declared";
    public const string Signature = "signature";
    public const string CatalogueRows = "catalogue.rows";
    public const string ArchivalCodeFormat = "code.format";
    public const string ArchivalCodeUnique = "code.unique";
    public const string ContentMetadata = "metadata.content";
    public const string DeclaredCounts = "package.declared";
    public const string RequiredMetadata = "metadata.required";
    public const string ItemFiles = "files.present";
    public const string StrayFiles = "files.stray";
    public const string FormatAccepted = "format.accepted";
    public const string ContentReadable = "content.readable";
    public const string OfdFonts = "ofd.fonts";
    public const string VirusScan = "virus.clamav";
    public const string ExecutableContent = "content.executable";
    public const string PackageOpening = "package.opening";
}
