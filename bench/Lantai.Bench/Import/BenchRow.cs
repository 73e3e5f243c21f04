namespace Lantai.Bench.Import;

/// <summary>One generated catalogue row, in the columns archivists use.</summary>
internal sealed record BenchRow(
    string ArchivalCode, string FondsCode, int Year, string Retention, string OrgUnit, int Item, string Author,
    string? DocumentNumber, string Title, DateOnly Date, int Pages, string Classification, string? Remarks);
