namespace Lantai.Catalogue.Export;

/// <summary>What an export wrote: the number of records, and of pages for a PDF (0 for spreadsheets).</summary>
public sealed record ExportSummary(int Records, int Pages);
