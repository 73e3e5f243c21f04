using System.Reflection;
using Lantai.Preservation.Formats;
using Lantai.Transfer.Checks.Security;

namespace Lantai.Transfer.Checks;

/// <summary>The tools behind a check run and their versions, recorded with the run (testers ask which tools judged).</summary>
public static class CheckTools
{
    public static string Describe(MediaInspector media)
    {
        ArgumentNullException.ThrowIfNull(media);
        var tools = new List<string>
        {
            "Lantai " + Version(typeof(CheckTools).Assembly),
            "PdfPig " + Version(typeof(UglyToad.PdfPig.PdfDocument).Assembly),
            "LibTiff.NET " + Version(typeof(BitMiracle.LibTiff.Classic.Tiff).Assembly),
            "SkiaSharp " + Version(typeof(SkiaSharp.SKCodec).Assembly),
            "BouncyCastle " + Version(typeof(Org.BouncyCastle.Crypto.Digests.SM3Digest).Assembly),
        };
        if (ClamAvScanner.Version is { } clam)
        {
            tools.Add(clam);
        }

        if (media.Version is { } mi)
        {
            tools.Add("MediaInfo " + mi);
        }

        return string.Join("; ", tools);
    }

    private static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "?";
}
