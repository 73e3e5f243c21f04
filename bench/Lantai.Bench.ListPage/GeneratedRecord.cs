namespace Lantai.Bench.ListPage;

/// <summary>One generated catalogue row, with exactly the columns of the Records table.</summary>
internal sealed record GeneratedRecord(
    Guid Id, Guid FondsId, string FondsCode, string CategoryCode, int Year, string RetentionCode, string OrgUnitCode, int ItemNumber,
    string GroupKey, string ArchivalCode, string Title, bool TitleSupplied, string Author, string DocumentNumber, DateOnly? Date,
    int PageCount, string Classification, string Carrier, int OpenStatus);
