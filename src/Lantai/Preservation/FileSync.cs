using System.Runtime.InteropServices;

namespace Lantai.Preservation;

/// <summary>
/// The durability calls .NET does not offer: fsync of a directory and syncfs of a whole file system (Linux).
/// .NET cannot fsync a directory itself: FileStream and File.OpenHandle refuse to open a directory (they fail with
/// UnauthorizedAccessException), and a rename is only durable once the directory holding the new name is synced
/// (POSIX; ext4 and XFS both need it). So the directory is opened read-only with open(2) and given to fsync(2).
/// </summary>
internal static partial class FileSync
{
    private const string LibC = "libc";
    private const int ReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC (same value on x86-64 and arm64)

    private static readonly Lazy<bool> NativeAvailable = new(Probe);

    /// <summary>Whether directory fsync and syncfs can be called here (Linux with glibc or musl).</summary>
    public static bool IsAvailable => NativeAvailable.Value;

    /// <summary>fsync(2) of a directory, so the names created or renamed in it survive a power cut. No-op where unavailable.</summary>
    public static void SyncDirectory(string path)
    {
        if (!IsAvailable)
        {
            return;
        }

        WithDescriptor(path, fd => fsync(fd), "fsync");
    }

    /// <summary>fsync(2) of a file by its name (opened read-only): its data and metadata.</summary>
    public static void SyncFile(string path)
    {
        if (!IsAvailable)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            file.Flush(flushToDisk: true);
            return;
        }

        WithDescriptor(path, fd => fsync(fd), "fsync");
    }

    /// <summary>syncfs(2) of the file system holding <paramref name="path"/>: data and metadata of every file on it.</summary>
    public static void SyncFileSystem(string path)
    {
        if (!IsAvailable)
        {
            throw new PlatformNotSupportedException("syncfs is only available on Linux");
        }

        WithDescriptor(path, fd => syncfs(fd), "syncfs");
    }

    /// <summary>errno of mkdir(2) for a name that exists.</summary>
    public const int AlreadyExists = NativeLink.AlreadyExists; // EEXIST

    /// <summary>errno of mkdir(2) whose parent folder is missing.</summary>
    public const int NoSuchEntry = 2; // ENOENT

    /// <summary>
    /// mkdir(2), only where <see cref="IsAvailable"/>: 0 when created, else errno (<see cref="AlreadyExists"/>,
    /// <see cref="NoSuchEntry"/> for a missing parent, ...). One system call where Directory.Exists and
    /// Directory.CreateDirectory make three to five (it stats every level first).
    /// </summary>
    public static int MakeFolder(string path) => mkdir(path, 0x1FF) /* 0777, as .NET; the umask applies */ == 0 ? 0 : Marshal.GetLastPInvokeError();

    private static void WithDescriptor(string path, Func<int, int> call, string name)
    {
        var fd = open(path, ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"open({path}) for {name} failed: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (call(fd) != 0)
            {
                throw new IOException($"{name}({path}) failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var fd = open("/", ReadOnlyCloseOnExec);
            if (fd < 0)
            {
                return false;
            }

            _ = close(fd);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "fsync", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport(LibC, EntryPoint = "syncfs", SetLastError = true)]
    private static partial int syncfs(int fd);

    [LibraryImport(LibC, EntryPoint = "mkdir", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int mkdir(string path, uint mode);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static partial int close(int fd);
}
