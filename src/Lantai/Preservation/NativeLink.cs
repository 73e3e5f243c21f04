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
    /// <summary>errno of a link whose name is taken.</summary>
    public const int AlreadyExists = 17; // EEXIST, the same on Linux, macOS and FreeBSD

    public static bool TryCreate(string existing, string link) => Create(existing, link) == 0;

    /// <summary>link(2): 0 when the new name was created, else errno (-1 where hard links cannot be asked for at all).</summary>
    public static int Create(string existing, string link)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return -1;
        }

        try
        {
            return Link(existing, link) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);
}
