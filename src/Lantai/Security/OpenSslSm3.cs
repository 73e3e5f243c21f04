using System.Runtime.InteropServices;

namespace Lantai.Security;

/// <summary>
/// SM3 from the system's libcrypto (OpenSSL 3), which .NET's own System.Security.Cryptography.Native already loads on
/// Linux: about three times as fast as BouncyCastle's managed SM3. Used only when the library loads and its default
/// provider offers SM3 (a build with no-sm3 does not); otherwise <see cref="Sm3Hasher"/> falls back to BouncyCastle.
/// </summary>
internal static partial class OpenSslSm3
{
    private const string Library = "libcrypto.so.3";

    // Fetched once for the life of the process: an explicit fetch avoids OpenSSL 3's implicit fetch (a locked provider
    // lookup) on every EVP_DigestInit_ex, and an EVP_MD is safe to share between threads.
    private static readonly Lazy<IntPtr> Algorithm = new(FetchAlgorithm);

    public static bool IsAvailable => Algorithm.Value != IntPtr.Zero;

    /// <summary>The SM3 EVP_MD; only valid when <see cref="IsAvailable"/>.</summary>
    public static IntPtr Md => Algorithm.Value;

    private static IntPtr FetchAlgorithm()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(Library, typeof(OpenSslSm3).Assembly, null, out _))
        {
            return IntPtr.Zero;
        }

        try
        {
            var md = EVP_MD_fetch(IntPtr.Zero, "SM3", IntPtr.Zero);
            if (md == IntPtr.Zero)
            {
                return IntPtr.Zero;
            }

            // Prove the whole path once (a provider can list SM3 and still fail to init), with the GB/T 32905 vector.
            using var probe = new Sm3Hasher(Sm3Implementation.OpenSsl, md);
            probe.Append("abc"u8);
            Span<byte> hash = stackalloc byte[Sm3.HashSize];
            probe.GetHashAndReset(hash);
            return Convert.ToHexStringLower(hash) == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0" ? md : IntPtr.Zero;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return IntPtr.Zero;
        }
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr EVP_MD_fetch(IntPtr libraryContext, string algorithm, IntPtr properties);

    [LibraryImport(Library)]
    internal static partial OpenSslDigestContextHandle EVP_MD_CTX_new();

    [LibraryImport(Library)]
    internal static partial void EVP_MD_CTX_free(IntPtr context);

    [LibraryImport(Library)]
    internal static partial int EVP_DigestInit_ex(OpenSslDigestContextHandle context, IntPtr type, IntPtr engine);

    [LibraryImport(Library)]
    internal static partial int EVP_DigestUpdate(OpenSslDigestContextHandle context, ReadOnlySpan<byte> data, nuint count);

    [LibraryImport(Library)]
    internal static partial int EVP_DigestFinal_ex(OpenSslDigestContextHandle context, Span<byte> digest, out uint length);
}
