using System.Diagnostics;
using System.Text;

namespace Lantai.Transfer.Checks.Security;

/// <summary>
/// Scans files with ClamAV (Debian clamav): clamdscan when a clamd daemon answers, else clamscan with a signature
/// database directory (default /var/lib/clamav, or the rule's {"database": "/path"}). Never reports "clean" unless a
/// scan with a database really ran: no scanner, no database or a scanner error is a <see cref="ClamAvScan.NotScanned"/>
/// with the reason.
/// </summary>
public static class ClamAvScanner
{
    public const string DefaultDatabase = "/var/lib/clamav";

    private static readonly Lazy<string?> VersionLazy = new(() => Run("clamscan", ["--version"], null, CancellationToken.None).GetAwaiter().GetResult() is { Exit: 0 } r ? r.Stdout.Trim() : null);

    /// <summary>"ClamAV 1.4.3/…", or null when clamscan is not installed.</summary>
    public static string? Version => VersionLazy.Value;

    public static async Task<ClamAvScan> ScanAsync(IReadOnlyList<string> files, string? database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (Version is null)
        {
            return ClamAvScan.NotScanned("未安装 ClamAV（clamscan），未进行病毒扫描");
        }

        var listFile = Path.GetTempFileName();
        try
        {
            await File.WriteAllLinesAsync(listFile, files, new UTF8Encoding(false), cancellationToken);

            // A daemon keeps its database loaded; it is used only with its own database, when no directory is configured.
            if (database is null)
            {
                var daemon = await Run("clamdscan", ["--no-summary", "--fdpass", "--file-list=" + listFile], null, cancellationToken);
                if (daemon is { Exit: 0 or 1 })
                {
                    return Parse(daemon.Stdout, "clamdscan");
                }
            }

            var directory = database ?? DefaultDatabase;
            if (!HasSignatures(directory))
            {
                return ClamAvScan.NotScanned($"病毒库不存在（{directory} 中没有 ClamAV 病毒库文件），未进行病毒扫描");
            }

            var scan = await Run("clamscan", ["--no-summary", "--database=" + directory, "--file-list=" + listFile], null, cancellationToken);
            return scan.Exit is 0 or 1
                ? Parse(scan.Stdout, $"clamscan（病毒库 {directory}）")
                : ClamAvScan.NotScanned($"clamscan 出错（退出码 {scan.Exit}）：{FirstLine(scan.Stderr)}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return ClamAvScan.NotScanned("无法运行 ClamAV：" + ex.Message);
        }
        finally
        {
            File.Delete(listFile);
        }
    }

    /// <summary>ClamAV databases: signed .cvd/.cld and the plain signature files (.hdb, .ndb, .ldb …).</summary>
    private static bool HasSignatures(string directory) =>
        Directory.Exists(directory) && Directory.EnumerateFiles(directory).Any(f =>
            Path.GetExtension(f).ToLowerInvariant() is ".cvd" or ".cld" or ".cud" or ".hdb" or ".hsb" or ".mdb" or ".msb" or ".ndb" or ".ldb" or ".cdb" or ".yar" or ".yara");

    private static ClamAvScan Parse(string stdout, string scanner)
    {
        // "/path/to/file: Eicar-Test-Signature FOUND"; the path may itself contain ": ", so split at the last one.
        var infected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.EndsWith(" FOUND", StringComparison.Ordinal))
            {
                continue;
            }

            var at = line.LastIndexOf(": ", StringComparison.Ordinal);
            if (at > 0)
            {
                infected[line[..at]] = line[(at + 2)..^" FOUND".Length];
            }
        }

        return new ClamAvScan(true, null, scanner, infected);
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(string executable, IEnumerable<string> arguments, string? input, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return (process.ExitCode, await stdout, await stderr);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (127, "", ex.Message);
        }
    }
}
