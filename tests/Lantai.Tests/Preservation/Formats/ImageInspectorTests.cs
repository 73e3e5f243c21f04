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

    [Fact]
    public void Inspect_TruncatedJpeg_Fails()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lantai-image-").FullName, "cut.jpg");
        var bytes = File.ReadAllBytes(ContentSamples.File("scan-200dpi.jpg"));
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

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
}
