using System.Buffers;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Streams an entry to its staged file with a byte counter that stops one byte past the declared size (a zip can lie
/// about it; a file can grow while it is read) and, for zip entries, the CRC-32 the zip declared.
/// </summary>
internal static class PackageCopy
{
    private const int BufferSize = 1 << 20;

    public static string? Copy(Stream source, Stream destination, long expectedLength, uint? expectedCrc, Action<int> copied, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            uint crc = 0;
            while (true)
            {
                var want = (int)Math.Min(BufferSize, expectedLength - total + 1);
                cancellationToken.ThrowIfCancellationRequested();
                var read = source.Read(buffer, 0, want);
                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total > expectedLength)
                {
                    return expectedCrc is null
                        ? "文件在读取时变大了（读取期间被修改）"
                        : $"解压后的数据超过了声明的大小{PackageChecks.Bytes(expectedLength)}（zip 声明不实，疑似 zip 炸弹）";
                }

                if (expectedCrc is not null)
                {
                    crc = Crc32.Append(crc, buffer.AsSpan(0, read));
                }

                destination.Write(buffer, 0, read);
                copied(read);
            }

            if (total < expectedLength)
            {
                return expectedCrc is null
                    ? "文件在读取时变小了（读取期间被修改）"
                    : $"数据比声明的大小短（{PackageChecks.Bytes(total)}，应为{PackageChecks.Bytes(expectedLength)}）：文件已损坏或被截断";
            }

            return expectedCrc is { } expected && crc != expected ? "CRC 校验值不符：数据已损坏" : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
