namespace Lantai.Tests.Samples;

/// <summary>
/// Content files made by other producers (copied from the shared samples): ofd/ — real OFD files from commercial
/// producers and the ofdrw project (Apache License 2.0); files/ — a notice as DOCX, PDF and PDF/A, and its scans.
/// Read them from the source tree, so the copies in the repository are the only ones.
/// </summary>
internal static class ContentSamples
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Lantai.Tests", "Samples");
            if (Directory.Exists(Path.Combine(candidate, "ofd")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Content samples not found above " + AppContext.BaseDirectory);
    });

    /// <summary>A file of samples/ofd, e.g. Ofd("helloworld.ofd").</summary>
    public static string Ofd(string name) => Path.Combine(Folder.Value, "ofd", name);

    /// <summary>A file of samples/files, e.g. File("scan-200dpi.jpg").</summary>
    public static string File(string name) => Path.Combine(Folder.Value, "files", name);

    /// <summary>The notice as PDF, PDF/A and DOCX share this base name (its archival code).</summary>
    public const string NoticeBaseName = "0426-WS·2023-Y-BGS-0012";
}
