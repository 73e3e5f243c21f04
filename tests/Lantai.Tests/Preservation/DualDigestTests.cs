using System.Security.Cryptography;
using Lantai.Preservation;
using Lantai.Security;

namespace Lantai.Tests.Preservation;

public sealed class DualDigestTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(40_000)]
    [InlineData(256 * 1024)]
    [InlineData(256 * 1024 + 1)]
    [InlineData(3 * 1024 * 1024 + 5)]
    public async Task Compute_AnyLength_EqualsSeparateDigests(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        foreach (var implementation in new[] { Sm3Implementation.OpenSsl, Sm3Implementation.BouncyCastle })
        {
            using var source = new TrickleStream(data);
            var digests = await DualDigest.RunAsync(source, null, includeMd5: true, implementation, default);
            Assert.Equal(Sm3.HashHex(data), digests.Sm3);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(data)), digests.Sha256);
#pragma warning disable CA5351 // MD5 only to compare with digests declared in packages
            Assert.Equal(Convert.ToHexStringLower(MD5.HashData(data)), digests.Md5);
#pragma warning restore CA5351
            Assert.Equal(length, digests.Length);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(100_000)]
    [InlineData(2 * 1024 * 1024 + 3)]
    public async Task Copy_WritesEveryByteInOrder(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        using var destination = new MemoryStream();
        var digests = await DualDigest.CopyAsync(new TrickleStream(data), destination, includeMd5: false, default);
        Assert.Equal(data, destination.ToArray());
        Assert.Equal(Sm3.HashHex(data), digests.Sm3);
        Assert.Null(digests.Md5);
    }

    [Fact]
    public async Task Compute_SourceFailsMidway_ThrowsItsError()
    {
        var data = new byte[2 * 1024 * 1024];
        await using var source = new FailingStream(data, failAfter: 1024 * 1024);
        var e = await Assert.ThrowsAsync<IOException>(() => DualDigest.ComputeAsync(source, default));
        Assert.Equal("disk gone", e.Message);
    }

    /// <summary>Returns odd-sized short reads, as a zip entry or a network stream does.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        private readonly Random _random = new(data.Length);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, _random.Next(1, 70_000)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, _random.Next(1, 70_000))], cancellationToken);
    }

    private sealed class FailingStream(byte[] data, int failAfter) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAfter ? throw new IOException("disk gone") : base.ReadAsync(buffer, cancellationToken);
    }
}
