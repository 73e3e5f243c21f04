using Org.BouncyCastle.Crypto.Digests;

namespace Lantai.Security;

/// <summary>SM3 (GB/T 32905-2016), the primary digest of Lantai, from BouncyCastle.</summary>
public static class Sm3
{
    public const int HashSize = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        var result = new byte[HashSize];
        digest.DoFinal(result);
        return result;
    }

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Hash(data));

    public static async Task<byte[]> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var digest = new SM3Digest();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            digest.BlockUpdate(buffer, 0, read);
        }

        var result = new byte[HashSize];
        digest.DoFinal(result);
        return result;
    }
}
