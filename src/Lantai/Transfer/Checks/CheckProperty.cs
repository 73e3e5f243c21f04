namespace Lantai.Transfer.Checks;

/// <summary>The four properties of DA/T 70-2018 (the x in GD-x-y).</summary>
public enum CheckProperty
{
    /// <summary>真实性.</summary>
    Authenticity = 1,

    /// <summary>完整性.</summary>
    Integrity = 2,

    /// <summary>可用性.</summary>
    Usability = 3,

    /// <summary>安全性.</summary>
    Security = 4,
}
