namespace Lantai.Catalogue;

/// <summary>A run of item numbers, e.g. a gap 5–7.</summary>
public sealed record NumberRange(int From, int To)
{
    public override string ToString() => From == To
        ? From.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{From}–{To}");
}
