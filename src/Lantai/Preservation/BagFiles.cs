using System.Runtime.InteropServices;

namespace Lantai.Preservation;

/// <summary>
/// Creates a bag's folders and small files with the fewest system calls: mkdir(2), and open(2) + write(2) + close(2)
/// for a file. File.WriteAllBytes also takes an advisory lock, truncates and stats each file, and
/// Directory.CreateDirectory stats every parent first; a bag has ten small files and three folders, and in a virtual
/// machine each call is dear (most of an AIP's CPU time was in these calls). Only for a new name in a folder
/// of our own (the bag's temporary folder): an existing name is an error, not overwritten. Elsewhere than on Linux the
/// .NET calls do the same.
/// </summary>
internal static partial class BagFiles
{
    private const string LibC = "libc";
    private const int CreateNewForWriting = 0x1 | 0x40 | 0x80 | 0x80000; // O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC (x86-64 and arm64)
    private const int Interrupted = 4; // EINTR

    /// <summary>errno of rename(2) onto a folder that is not empty.</summary>
    public const int NotEmpty = 39; // ENOTEMPTY (Linux)

    /// <summary>Writes a new file with <paramref name="bytes"/>; fails if the name exists.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        if (!FileSync.IsAvailable)
        {
            using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
            RandomAccess.Write(handle, bytes, 0);
            return;
        }

        var fd = open(path, CreateNewForWriting, 0x1B6); // 0666, the mode .NET gives a new file; the umask applies
        if (fd < 0)
        {
            throw new IOException($"open({path}) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            while (!bytes.IsEmpty)
            {
                var written = write(fd, bytes, (nuint)bytes.Length);
                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Interrupted)
                    {
                        continue;
                    }

                    throw new IOException($"write({path}) failed: errno {errno}");
                }

                if (written == 0)
                {
                    throw new IOException($"write({path}) wrote nothing");
                }

                bytes = bytes[(int)written..];
            }
        }
        catch
        {
            _ = close(fd);
            throw;
        }

        // close can report a delayed write error (NFS): the bag must not be taken as written then.
        if (close(fd) != 0 && Marshal.GetLastPInvokeError() is var closeErrno && closeErrno != Interrupted)
        {
            throw new IOException($"close({path}) failed: errno {closeErrno}");
        }
    }

    /// <summary>Creates a folder whose parent exists; fails if the name exists (<see cref="DirectoryNotFoundException"/> when the parent does not).</summary>
    public static void CreateFolder(string path)
    {
        if (!FileSync.IsAvailable)
        {
            Directory.CreateDirectory(path);
            return;
        }

        if (FileSync.MakeFolder(path) is var errno && errno != 0)
        {
            throw errno == FileSync.NoSuchEntry
                ? new DirectoryNotFoundException($"mkdir({path}) failed: the parent folder does not exist")
                : new IOException($"mkdir({path}) failed: errno {errno}");
        }
    }

    /// <summary>
    /// rename(2) of a folder onto a name that does not exist yet (or an empty folder): 0 when done, else errno
    /// (<see cref="NotEmpty"/>, or <see cref="FileSync.AlreadyExists"/> on some systems, when a bag is there). Only where <see cref="FileSync.IsAvailable"/>.
    /// </summary>
    public static int RenameFolder(string source, string target) => rename(source, target) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport(LibC, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int rename(string source, string target);

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, uint mode);

    [LibraryImport(LibC, EntryPoint = "write", SetLastError = true)]
    private static partial nint write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);

}
