using System.Buffers.Binary;
using System.Globalization;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Reads a zip's central directory (APPNOTE 6.3.10, with ZIP64) into <see cref="PackageEntry"/> rows without touching
/// any entry's data: this is what every limit is checked on before extraction. Our own reader rather than ZipArchive's
/// because the checks need what ZipArchive hides: the raw name bytes and flags (GB18030 or UTF-8, the 0x7075 field), the
/// Unix mode (symlinks), encryption bits, local header offsets (overlapping entries), and the entry count before the
/// entries are read.
/// </summary>
internal static class ZipCentralDirectory
{
    private const uint EndOfCentralDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint CentralHeaderSignature = 0x02014b50;
    private const int EndRecordSize = 22;
    private const int CentralHeaderSize = 46;
    private const int LocalHeaderSize = 30;

    /// <summary>The entries, or null when the zip is too broken or too big to list (the reason is in <paramref name="problems"/>).</summary>
    public static async Task<List<PackageEntry>?> ReadAsync(Stream zip, string zipName, PackageLimits limits, PackageProblems problems, CancellationToken cancellationToken)
    {
        var length = zip.Length;
        var tailLength = (int)Math.Min(length, EndRecordSize + ushort.MaxValue);
        var tail = new byte[tailLength];
        zip.Position = length - tailLength;
        await zip.ReadExactlyAsync(tail, cancellationToken);

        var eocd = -1;
        for (var i = tailLength - EndRecordSize; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfCentralDirectorySignature
                && i + EndRecordSize + BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 20)) <= tailLength)
            {
                eocd = i;
                break;
            }
        }

        if (eocd < 0)
        {
            problems.Package("truncated", $"zip 文件“{zipName}”不完整或已损坏：找不到中央目录结尾（文件可能被截断）", zipName);
            return null;
        }

        var end = tail.AsSpan(eocd);
        var eocdPosition = length - tailLength + eocd;
        if (BinaryPrimitives.ReadUInt16LittleEndian(end[4..]) != 0 || BinaryPrimitives.ReadUInt16LittleEndian(end[6..]) != 0)
        {
            problems.Package("multi-disk", $"zip 文件“{zipName}”是分卷压缩包，不受支持：请合并为一个 zip 文件", zipName);
            return null;
        }

        long count = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
        long size = BinaryPrimitives.ReadUInt32LittleEndian(end[12..]);
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
        var directoryEnd = eocdPosition;
        if (count == ushort.MaxValue || size == uint.MaxValue || offset == uint.MaxValue)
        {
            var zip64 = await ReadZip64EndAsync(zip, eocdPosition, cancellationToken);
            if (zip64 is null)
            {
                problems.Package("corrupt", $"zip 文件“{zipName}”已损坏：ZIP64 中央目录结尾无效", zipName);
                return null;
            }

            (count, size, offset, directoryEnd) = zip64.Value;
        }

        if (count > limits.MaxEntries)
        {
            problems.Package("entries", string.Create(CultureInfo.InvariantCulture, $"zip 文件“{zipName}”声明了{count}个条目，超过上限{limits.MaxEntries}个"), zipName);
            return null;
        }

        if (offset < 0 || size < count * CentralHeaderSize || offset + size > directoryEnd)
        {
            problems.Package("corrupt", $"zip 文件“{zipName}”已损坏：中央目录的位置或大小无效（文件可能被截断）", zipName);
            return null;
        }

        var entries = new List<PackageEntry>((int)count);
        zip.Position = offset;
        var directory = new BufferedStream(zip, 1 << 16);
        var header = new byte[CentralHeaderSize];
        var variable = new byte[3 * ushort.MaxValue];
        var unflagged = new List<(int Index, byte[] Raw)>();
        var unflaggedValidUtf8 = true;
        var unflaggedClearlyUtf8 = false;
        for (var index = 0; index < count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await directory.ReadAtLeastAsync(header, CentralHeaderSize, throwOnEndOfStream: false, cancellationToken) < CentralHeaderSize
                || BinaryPrimitives.ReadUInt32LittleEndian(header) != CentralHeaderSignature)
            {
                problems.Package("corrupt", string.Create(CultureInfo.InvariantCulture, $"zip 文件“{zipName}”已损坏：第{index + 1}个中央目录项无效"), zipName);
                return null;
            }

            var h = header.AsSpan();
            var madeBy = BinaryPrimitives.ReadUInt16LittleEndian(h[4..]);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(h[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(h[10..]);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(h[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(h[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(h[24..]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(h[28..]);
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(h[30..]);
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(h[32..]);
            var externalAttributes = BinaryPrimitives.ReadUInt32LittleEndian(h[38..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(h[42..]);

            var variableLength = nameLength + extraLength + commentLength;
            if (await directory.ReadAtLeastAsync(variable.AsMemory(0, variableLength), variableLength, throwOnEndOfStream: false, cancellationToken) < variableLength)
            {
                problems.Package("corrupt", $"zip 文件“{zipName}”已损坏：中央目录被截断", zipName);
                return null;
            }

            var rawName = variable.AsSpan(0, nameLength);
            var extra = variable.AsSpan(nameLength, extraLength);
            ReadZip64Extra(extra, ref uncompressed, ref compressed, ref localOffset);
            var name = ZipEntryNames.DecodeFlagged(rawName, flags, extra);
            if (name is null)
            {
                unflagged.Add((index, rawName.ToArray()));
                var (valid, clear) = ZipEntryNames.Utf8Evidence(rawName);
                unflaggedValidUtf8 &= valid;
                unflaggedClearlyUtf8 |= clear;
                name = "";
            }

            // Unix hosts (3) and macOS (19) keep st_mode in the high half of the external attributes.
            var host = madeBy >> 8;
            var mode = host is 3 or 19 ? (externalAttributes >> 16) & 0xF000 : 0;
            var isDirectory = (nameLength > 0 && rawName[^1] == '/') || mode == 0x4000;
            entries.Add(new PackageEntry
            {
                Path = name.TrimEnd('/'),
                IsDirectory = isDirectory,
                Length = uncompressed,
                CompressedLength = compressed,
                IsLink = mode == 0xA000,
                IsSpecial = mode is not (0 or 0x8000 or 0x4000 or 0xA000),
                IsEncrypted = (flags & 0x0001) != 0 || (flags & 0x0040) != 0 || method == 99,
                Method = method,
                Crc32 = crc,
                Index = index,
                LocalHeaderOffset = localOffset,
                RawNameLength = nameLength,
            });
        }

        foreach (var (index, raw) in unflagged)
        {
            entries[index] = entries[index] with { Path = ZipEntryNames.DecodeUnflagged(raw, unflaggedValidUtf8 && unflaggedClearlyUtf8).TrimEnd('/') };
        }

        CheckOverlaps(entries, offset, zipName, problems);
        return entries;
    }

    /// <summary>
    /// Entries whose data overlap (several central records pointing into the same bytes) are how non-recursive zip
    /// bombs reach ratios of millions; no zip writer makes them.
    /// </summary>
    private static void CheckOverlaps(List<PackageEntry> entries, long directoryOffset, string zipName, PackageProblems problems)
    {
        var ordered = entries.OrderBy(e => e.LocalHeaderOffset).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            var dataEnd = e.LocalHeaderOffset + LocalHeaderSize + e.RawNameLength + e.CompressedLength;
            var next = i + 1 < ordered.Count ? ordered[i + 1].LocalHeaderOffset : directoryOffset;
            if (e.LocalHeaderOffset < 0 || dataEnd > next)
            {
                if (i + 1 < ordered.Count)
                {
                    problems.Entry("overlap", ordered[i + 1].Path, $"数据与条目“{PackagePaths.Display(e.Path)}”重叠（zip 炸弹的特征）");
                }
                else
                {
                    problems.Entry("overlap", e.Path, $"数据越过了 zip 文件“{zipName}”的中央目录（文件已损坏或被篡改）");
                }

                return;
            }
        }
    }

    private static void ReadZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (size > extra.Length - 4)
            {
                return;
            }

            if (id == 0x0001)
            {
                var data = extra.Slice(4, size);
                if (uncompressed == uint.MaxValue && data.Length >= 8)
                {
                    uncompressed = BinaryPrimitives.ReadInt64LittleEndian(data);
                    data = data[8..];
                }

                if (compressed == uint.MaxValue && data.Length >= 8)
                {
                    compressed = BinaryPrimitives.ReadInt64LittleEndian(data);
                    data = data[8..];
                }

                if (localOffset == uint.MaxValue && data.Length >= 8)
                {
                    localOffset = BinaryPrimitives.ReadInt64LittleEndian(data);
                }

                // A negative size (top bit set) is a lie: make it huge so the limits refuse it.
                uncompressed = uncompressed < 0 ? long.MaxValue : uncompressed;
                compressed = compressed < 0 ? long.MaxValue : compressed;
                return;
            }

            extra = extra[(4 + size)..];
        }
    }

    private static async Task<(long Count, long Size, long Offset, long End)?> ReadZip64EndAsync(Stream zip, long eocdPosition, CancellationToken cancellationToken)
    {
        if (eocdPosition < 20)
        {
            return null;
        }

        var locator = new byte[20];
        zip.Position = eocdPosition - 20;
        await zip.ReadExactlyAsync(locator, cancellationToken);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
        {
            return null;
        }

        var position = BinaryPrimitives.ReadInt64LittleEndian(locator.AsSpan(8));
        if (position < 0 || position > eocdPosition - 20 - 56)
        {
            return null;
        }

        var record = new byte[56];
        zip.Position = position;
        await zip.ReadExactlyAsync(record, cancellationToken);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature)
        {
            return null;
        }

        var count = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(32));
        var size = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(40));
        var offset = BinaryPrimitives.ReadInt64LittleEndian(record.AsSpan(48));
        return count < 0 || size < 0 ? null : (count, size, offset, position);
    }
}
