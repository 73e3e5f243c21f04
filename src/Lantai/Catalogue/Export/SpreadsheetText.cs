namespace Lantai.Catalogue.Export;

/// <summary>
/// Formula injection guard for spreadsheets: a cell that starts with = + - @ tab or CR could run as a formula when
/// the file is opened (or a CSV is re-saved). Entry refuses a leading '=', but the others are ordinary in titles.
/// </summary>
public static class SpreadsheetText
{
    public static bool LooksLikeFormula(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>For CSV: prefixes such a value with an apostrophe, which spreadsheet programs show as text and hide.</summary>
    public static string ForCsv(string value) => LooksLikeFormula(value) ? "'" + value : value;
}
