namespace Lantai.Preservation.Formats;

/// <summary>What mediainfo read of an audio or video file: its container, tracks and duration, or the problem (Chinese).</summary>
public sealed record MediaInspection(string? Container, int AudioTracks, int VideoTracks, double? DurationSeconds, string? Problem);
