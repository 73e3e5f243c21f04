using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lantai.Common;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Reads audio and video headers with Debian's mediainfo (`mediainfo --Output=JSON`), which parses the container and
/// streams without decoding them, so a 4 GB video costs a few reads. <see cref="Available"/> is false when mediainfo is
/// not installed; callers then report 未检测 with that reason.
/// </summary>
public sealed class MediaInspector
{
    private readonly Lazy<string?> _version;

    public MediaInspector()
        : this("mediainfo")
    {
    }

    public MediaInspector(string executable)
    {
        Executable = executable;
        _version = new Lazy<string?>(ReadVersion);
    }

    public string Executable { get; }

    public bool Available => _version.Value is not null;

    /// <summary>"MediaInfoLib - v23.04", or null when the tool is missing.</summary>
    public string? Version => _version.Value;

    public async Task<MediaInspection> InspectAsync(string path, CancellationToken cancellationToken)
    {
        var (exit, stdout, stderr) = await RunAsync(["--Output=JSON", path], cancellationToken);
        if (exit != 0)
        {
            return new MediaInspection(null, 0, 0, null, $"mediainfo 读取失败（退出码 {exit}）：{stderr.Trim()}");
        }

        try
        {
            using var json = JsonDocument.Parse(stdout);
            return Read(json.RootElement);
        }
        catch (JsonException ex)
        {
            return new MediaInspection(null, 0, 0, null, "mediainfo 输出无法解析：" + ex.Message);
        }
    }

    /// <summary>
    /// Reads many files with one mediainfo process per <see cref="FilesPerCall"/> files: starting the tool costs ~20 ms,
    /// far more than reading a header, so a transfer of thousands of recordings would otherwise spend its check starting
    /// processes. mediainfo answers a JSON array in the order of its arguments; anything unexpected falls back to one call
    /// per file. One process per core at a time: mediainfo is single-threaded and CPU-bound (~2 ms a WAV), so a
    /// transfer of 10,000 recordings would otherwise leave all cores but one idle for most of its check.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MediaInspection>> InspectManyAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var chunks = paths.Distinct(StringComparer.Ordinal).Chunk(FilesPerCall).ToArray();
        var answers = await OnePerCore.MapAsync(chunks, async (chunk, token) =>
        {
            var read = chunk.Length > 1 ? await TryReadChunkAsync(chunk, token) : null;
            var answer = new MediaInspection[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                answer[i] = read?[i] ?? await InspectAsync(chunk[i], token);
            }

            return answer;
        }, cancellationToken);

        var results = new Dictionary<string, MediaInspection>(StringComparer.Ordinal);
        for (var c = 0; c < chunks.Length; c++)
        {
            for (var i = 0; i < chunks[c].Length; i++)
            {
                results[chunks[c][i]] = answers[c][i];
            }
        }

        return results;
    }

    /// <summary>How many files one mediainfo call reads (kept well under the command-line length limit).</summary>
    public const int FilesPerCall = 64;

    private async Task<MediaInspection[]?> TryReadChunkAsync(string[] chunk, CancellationToken cancellationToken)
    {
        var (exit, stdout, _) = await RunAsync(["--Output=JSON", .. chunk], cancellationToken);
        if (exit != 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(stdout);
            if (json.RootElement.ValueKind != JsonValueKind.Array || json.RootElement.GetArrayLength() != chunk.Length)
            {
                return null;
            }

            return [.. json.RootElement.EnumerateArray().Select(Read)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>One file's answer: {"media": {"track": [...]}}, or "media": null when mediainfo could not open it.</summary>
    private static MediaInspection Read(JsonElement root)
    {
        if (!root.TryGetProperty("media", out var media) || media.ValueKind != JsonValueKind.Object ||
            !media.TryGetProperty("track", out var tracks))
        {
            return new MediaInspection(null, 0, 0, null, "mediainfo 未能识别媒体结构");
        }

        string? container = null;
        double? duration = null;
        int audio = 0, video = 0;
        foreach (var track in tracks.EnumerateArray())
        {
            var type = track.TryGetProperty("@type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "General":
                    container = track.TryGetProperty("Format", out var f) ? f.GetString() : null;
                    if (track.TryGetProperty("Duration", out var d) &&
                        double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                    {
                        duration = seconds;
                    }

                    break;
                case "Audio":
                    audio++;
                    break;
                case "Video":
                    video++;
                    break;
            }
        }

        return container is null
            ? new MediaInspection(null, audio, video, duration, "mediainfo 未能识别容器格式")
            : audio + video == 0
                ? new MediaInspection(container, 0, 0, duration, $"{container} 文件中没有可读的音频或视频轨道")
                : new MediaInspection(container, audio, video, duration, null);
    }

    private string? ReadVersion()
    {
        try
        {
            var (exit, stdout, _) = RunAsync(["--Version"], CancellationToken.None).GetAwaiter().GetResult();
            return exit == 0 ? stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("mediainfo did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
