namespace Lantai.Search.Query;

/// <summary>The fields a query may name (题名:…, title:…), whatever language the name was written in.</summary>
internal enum QueryField
{
    Title,
    Author,
    DocumentNumber,
    ArchivalCode,
    OrgUnit,
    Remarks,
    Content,
    Fonds,
    Category,
    Year,
    Retention,
    Classification,
    OpenStatus,
    Carrier,
}
