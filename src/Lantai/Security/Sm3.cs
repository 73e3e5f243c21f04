namespace Lantai.Security;

/// <summary>SM3 (GB/T 32905-2016), the primary digest of Lantai: the system's OpenSSL when present, else BouncyCastle (<see cref="Sm3Hasher"/>).</summary>
public static class Sm3
{
    public const int HashSize = 32;

    public static byte[] Hash(ReadOnlySpan<byte> data)
    {
        using var hasher = Sm3Hasher.Create();
        hasher.Append(data);
        return hasher.GetHashAndReset();
    }

    public static string HashHex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(Hash(data));

    /// <summary>Of a stream read synchronously (a part inside a zip, where the inspector is synchronous).</summary>
    public static byte[] Hash(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hasher = Sm3Hasher.Create();
        Span<byte> buffer = stackalloc byte[8192];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            hasher.Append(buffer[..read]);
        }

        return hasher.GetHashAndReset();
    }

    public static async Task<byte[]> HashAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var hasher = Sm3Hasher.Create();
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hasher.Append(buffer.AsSpan(0, read));
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return hasher.GetHashAndReset();
    }
}
