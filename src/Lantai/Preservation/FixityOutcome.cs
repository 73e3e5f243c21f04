namespace Lantai.Preservation;

/// <summary>What the fixity audit found for one object.</summary>
public enum FixityOutcome
{
    /// <summary>Both digests recomputed and equal to the stored ones.</summary>
    Intact = 0,

    /// <summary>The content no longer has the digests it was stored with.</summary>
    Mismatch = 1,

    /// <summary>The file is gone from the store.</summary>
    Missing = 2,
}
