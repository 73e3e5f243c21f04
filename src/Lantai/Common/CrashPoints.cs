using System.Diagnostics;
using System.Globalization;

namespace Lantai.Common;

/// <summary>
/// Fault injection for the crash-safety tests: when the environment variable LANTAI_CRASH_AT is "name:n", the n-th time
/// the code passes the point called name the process kills itself with SIGKILL (Process.Kill on Linux), exactly as an
/// operator's kill -9 or a power cut would stop it there. Without the variable every point is a no-op.
/// </summary>
public static class CrashPoints
{
    private static readonly (string Name, int Count)? Target = Parse(Environment.GetEnvironmentVariable("LANTAI_CRASH_AT"));
    private static int _hits;

    public static void Hit(string name)
    {
        if (Target is { } target && string.Equals(target.Name, name, StringComparison.Ordinal) && Interlocked.Increment(ref _hits) == target.Count)
        {
            using var self = Process.GetCurrentProcess();
            self.Kill();
        }
    }

    private static (string, int)? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (value[..colon], n)
            : (value, 1);
    }
}
