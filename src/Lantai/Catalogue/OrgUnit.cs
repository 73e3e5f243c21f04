namespace Lantai.Catalogue;

/// <summary>机构(问题): an organisational unit or subject code inside one fonds (letters, digits or Chinese: BGS, 003, 办公室).</summary>
public sealed class OrgUnit
{
    public Guid Id { get; set; } = Common.Ids.New();

    public FondsId FondsId { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }
}
