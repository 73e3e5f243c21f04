using QRCoder;

namespace Lantai.Web.Security;

/// <summary>QR codes drawn on the server (QRCoder) as a PNG data URI: the authenticator secret never goes to an outside service.</summary>
public static class QrCodeImage
{
    public static string PngDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }
}
