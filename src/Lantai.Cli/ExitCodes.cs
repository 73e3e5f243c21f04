namespace Lantai.Cli;

/// <summary>Exit status: 0 success, 1 refused input or failed check, 2 usage error (DESIGN.md §6).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Refused = 1;
    public const int Usage = 2;
}
