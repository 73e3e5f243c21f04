using BitMiracle.LibTiff.Classic;
using SkiaSharp;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Decodes an image completely (a JPEG's data all read, its pixels produced at 1/8 size), row by row so a large scan
/// stays in flat memory: JPEG, PNG, GIF and BMP with
/// SkiaSharp's codecs, TIFF (every page, strips or tiles, LZW/Deflate/PackBits/CCITT/JPEG) with LibTiff.NET, which
/// SkiaSharp cannot read. Returns null for a format it has no decoder for (JPEG 2000).
/// </summary>
public static class ImageInspector
{
    /// <summary>100 megapixels: 400 MB of RGBA, more than any scan an archive receives as an interlaced PNG or a GIF.</summary>
    private const long MaxWholeFramePixels = 100_000_000;

    static ImageInspector()
    {
        // LibTiff reports to the console by default; results are judged by the return codes instead.
        Tiff.SetErrorHandler(new SilentTiffErrors());
    }

    public static ImageInspection? Inspect(string path, string formatId, CancellationToken cancellationToken) => formatId switch
    {
        "jpeg" or "png" or "gif" or "bmp" => DecodeWithSkia(path, cancellationToken),
        "tiff" => DecodeTiff(path, cancellationToken),
        _ => null,
    };

    private static ImageInspection DecodeWithSkia(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var codec = SKCodec.Create(stream, out var created);
        return codec is null ? new ImageInspection(0, 0, 0, $"图像无法解码：{created}") : Decode(codec, cancellationToken);
    }

    /// <summary>Decodes what <paramref name="codec"/> reads (a file, or an image inside an OFD package) row by row.</summary>
    internal static ImageInspection Decode(SKCodec codec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codec);
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0)
        {
            return new ImageInspection(width, height, 0, "图像尺寸无效");
        }

        // A JPEG's entropy-coded data is read whole at any output size. Decoding at 1/8 (libjpeg's DCT scaling) skips
        // the inverse DCT, upsampling and colour conversion of full-size pixels, ~80 % of the CPU of a 300 dpi scan,
        // and still finds a truncated or corrupt stream.
        var scaled = codec.EncodedFormat == SKEncodedImageFormat.Jpeg ? codec.GetScaledDimensions(0.125f) : codec.Info.Size;
        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var start = codec.StartScanlineDecode(info);
        if (start == SKCodecResult.Success)
        {
            var row = System.Runtime.InteropServices.Marshal.AllocHGlobal(info.RowBytes);
            try
            {
                for (var y = 0; y < info.Height; y++)
                {
                    if (y % 256 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (codec.GetScanlines(row, 1, info.RowBytes) != 1)
                    {
                        var at = (long)y * height / info.Height + 1;
                        return new ImageInspection(width, height, 1, $"图像数据不完整：约第{at}行（共{height}行）起无法解码");
                    }
                }
            }
            finally
            {
                System.Runtime.InteropServices.Marshal.FreeHGlobal(row);
            }

            return new ImageInspection(width, height, 1, null);
        }

        // Codecs without scanline decoding (interlaced PNG, GIF) decode the whole frame into memory, so a hostile header
        // declaring a vast image must not get its bitmap.
        if ((long)width * height > MaxWholeFramePixels)
        {
            return new ImageInspection(width, height, 1, $"图像尺寸 {width}×{height} 超过整帧解码上限（{MaxWholeFramePixels / 1_000_000} 百万像素），无法确认可完整解码");
        }

        info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        return result == SKCodecResult.Success
            ? new ImageInspection(info.Width, info.Height, Math.Max(1, codec.FrameCount), null)
            : new ImageInspection(info.Width, info.Height, 1, $"图像无法完整解码：{result}");
    }

    private static ImageInspection DecodeTiff(string path, CancellationToken cancellationToken)
    {
        using var tiff = Tiff.Open(path, "r");
        if (tiff is null)
        {
            return new ImageInspection(0, 0, 0, "TIFF 文件头或目录无效");
        }

        int width = 0, height = 0, pages = 0;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            pages++;
            var w = tiff.GetField(TiffTag.IMAGEWIDTH)?[0].ToInt() ?? 0;
            var h = tiff.GetField(TiffTag.IMAGELENGTH)?[0].ToInt() ?? 0;
            if (pages == 1)
            {
                (width, height) = (w, h);
            }

            if (w <= 0 || h <= 0)
            {
                return new ImageInspection(width, height, pages, $"TIFF 第{pages}页尺寸无效");
            }

            if (tiff.IsTiled())
            {
                var buffer = new byte[tiff.TileSize()];
                for (var t = 0; t < tiff.NumberOfTiles(); t++)
                {
                    if (tiff.ReadEncodedTile(t, buffer, 0, buffer.Length) < 0)
                    {
                        return new ImageInspection(width, height, pages, $"TIFF 第{pages}页第{t + 1}个图块无法解码");
                    }
                }
            }
            else
            {
                var buffer = new byte[tiff.StripSize()];
                for (var s = 0; s < tiff.NumberOfStrips(); s++)
                {
                    if (tiff.ReadEncodedStrip(s, buffer, 0, buffer.Length) < 0)
                    {
                        return new ImageInspection(width, height, pages, $"TIFF 第{pages}页第{s + 1}个条带无法解码");
                    }
                }
            }
        }
        while (tiff.ReadDirectory());

        return new ImageInspection(width, height, pages, null);
    }

    private sealed class SilentTiffErrors : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void ErrorHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandlerExt(Tiff tif, object clientData, string method, string format, params object[] args)
        {
        }
    }
}
