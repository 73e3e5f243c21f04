using Lantai.Preservation.Formats;
using Lantai.Tests.Samples;

namespace Lantai.Tests.Preservation.Formats;

public sealed class ImageInspectorTests
{
    [Theory]
    [InlineData("scan-300dpi-colour.tif", "tiff")]
    [InlineData("scan-300dpi-grey.tif", "tiff")]
    [InlineData("scan-200dpi.jpg", "jpeg")]
    public void Inspect_Scans_DecodeCompletely(string file, string format)
    {
        var image = ImageInspector.Inspect(ContentSamples.File(file), format, default);

        Assert.NotNull(image);
        Assert.Null(image.Problem);
        Assert.True(image.Width > 1000 && image.Height > 1000);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(95)] // the last rows: decoded at 1/8 size, the whole stream is still read
    public void Inspect_TruncatedJpeg_Fails(int percentKept)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lantai-image-").FullName, "cut.jpg");
        var bytes = File.ReadAllBytes(ContentSamples.File("scan-200dpi.jpg"));
        File.WriteAllBytes(path, bytes[..(bytes.Length * percentKept / 100)]);

        var image = ImageInspector.Inspect(path, "jpeg", default);

        Assert.NotNull(image?.Problem);
        File.Delete(path);
    }

    [Fact]
    public void Inspect_TruncatedTiff_Fails()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lantai-image-").FullName, "cut.tif");
        var bytes = File.ReadAllBytes(ContentSamples.File("scan-300dpi-grey.tif"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var image = ImageInspector.Inspect(path, "tiff", default);

        Assert.NotNull(image?.Problem);
        File.Delete(path);
    }

    [Fact]
    public void Inspect_GifDeclaringAVastFrame_RefusedWithoutAllocatingIt()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lantai-image-").FullName, "vast.gif");
        byte[] size = [0x20, 0x4E, 0x20, 0x4E]; // 20,000 × 20,000: 1.6 GB as RGBA
        File.WriteAllBytes(path,
        [
            .. "GIF89a"u8, .. size, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, // screen, two-colour table
            0x2C, 0, 0, 0, 0, .. size, 0, 2, 2, 0x4C, 0x01, 0, 0x3B, // one frame, a few LZW codes, trailer
        ]);

        var image = ImageInspector.Inspect(path, "gif", default);

        Assert.NotNull(image);
        Assert.Contains("超过整帧解码上限", image.Problem, StringComparison.Ordinal);
        File.Delete(path);
    }
}
