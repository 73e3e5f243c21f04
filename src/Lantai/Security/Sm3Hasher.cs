using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Lantai.Security;

/// <summary>
/// Incremental SM3 (GB/T 32905-2016): the system's OpenSSL when available, BouncyCastle otherwise. Both give the
/// same digests (tested against the standard's vectors and against each other); only the speed differs. Not thread-safe:
/// one hasher per stream.
/// </summary>
public sealed class Sm3Hasher : IDisposable
{
    private readonly OpenSslDigestContextHandle? _native;
    private readonly IntPtr _md;
    private readonly SM3Digest? _managed;

    internal Sm3Hasher(Sm3Implementation implementation, IntPtr md)
    {
        Implementation = implementation;
        if (implementation == Sm3Implementation.OpenSsl)
        {
            _md = md;
            _native = OpenSslSm3.EVP_MD_CTX_new();
            if (_native.IsInvalid || OpenSslSm3.EVP_DigestInit_ex(_native, _md, IntPtr.Zero) != 1)
            {
                _native.Dispose();
                throw new CryptographicException("OpenSSL could not start an SM3 digest");
            }
        }
        else
        {
            _managed = new SM3Digest();
        }
    }

    public Sm3Implementation Implementation { get; }

    /// <summary>The implementation <see cref="Create()"/> uses on this machine.</summary>
    public static Sm3Implementation DefaultImplementation => OpenSslSm3.IsAvailable ? Sm3Implementation.OpenSsl : Sm3Implementation.BouncyCastle;

    public static bool IsAvailable(Sm3Implementation implementation) =>
        implementation == Sm3Implementation.BouncyCastle || OpenSslSm3.IsAvailable;

    /// <summary>The fastest SM3 this machine has.</summary>
    public static Sm3Hasher Create() => Create(DefaultImplementation);

    /// <exception cref="PlatformNotSupportedException">OpenSSL asked for where its SM3 is not available.</exception>
    public static Sm3Hasher Create(Sm3Implementation implementation)
    {
        if (implementation == Sm3Implementation.OpenSsl && !OpenSslSm3.IsAvailable)
        {
            throw new PlatformNotSupportedException("OpenSSL SM3 (libcrypto.so.3) is not available on this machine");
        }

        return new Sm3Hasher(implementation, implementation == Sm3Implementation.OpenSsl ? OpenSslSm3.Md : IntPtr.Zero);
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_native is not null)
        {
            ObjectDisposedException.ThrowIf(_native.IsClosed, this);
            if (data.IsEmpty)
            {
                return;
            }

            if (OpenSslSm3.EVP_DigestUpdate(_native, data, (nuint)data.Length) != 1)
            {
                throw new CryptographicException("OpenSSL SM3 update failed");
            }
        }
        else
        {
            _managed!.BlockUpdate(data);
        }
    }

    /// <summary>Writes the 32-byte digest of everything appended and starts again from empty.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        if (destination.Length < Sm3.HashSize)
        {
            throw new ArgumentException("SM3 needs 32 bytes", nameof(destination));
        }

        if (_native is not null)
        {
            ObjectDisposedException.ThrowIf(_native.IsClosed, this);
            if (OpenSslSm3.EVP_DigestFinal_ex(_native, destination, out _) != 1
                || OpenSslSm3.EVP_DigestInit_ex(_native, _md, IntPtr.Zero) != 1)
            {
                throw new CryptographicException("OpenSSL SM3 final failed");
            }
        }
        else
        {
            _managed!.DoFinal(destination); // DoFinal also resets the BouncyCastle digest
        }
    }

    public byte[] GetHashAndReset()
    {
        var hash = new byte[Sm3.HashSize];
        GetHashAndReset(hash);
        return hash;
    }

    public void Dispose() => _native?.Dispose();
}
