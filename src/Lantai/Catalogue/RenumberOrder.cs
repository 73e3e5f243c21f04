namespace Lantai.Catalogue;

/// <summary>The order items take when a group is renumbered.</summary>
public enum RenumberOrder
{
    /// <summary>Keep the current order and close the gaps.</summary>
    ItemNumber = 0,

    /// <summary>By date (成文日期), undated items last, ties by current item number.</summary>
    Date = 1,
}
