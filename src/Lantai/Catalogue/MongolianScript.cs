namespace Lantai.Catalogue;

/// <summary>
/// Finds traditional Mongolian script (U+1800–U+18AF) in stored text, so pages can mark it lang="mn-Mong" and set it
/// top to bottom (DESIGN.md §6).
/// </summary>
public static class MongolianScript
{
    public const string LanguageTag = "mn-Mong";

    public static bool Contains(string? text) =>
        !string.IsNullOrEmpty(text) && text.AsSpan().IndexOfAnyInRange('\u1800', '\u18AF') >= 0;

    /// <summary>"mn-Mong" for text holding Mongolian script, else null (Razor leaves out an attribute whose value is null).</summary>
    public static string? LanguageOf(string? text) => Contains(text) ? LanguageTag : null;
}
