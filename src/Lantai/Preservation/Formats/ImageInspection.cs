namespace Lantai.Preservation.Formats;

/// <summary>What <see cref="ImageInspector"/> learned of an image; <see cref="Problem"/> (Chinese) when it does not decode.</summary>
public sealed record ImageInspection(int Width, int Height, int Frames, string? Problem);
