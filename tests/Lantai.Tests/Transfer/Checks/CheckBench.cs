using System.Text;
using Lantai.Data;
using Lantai.Preservation.Formats;
using Lantai.Tests.Infrastructure;
using Lantai.Transfer.Checks;
using Lantai.Transfer.Checks.Authenticity;
using Lantai.Transfer.Checks.Integrity;
using Lantai.Transfer.Checks.Security;
using Lantai.Transfer.Checks.Usability;
using Record = Lantai.Catalogue.Record;

namespace Lantai.Tests.Transfer.Checks;

/// <summary>A staged package for check tests: files copied into a temporary folder, catalogue rows, a real database.</summary>
internal sealed class CheckBench : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly List<CheckSubjectFile> _files = [];
    private readonly List<CheckSubjectItem> _items = [];

    private CheckBench(TestDatabase database)
    {
        _database = database;
        Db = database.CreateContext();
        Root = Directory.CreateTempSubdirectory("lantai-checks-").FullName;
        Inspections = new ContentInspections(new MediaInspector());
    }

    public LantaiDbContext Db { get; }

    public string Root { get; }

    public ContentInspections Inspections { get; }

    public static async Task<CheckBench> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite) =>
        new(await TestDatabase.CreateAsync(provider));

    public static Record Record(string code, int item = 1, string title = "关于做好2023年度档案移交工作的通知", int? pages = 1, DateOnly? date = null) => new()
    {
        FondsCode = "0426",
        CategoryCode = "WS",
        Year = 2023,
        RetentionCode = "Y",
        OrgUnitCode = "BGS",
        ItemNumber = item,
        GroupKey = "0426/WS/2023/Y/BGS",
        ArchivalCode = code,
        Title = title,
        Author = "示例旗档案局",
        Date = date ?? new DateOnly(2023, 3, 1),
        PageCount = pages,
    };

    /// <summary>Adds a row naming the given package paths.</summary>
    public CheckSubjectItem Item(Record? record, params string[] fileRefs)
    {
        var item = new CheckSubjectItem { ItemId = Guid.NewGuid(), RowNumber = _items.Count + 2, Record = record, FileRefs = fileRefs };
        _items.Add(item);
        return item;
    }

    /// <summary>Copies a file into the package under <paramref name="path"/>, tied to the item naming it.</summary>
    public CheckSubjectFile File(string path, string source, IReadOnlyDictionary<string, string>? digests = null) =>
        Add(path, System.IO.File.ReadAllBytes(source), digests);

    public CheckSubjectFile Bytes(string path, byte[] content) => Add(path, content, null);

    public CheckSubjectFile Text(string path, string content) => Add(path, Encoding.UTF8.GetBytes(content), null);

    public CheckContext Context(CheckStage stage = CheckStage.Transfer, PackageDeclaration? declaration = null, IReadOnlyList<string>? opening = null)
    {
        // Files get their item from the rows that name them, as the transfer service does.
        var owner = _items.SelectMany(i => i.FileRefs.Select(f => (f, i.ItemId))).GroupBy(p => p.f, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ItemId, StringComparer.Ordinal);
        return new CheckContext
        {
            Stage = stage,
            Root = Root,
            Files = [.. _files.Select(f => f with { ItemId = owner.TryGetValue(f.PathKey, out var id) ? id : null })],
            Items = _items,
            Declaration = declaration,
            OpeningProblems = opening ?? [],
            Db = Db,
        };
    }

    public static CheckRule Rule(string key, string? parameters = null, CheckStage stage = CheckStage.Transfer) => new()
    {
        Code = "T-" + key,
        Name = key,
        CheckKey = key,
        Stage = stage,
        Parameters = parameters,
    };

    public Task<IReadOnlyList<CheckFinding>> RunAsync(ICheck check, string? parameters = null, CheckStage stage = CheckStage.Transfer) =>
        check.RunAsync(Context(stage), Rule(check.Key, parameters, stage), default);

    public IReadOnlyList<ICheck> AllChecks() =>
    [
        new DeclaredDigestCheck(), new SignatureCheck(Inspections), new CatalogueRowsCheck(), new ArchivalCodeFormatCheck(),
        new ArchivalCodeUniqueCheck(), new ContentMetadataCheck(Inspections), new DeclaredCountsCheck(), new RequiredMetadataCheck(),
        new ItemFilesCheck(), new FormatAcceptedCheck(Inspections), new ContentReadableCheck(Inspections), new OfdFontsCheck(Inspections),
        new VirusScanCheck(), new StrayFilesCheck(), new ExecutableContentCheck(Inspections), new PackageOpeningCheck(),
    ];

    public CheckEngine Engine() => new(AllChecks(), Db, TimeProvider.System, Inspections);

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private CheckSubjectFile Add(string path, byte[] content, IReadOnlyDictionary<string, string>? digests)
    {
        var full = Path.Combine(Root, "files", _files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Path.GetFileName(path));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, content);
        var file = new CheckSubjectFile
        {
            Path = path,
            PathKey = path.Normalize(NormalizationForm.FormC),
            FullPath = full,
            Length = content.Length,
            DeclaredDigests = digests ?? new Dictionary<string, string>(),
        };
        _files.Add(file);
        return file;
    }
}
