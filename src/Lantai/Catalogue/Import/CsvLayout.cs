using System.Text;

namespace Lantai.Catalogue.Import;

/// <summary>How a CSV file is written: its encoding, the length of its byte-order mark and its field separator.</summary>
internal sealed record CsvLayout(Encoding Encoding, int PreambleLength, char Separator);
