using Lantai.Data;

namespace Lantai.Web.Api.Transfers;

/// <summary>
/// Where uploaded packages wait before the transfer takes them: {DataDir}/staging/uploads, on the same file system as
/// the transfer folders, so the transfer moves the file instead of copying gigabytes again.
/// </summary>
public static class TransferUploads
{
    /// <summary>The largest package accepted over HTTP.</summary>
    public const long MaxBytes = 4L * 1024 * 1024 * 1024;

    public static async Task<string> SaveAsync(IFormFile file, DatabaseOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var folder = Path.Combine(options.DataDir, "staging", "uploads");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".zip");
        try
        {
            await using var input = file.OpenReadStream();
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await input.CopyToAsync(output, 1 << 20, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        return path;
    }

    /// <summary>The name of the uploaded file without any folder a browser may send.</summary>
    public static string NameOf(IFormFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var name = file.FileName.Replace('\\', '/');
        return name[(name.LastIndexOf('/') + 1)..];
    }

    /// <summary>A .zip package or a DA/T 48 EEP (.eep); what is inside is judged by the check, not by the name.</summary>
    public static bool IsPackage(IFormFile file) =>
        NameOf(file).EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || NameOf(file).EndsWith(".eep", StringComparison.OrdinalIgnoreCase);
}
