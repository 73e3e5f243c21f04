using System.Text;
using Lantai.Security;
using Org.BouncyCastle.Crypto.Digests;

namespace Lantai.Tests.Preservation;

public sealed class Sm3HasherTests
{
    public static TheoryData<Sm3Implementation> Implementations => new() { Sm3Implementation.OpenSsl, Sm3Implementation.BouncyCastle };

    [Fact]
    public void OpenSsl_OnThisMachine_IsAvailableAndDefault()
    {
        // The test machines (Debian, OpenSSL 3) have libcrypto.so.3 with SM3; if this fails the fast path is lost silently.
        Assert.True(Sm3Hasher.IsAvailable(Sm3Implementation.OpenSsl));
        Assert.Equal(Sm3Implementation.OpenSsl, Sm3Hasher.DefaultImplementation);
    }

    [Theory, MemberData(nameof(Implementations))]
    public void Hash_StandardVectors_MatchGbT32905(Sm3Implementation implementation)
    {
        using var hasher = Sm3Hasher.Create(implementation);
        hasher.Append("abc"u8);
        Assert.Equal("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Convert.ToHexStringLower(hasher.GetHashAndReset()));

        hasher.Append(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("abcd", 16))));
        Assert.Equal("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732", Convert.ToHexStringLower(hasher.GetHashAndReset()));
    }

    [Theory, MemberData(nameof(Implementations))]
    public void Hash_AfterReset_StartsFromEmpty(Sm3Implementation implementation)
    {
        using var hasher = Sm3Hasher.Create(implementation);
        hasher.Append("garbage"u8);
        hasher.GetHashAndReset();
        var empty = hasher.GetHashAndReset();
        Assert.Equal("1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b", Convert.ToHexStringLower(empty));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(1 << 20)]
    [InlineData((1 << 20) + 17)]
    public void Hash_RandomData_EqualsBouncyCastleInAnyChunking(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        var expected = BouncyCastle(data);

        foreach (var implementation in new[] { Sm3Implementation.OpenSsl, Sm3Implementation.BouncyCastle })
        {
            using var whole = Sm3Hasher.Create(implementation);
            whole.Append(data);
            Assert.Equal(expected, Convert.ToHexStringLower(whole.GetHashAndReset()));

            // Odd chunk sizes cross the 64-byte block boundary at every offset.
            using var chunked = Sm3Hasher.Create(implementation);
            var random = new Random(length + 1);
            for (var offset = 0; offset < length;)
            {
                var size = Math.Min(random.Next(1, 4097), length - offset);
                chunked.Append(data.AsSpan(offset, size));
                offset += size;
            }

            Assert.Equal(expected, Convert.ToHexStringLower(chunked.GetHashAndReset()));
        }

        Assert.Equal(expected, Sm3.HashHex(data));
    }

    [Fact]
    public async Task HashAsync_Stream_EqualsOneShot()
    {
        var data = new byte[300_001];
        new Random(7).NextBytes(data);
        using var stream = new MemoryStream(data);
        Assert.Equal(BouncyCastle(data), Convert.ToHexStringLower(await Sm3.HashAsync(stream, default)));
    }

    private static string BouncyCastle(byte[] data)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data, 0, data.Length);
        var result = new byte[32];
        digest.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }
}
