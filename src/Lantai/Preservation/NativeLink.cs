using System.Runtime.InteropServices;

namespace Lantai.Preservation;

/// <summary>
/// Hard links through libc's link(2). .NET has File.CreateSymbolicLink but no hard link; an AIP's content files are
/// hard links to the store's objects, which are never rewritten (content-addressed), so a 4 GB video costs neither
/// space nor a second write. Where link(2) is missing or refuses (Windows, another file system: EXDEV, a file
/// system without hard links) the caller copies.
/// </summary>
internal static partial class NativeLink
{
    public static bool TryCreate(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return false;
        }

        try
        {
            return Link(existing, link) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
