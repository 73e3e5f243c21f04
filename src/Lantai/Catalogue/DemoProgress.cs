namespace Lantai.Catalogue;

/// <summary>Progress of the demo load: records written so far out of the total.</summary>
public readonly record struct DemoProgress(int Written, int Total);
