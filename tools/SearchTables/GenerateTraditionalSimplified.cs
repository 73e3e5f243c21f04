#:property AllowUnsafeBlocks=true
#:property PublishAot=false

// Generates src/Lantai/Assets/Search/traditional-simplified.txt: the per-character traditional → simplified folding of
// search keys, taken from ICU's "Traditional-Simplified" transliterator in the system's libicu (libicui18n.so.72 on
// Debian 12). Run from the repository root:
//   dotnet run tools/SearchTables/GenerateTraditionalSimplified.cs -- src/Lantai/Assets/Search/traditional-simplified.txt
// ICU is used here only, never at run time: the table is committed data, so search keys do not change with the
// machine's ICU version (a changed key would need an index rebuild).
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

var output = args.Length > 0 ? args[0] : "traditional-simplified.txt";
var icuVersion = Icu.Version();
var unicodeVersion = Icu.UnicodeVersion();

// Every Han code point: URO, extension A, compatibility ideographs, extensions B–H.
(int First, int Last)[] hanRanges =
[
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF), (0x2A700, 0x2EE5F), (0x30000, 0x323AF),
];

using var transliterator = Icu.Open("Traditional-Simplified");
var map = new SortedDictionary<int, int>();
var multi = 0;
foreach (var (first, last) in hanRanges)
{
    for (var cp = first; cp <= last; cp++)
    {
        var source = char.ConvertFromUtf32(cp);
        var target = transliterator.Transliterate(source);
        if (target == source)
        {
            continue;
        }
        if (target.EnumerateRunes().Count() != 1)
        {
            multi++; // a folding of one character into several would shift positions; none are expected
            continue;
        }
        map[cp] = char.ConvertToUtf32(target, 0);
    }
}

// Folding must be idempotent: a target that is itself mapped is followed to its end. ICU's data has a cycle
// (苎 → 苧 → 苎, from Unihan's variant fields); every member of a cycle folds to its lowest code point (苎, the form of
// the 通用规范汉字表).
var chained = 0;
var cycles = 0;
foreach (var cp in map.Keys.ToList())
{
    var seen = new List<int> { cp };
    var target = map[cp];
    while (map.TryGetValue(target, out var next) && next != target && !seen.Contains(target))
    {
        seen.Add(target);
        target = next;
    }
    if (seen.Contains(target))
    {
        target = seen[seen.IndexOf(target)..].Min();
        cycles++;
    }
    if (target != map[cp])
    {
        map[cp] = target;
        chained++;
    }
}
foreach (var cp in map.Where(pair => pair.Key == pair.Value).Select(pair => pair.Key).ToList())
{
    map.Remove(cp);
}

var text = new StringBuilder();
text.Append("# Traditional → simplified Chinese, one character per line: traditional<TAB>simplified.\n");
text.Append(CultureInfo.InvariantCulture, $"# Generated from ICU {icuVersion} (Unicode {unicodeVersion}) transliterator \"Traditional-Simplified\" by\n");
text.Append("# tools/SearchTables/GenerateTraditionalSimplified.cs; see README.md beside this file. Do not edit by hand.\n");
text.Append(CultureInfo.InvariantCulture, $"# {map.Count} mappings; {chained} chained to their end ({cycles} in cycles); {multi} one-to-many results skipped.\n");
foreach (var (from, to) in map)
{
    text.Append(char.ConvertFromUtf32(from)).Append('\t').Append(char.ConvertFromUtf32(to)).Append('\n');
}
File.WriteAllText(output, text.ToString(), new UTF8Encoding(false));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ICU {icuVersion}, Unicode {unicodeVersion}: {map.Count} mappings ({chained} chained, {cycles} in cycles, {multi} one-to-many skipped) → {output}"));

internal sealed unsafe partial class Icu : IDisposable
{
    private const string I18n = "libicui18n.so.72";
    private const string Common = "libicuuc.so.72";
    private readonly nint _handle;

    private Icu(nint handle) => _handle = handle;

    public static Icu Open(string id)
    {
        var status = 0;
        var parseError = stackalloc byte[128];
        nint handle;
        fixed (char* p = id)
        {
            handle = utrans_openU_72(p, id.Length, 0, null, 0, parseError, &status);
        }
        if (status > 0 || handle == 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"utrans_openU({id}) failed: ICU error {status}"));
        }
        return new Icu(handle);
    }

    public string Transliterate(string text)
    {
        var buffer = stackalloc char[64];
        text.AsSpan().CopyTo(new Span<char>(buffer, 64));
        var length = text.Length;
        var limit = text.Length;
        var status = 0;
        utrans_transUChars_72(_handle, buffer, &length, 64, 0, &limit, &status);
        if (status > 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"utrans_transUChars failed: ICU error {status}"));
        }
        return new string(buffer, 0, length);
    }

    public static string Version() => Format(&u_getVersion_72);

    public static string UnicodeVersion() => Format(&u_getUnicodeVersion_72);

    private static string Format(delegate*<byte*, void> get)
    {
        var version = stackalloc byte[4];
        get(version);
        return string.Create(CultureInfo.InvariantCulture, $"{version[0]}.{version[1]}");
    }

    public void Dispose() => utrans_close_72(_handle);

    [LibraryImport(I18n)] private static partial nint utrans_openU_72(char* id, int idLength, int direction, char* rules, int rulesLength, byte* parseError, int* status);
    [LibraryImport(I18n)] private static partial void utrans_transUChars_72(nint transliterator, char* text, int* textLength, int capacity, int start, int* limit, int* status);
    [LibraryImport(I18n)] private static partial void utrans_close_72(nint transliterator);
    [LibraryImport(Common)] private static partial void u_getVersion_72(byte* version);
    [LibraryImport(Common)] private static partial void u_getUnicodeVersion_72(byte* version);
}
