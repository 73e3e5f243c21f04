using Lantai.Catalogue;

namespace Lantai.Web.Api.Catalogue;

/// <summary>A renumbering preview (or what was applied): each item's old and new number and code.</summary>
public sealed record RenumberResponse(string Group, string Order, string Token, int ChangedCount, int LegacyCount, IReadOnlyList<RenumberItemResponse> Items)
{
    public static RenumberResponse Of(RenumberPreview p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Group.Key, p.Order == RenumberOrder.Date ? "date" : "itemNumber", p.Token, p.ChangedCount, p.LegacyCount,
            [.. p.Items.Select(i => new RenumberItemResponse(i.RecordId.Value, i.Title, i.OldItemNumber, i.NewItemNumber, i.OldArchivalCode, i.NewArchivalCode, i.LegacyCode, i.Changed))]);
    }
}
