using System.Runtime.InteropServices;

namespace Lantai.Transfer.Packages;

/// <summary>
/// CRC-32 (ISO-HDLC, as zip uses it). .NET 10's ZipArchive does not check entries' CRCs (that comes in .NET 11), so
/// extraction does. Uses the zlib-ng crc32 the runtime ships (System.IO.Compression.Native, vectorised), with a
/// table-driven fallback where that library cannot be loaded.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();
    private static bool _nativeFailed;

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return crc;
        }

        if (!Volatile.Read(ref _nativeFailed))
        {
            try
            {
                return NativeCrc32(crc, ref MemoryMarshal.GetReference(data), data.Length);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                Volatile.Write(ref _nativeFailed, true);
            }
        }

        return Managed(crc, data);
    }

    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    internal static uint Managed(uint crc, ReadOnlySpan<byte> data)
    {
        var c = ~crc;
        foreach (var b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }

    // DllImport rather than LibraryImport: the signature is blittable and the project compiles without unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libSystem.IO.Compression.Native", EntryPoint = "CompressionNative_Crc32")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint NativeCrc32(uint crc, ref byte buffer, int length);
#pragma warning restore SYSLIB1054
}
