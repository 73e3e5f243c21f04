using System.Globalization;
using System.Runtime.CompilerServices;
using Lantai.Common;

namespace Lantai.Catalogue.Import;

/// <summary>
/// One pass over a catalogue file: finds the header, turns every row into a normalised draft, validates it with
/// <see cref="RecordValidator"/> plus what only an import can check (cells that are not numbers or dates, duplicates
/// within the file and against the database, fonds and org units met for the first time), numbers items that have no
/// number, and hands out chunks of records for the writer. Preview and commit run the same pass.
/// </summary>
internal sealed class ImportPass
{
    private const int ChunkSize = 4096;
    private const int HeaderSearchRows = 10;

    private static readonly Dictionary<string, OpenStatus> OpenStatuses = new Dictionary<string, OpenStatus>(StringComparer.Ordinal)
    {
        ["未审"] = OpenStatus.Unreviewed,
        ["未审核"] = OpenStatus.Unreviewed,
        ["开放"] = OpenStatus.Open,
        ["控制"] = OpenStatus.Controlled,
        ["控制使用"] = OpenStatus.Controlled,
        ["部分开放"] = OpenStatus.PartlyOpen,
    };

    /// <summary>What archivists write in 密级 for an unclassified record; stored as "" like the forms do.</summary>
    private static readonly HashSet<string> Unclassified = new(StringComparer.Ordinal) { "非密", "无", "公开", "-", "—", "/" };

    private readonly CatalogueRules _rules;
    private readonly ImportOptions _options;
    private readonly int _currentYear;
    private readonly RecordTable _table;
    private readonly CatalogueLookups _lookups;
    private readonly Dictionary<string, Fonds> _fonds;
    private readonly Dictionary<FondsId, HashSet<string>> _orgUnits;
    private readonly Dictionary<string, GroupState> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _categoryByName;
    private readonly Dictionary<string, string> _retentionByName;
    private readonly List<(int Row, RecordDraft Draft)> _previewRows = [];
    private readonly List<Fonds> _chunkFonds = [];
    private readonly List<OrgUnit> _chunkOrgUnits = [];
    private readonly Guid _importId;
    private readonly DateTimeOffset _now;

    public ImportPass(
        CatalogueRules rules,
        ImportOptions options,
        int currentYear,
        RecordTable table,
        CatalogueLookups lookups,
        IEnumerable<Fonds> fonds,
        IEnumerable<(FondsId FondsId, string Code)> orgUnits,
        Guid importId,
        DateTimeOffset now)
    {
        _rules = rules;
        _options = options;
        _currentYear = currentYear;
        _table = table;
        _lookups = lookups;
        _importId = importId;
        _now = now;
        _fonds = fonds.ToDictionary(f => f.Code, StringComparer.Ordinal);
        _orgUnits = orgUnits.GroupBy(o => o.FondsId).ToDictionary(g => g.Key, g => g.Select(o => o.Code).ToHashSet(StringComparer.Ordinal));
        _categoryByName = rules.Categories.GroupBy(c => c.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Key, StringComparer.Ordinal);
        _retentionByName = rules.Retentions.Values.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Code, StringComparer.Ordinal);
        Issues = new IssueCollector(Math.Max(1, options.MaxListedErrors));
    }

    public IssueCollector Issues { get; }

    /// <summary>
    /// Reading a transfer package's catalogue: the 文件 column is recognised, every data row is kept with its 文件 cell
    /// (<see cref="TransferRows"/>), and each row without errors gets its record (<see cref="TransferRecords"/>) whatever
    /// the other rows hold. A catalogue import leaves this off.
    /// </summary>
    public bool ForTransfer { get; init; }

    /// <summary>With <see cref="ForTransfer"/>: every data row read, in order, with its 文件 cell as written.</summary>
    public List<(int Row, string? Files)> TransferRows { get; } = [];

    /// <summary>With <see cref="ForTransfer"/>: the record of each row that had no error when its chunk was finished.</summary>
    public Dictionary<int, Record> TransferRecords { get; } = [];

    public HeaderMap? Header { get; private set; }

    public int RowCount { get; private set; }

    public List<ImportNewFonds> NewFonds { get; } = [];

    public List<ImportNewOrgUnit> NewOrgUnits { get; } = [];

    public IReadOnlyList<ImportPreviewRow> PreviewRows() =>
        [.. _previewRows.Select(p => new ImportPreviewRow(p.Row, p.Draft, Issues.HasErrors(p.Row)))];

    /// <summary>
    /// Reads the file; yields chunks of records ready to write (only while no error has been found and
    /// <paramref name="buildRecords"/> is set; otherwise empty chunks that carry the progress).
    /// </summary>
    public async IAsyncEnumerable<ImportChunk> ReadAsync(ITableReader reader, Func<long> bytesRead, bool buildRecords, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!FindHeader(reader))
        {
            yield break;
        }

        var pending = new List<PendingRow>(ChunkSize);
        while (reader.Read())
        {
            if (IsEmptyRow(reader))
            {
                continue;
            }

            var row = await ReadRowAsync(reader, cancellationToken);
            if (row is not null)
            {
                pending.Add(row);
            }

            if (RowCount % ChunkSize == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return await FinishChunkAsync(pending, buildRecords, bytesRead(), cancellationToken);
                pending.Clear();
            }
        }

        if (RowCount == 0)
        {
            Issues.Error(null, null, "文件中没有档案条目（表头下没有数据行）");
        }

        yield return await FinishChunkAsync(pending, buildRecords, bytesRead(), cancellationToken);
    }

    private bool FindHeader(ITableReader reader)
    {
        while (reader.Read())
        {
            if (reader.RowNumber > HeaderSearchRows)
            {
                break;
            }

            if (Enumerable.Range(0, reader.FieldCount).All(i => CellValues.IsEmpty(reader.Get(i))))
            {
                continue;
            }

            Header = HeaderMap.TryRead(reader, filesColumn: ForTransfer);
            if (Header is not null)
            {
                break;
            }

            Issues.Warning("skipped-" + reader.RowNumber.ToString(CultureInfo.InvariantCulture), reader.RowNumber, null, "不是表头（未识别出“题名”等列），已跳过");
        }

        if (Header is null)
        {
            Issues.Error(null, null, $"前{HeaderSearchRows}行中未找到表头（表头应包含“题名”“年度”“保管期限”等列）");
            return false;
        }

        var valid = true;
        foreach (var group in Header.Columns.Where(c => c.Column is not (ImportColumn.Unknown or ImportColumn.Ignored)).GroupBy(c => c.Column).Where(g => g.Count() > 1))
        {
            Issues.Error(Header.Row, group.Last().Header, $"列“{HeaderRecognizer.Label(group.Key)}”出现了{group.Count()}次（{string.Join("、", group.Select(c => c.Header))}）");
            valid = false;
        }

        void Require(ImportColumn column, bool alternative, string why)
        {
            if (!Header.Has(column) && !alternative)
            {
                Issues.Error(null, HeaderRecognizer.Label(column), $"缺少必需的列“{HeaderRecognizer.Label(column)}”{why}");
                valid = false;
            }
        }

        var hasCode = Header.Has(ImportColumn.ArchivalCode);
        Require(ImportColumn.Title, false, "");
        Require(ImportColumn.FondsCode, hasCode || _options.DefaultFondsCode is not null, "（或“档号”列）");
        Require(ImportColumn.Year, hasCode, "（或“档号”列）");
        Require(ImportColumn.Retention, hasCode, "（或“档号”列）");

        foreach (var index in Header.Unknown)
        {
            Issues.Warning("unknown-column-" + index.ToString(CultureInfo.InvariantCulture), null, Header.Columns[index].Header,
                "未识别的列：其内容按“列名：值”追加到备注");
        }

        return valid;
    }

    private bool IsEmptyRow(ITableReader reader)
    {
        foreach (var index in Header!.Read)
        {
            if (!CellValues.IsEmpty(reader.Get(index)))
            {
                return false;
            }
        }

        return true;
    }

    private object? Cell(ITableReader reader, ImportColumn column) =>
        Header!.IndexOf(column) is var i and >= 0 ? reader.Get(i) : null;

    private string? CellText(ITableReader reader, ImportColumn column) => CellValues.Text(Cell(reader, column));

    /// <summary>Reads, normalises and checks one row; null when the row has errors (they are recorded).</summary>
    private async ValueTask<PendingRow?> ReadRowAsync(ITableReader reader, CancellationToken cancellationToken)
    {
        RowCount++;
        var row = new RowContext(this, reader.RowNumber);
        if (ForTransfer)
        {
            TransferRows.Add((reader.RowNumber, CellText(reader, ImportColumn.Files)));
        }

        var code = TextNormalizer.Clean(CellText(reader, ImportColumn.ArchivalCode));
        var fondsCode = ResolveFondsCode(TextNormalizer.Clean(CellText(reader, ImportColumn.FondsCode)), code, row);
        _fonds.TryGetValue(fondsCode, out var fonds);
        var templateKey = fonds?.CodeTemplateKey ?? _options.NewFondsCodeTemplateKey;
        var format = _rules.Format(templateKey);

        // The code's parts fill cells the file leaves empty; parsed only then (the validator parses it anyway).
        var parts = code is not null && NeedsParts(reader) ? format.Parse(code) : null;

        var draft = RecordValidator.Normalize(new RecordDraft
        {
            FondsCode = fondsCode,
            CategoryCode = ReadCategory(reader, parts, row),
            Year = ReadYear(reader, parts, row),
            RetentionCode = ReadRetention(reader, parts, row),
            OrgUnitCode = CellText(reader, ImportColumn.OrgUnit) ?? parts?.OrgUnitCode ?? "",
            ItemNumber = ReadInt(reader, ImportColumn.ItemNumber, "件号", row) ?? parts?.ItemNumber,
            ArchivalCode = code,
            Title = CellText(reader, ImportColumn.Title) ?? "",
            Author = CellText(reader, ImportColumn.Author),
            DocumentNumber = CellText(reader, ImportColumn.DocumentNumber),
            Date = ReadDate(reader, row),
            PageCount = ReadInt(reader, ImportColumn.PageCount, "页数", row),
            Classification = ReadClassification(reader),
            Carrier = CellText(reader, ImportColumn.Carrier),
            Remarks = ReadRemarks(reader),
            OpenStatus = ReadOpenStatus(reader, row),
        });

        foreach (var error in RecordValidator.Validate(draft, _rules, templateKey, _currentYear))
        {
            row.Error(ColumnOf(error.Field), error.Message, fromValidator: true);
        }

        CheckLengths(draft, row);
        fonds = EnsureFonds(draft, fonds, reader, row);
        EnsureOrgUnit(draft, fonds, row);
        if (_previewRows.Count < _options.PreviewRowCount)
        {
            _previewRows.Add((row.Number, draft));
        }

        if (row.HasErrors || fonds is null)
        {
            return null;
        }

        // Number and place the item; a number the file already used in this class names both rows.
        var groupKey = GroupKeys.ForItem(fonds.Code, draft.CategoryCode, draft.Year, draft.RetentionCode, draft.OrgUnitCode);
        var group = await GroupAsync(groupKey, cancellationToken);
        var item = draft.ItemNumber ?? group.MaxUsed + 1;
        var archivalCode = draft.ArchivalCode ?? format.Render(new ArchivalCodeParts
        {
            FondsCode = fonds.Code,
            CategoryCode = draft.CategoryCode,
            Year = draft.Year,
            RetentionCode = draft.RetentionCode,
            OrgUnitCode = draft.OrgUnitCode,
            ItemNumber = item,
        });
        if (_previewRows.Count > 0 && _previewRows[^1].Row == row.Number)
        {
            _previewRows[^1] = (row.Number, draft with { ItemNumber = item, ArchivalCode = archivalCode });
        }

        if (group.RowOfItem.TryGetValue(item, out var firstRow))
        {
            var column = Header!.Has(ImportColumn.ArchivalCode) ? ImportColumn.ArchivalCode : ImportColumn.ItemNumber;
            var what = column == ImportColumn.ArchivalCode ? $"档号“{archivalCode}”" : $"件号“{item}”（{archivalCode}）";
            row.Error(column, $"{what}与第{firstRow}行重复");
            Issues.Error(firstRow, Header.HeaderOf(column), $"{what}与第{row.Number}行重复");
            return null;
        }

        group.RowOfItem[item] = row.Number;
        group.MaxUsed = Math.Max(group.MaxUsed, item);
        return new PendingRow(row.Number, draft, fonds, groupKey, item, archivalCode, group);
    }

    private bool NeedsParts(ITableReader reader) =>
        CellValues.IsEmpty(Cell(reader, ImportColumn.Category)) || CellValues.IsEmpty(Cell(reader, ImportColumn.Year))
        || CellValues.IsEmpty(Cell(reader, ImportColumn.Retention)) || CellValues.IsEmpty(Cell(reader, ImportColumn.OrgUnit))
        || CellValues.IsEmpty(Cell(reader, ImportColumn.ItemNumber));

    private string ResolveFondsCode(string? raw, string? code, RowContext row)
    {
        if (raw is null)
        {
            // No 全宗号 cell: the archival code's first element, or the fonds the archivist chose for the file.
            return code is not null && _rules.Templates.Values.Where(t => !t.ForVolumes).Select(t => _rules.Format(t.Key).Parse(code)).FirstOrDefault(p => p is not null) is { } parts
                ? parts.FondsCode
                : _options.DefaultFondsCode ?? "";
        }

        if (_fonds.ContainsKey(raw) || raw.Length >= 4 || !raw.All(char.IsAsciiDigit))
        {
            return raw;
        }

        // A spreadsheet turned 0426 into the number 426: restore the zeros when the archive or the row's code knows 0426.
        var padded = raw.PadLeft(4, '0');
        if (_fonds.ContainsKey(padded) || (code is not null && code.StartsWith(padded, StringComparison.Ordinal) && code.Length > 4 && !char.IsAsciiLetterOrDigit(code[4])))
        {
            Issues.Warning("fonds-padded-" + raw, row.Number, Header!.HeaderOf(ImportColumn.FondsCode), $"全宗号“{raw}”按“{padded}”读取：电子表格去掉了前导零");
            return padded;
        }

        return raw;
    }

    private string ReadCategory(ITableReader reader, ArchivalCodeParts? parts, RowContext row)
    {
        var text = TextNormalizer.Clean(CellText(reader, ImportColumn.Category));
        if (text is null)
        {
            return parts?.CategoryCode ?? _options.DefaultCategoryCode;
        }

        if (!_rules.Categories.ContainsKey(text) && _categoryByName.TryGetValue(text, out var byName))
        {
            Issues.Warning("category-name-" + text, row.Number, Header!.HeaderOf(ImportColumn.Category), $"门类“{text}”按代码“{byName}”读取");
            return byName;
        }

        return text;
    }

    private int ReadYear(ITableReader reader, ArchivalCodeParts? parts, RowContext row)
    {
        var cell = Cell(reader, ImportColumn.Year);
        if (CellValues.IsEmpty(cell))
        {
            if (parts is not null)
            {
                return parts.Year;
            }

            row.Error(ImportColumn.Year, Header!.Has(ImportColumn.Year) ? "年度不能为空" : "年度不能为空（文件没有“年度”列，本行也没有可读出年度的档号）");
            return 0;
        }

        if (cell is DateTime dt)
        {
            return dt.Year;
        }

        if (CellValues.TryInt(cell, out var year))
        {
            return year;
        }

        row.Error(ImportColumn.Year, $"年度“{CellValues.Text(cell)?.Trim()}”不是有效的年份");
        return 0;
    }

    private string ReadRetention(ITableReader reader, ArchivalCodeParts? parts, RowContext row)
    {
        var text = TextNormalizer.Clean(CellText(reader, ImportColumn.Retention));
        if (text is null)
        {
            return parts?.RetentionCode ?? "";
        }

        if (!_rules.Retentions.ContainsKey(text) && _retentionByName.TryGetValue(text, out var byName))
        {
            Issues.Warning("retention-name-" + text, row.Number, Header!.HeaderOf(ImportColumn.Retention), $"保管期限“{text}”按代码“{byName}”读取");
            return byName;
        }

        return text;
    }

    private int? ReadInt(ITableReader reader, ImportColumn column, string label, RowContext row)
    {
        var cell = Cell(reader, column);
        if (CellValues.IsEmpty(cell))
        {
            return null;
        }

        if (CellValues.TryInt(cell, out var value))
        {
            return value;
        }

        row.Error(column, $"{label}“{CellValues.Text(cell)?.Trim()}”不是整数");
        return null;
    }

    private DateOnly? ReadDate(ITableReader reader, RowContext row)
    {
        var cell = Cell(reader, ImportColumn.Date);
        if (CellValues.IsEmpty(cell))
        {
            return null;
        }

        if (CellValues.TryDate(cell, out var date, out var problem))
        {
            return date;
        }

        row.Error(ImportColumn.Date, problem!);
        return null;
    }

    private string ReadClassification(ITableReader reader)
    {
        var text = TextNormalizer.Clean(CellText(reader, ImportColumn.Classification));
        return text is null || Unclassified.Contains(text) ? "" : text;
    }

    private OpenStatus ReadOpenStatus(ITableReader reader, RowContext row)
    {
        var text = TextNormalizer.Clean(CellText(reader, ImportColumn.OpenStatus));
        if (text is null)
        {
            return OpenStatus.Unreviewed;
        }

        if (OpenStatuses.TryGetValue(text, out var status))
        {
            return status;
        }

        row.Error(ImportColumn.OpenStatus, $"开放状态“{text}”无效（可用：未审、开放、控制、部分开放）");
        return OpenStatus.Unreviewed;
    }

    /// <summary>备注, followed by the cells of unrecognised columns as "列名：值" so nothing in the file is lost.</summary>
    private string? ReadRemarks(ITableReader reader)
    {
        var remarks = CellText(reader, ImportColumn.Remarks);
        if (Header!.Unknown.Count == 0)
        {
            return remarks;
        }

        List<string>? extra = null;
        foreach (var index in Header.Unknown)
        {
            if (TextNormalizer.Clean(CellValues.Text(reader.Get(index))) is { } value)
            {
                (extra ??= []).Add($"{Header.Columns[index].Header}：{value}");
            }
        }

        if (extra is null)
        {
            return remarks;
        }

        var joined = string.Join("；", extra);
        return TextNormalizer.Clean(remarks) is { } r ? r + "；" + joined : joined;
    }

    /// <summary>The lengths the EF model declares (PostgreSQL enforces them; SQLite would not).</summary>
    private void CheckLengths(RecordDraft draft, RowContext row)
    {
        foreach (var (property, max) in _table.MaxLengths)
        {
            var (value, column) = property switch
            {
                nameof(Record.FondsCode) => (draft.FondsCode, ImportColumn.FondsCode),
                nameof(Record.CategoryCode) => (draft.CategoryCode, ImportColumn.Category),
                nameof(Record.RetentionCode) => (draft.RetentionCode, ImportColumn.Retention),
                nameof(Record.OrgUnitCode) => (draft.OrgUnitCode, ImportColumn.OrgUnit),
                nameof(Record.ArchivalCode) => (draft.ArchivalCode, ImportColumn.ArchivalCode),
                nameof(Record.Title) => (draft.Title, ImportColumn.Title),
                nameof(Record.Author) => (draft.Author, ImportColumn.Author),
                nameof(Record.DocumentNumber) => (draft.DocumentNumber, ImportColumn.DocumentNumber),
                nameof(Record.Classification) => (draft.Classification, ImportColumn.Classification),
                nameof(Record.Carrier) => (draft.Carrier, ImportColumn.Carrier),
                nameof(Record.Remarks) => (draft.Remarks, ImportColumn.Remarks),
                _ => ((string?)null, ImportColumn.Unknown),
            };
            if (value is not null && value.Length > max)
            {
                row.Error(column, $"{HeaderRecognizer.Label(column)}过长（{value.Length}个字符，最多{max}个）");
            }
        }
    }

    /// <summary>The row's fonds; one met for the first time is created (or refused in strict mode).</summary>
    private Fonds? EnsureFonds(RecordDraft draft, Fonds? fonds, ITableReader reader, RowContext row)
    {
        if (fonds is not null || row.HasErrorIn(ImportColumn.FondsCode) || draft.FondsCode.Length == 0)
        {
            return fonds;
        }

        if (_options.Strict)
        {
            row.Error(ImportColumn.FondsCode, $"全宗号“{draft.FondsCode}”不存在（严格模式下不自动建立全宗，请先建立）");
            return null;
        }

        var creator = TextNormalizer.Clean(CellText(reader, ImportColumn.CreatorName));
        fonds = new Fonds
        {
            Code = draft.FondsCode,
            Name = creator ?? $"全宗 {draft.FondsCode}",
            CreatorName = creator,
            CodeTemplateKey = _options.NewFondsCodeTemplateKey,
            CreatedAt = _now,
        };
        _fonds[fonds.Code] = fonds;
        _chunkFonds.Add(fonds);
        NewFonds.Add(new ImportNewFonds(fonds.Code, fonds.Name, row.Number));
        return fonds;
    }

    private void EnsureOrgUnit(RecordDraft draft, Fonds? fonds, RowContext row)
    {
        if (fonds is null || draft.OrgUnitCode.Length == 0 || row.HasErrorIn(ImportColumn.OrgUnit))
        {
            return;
        }

        if (!_orgUnits.TryGetValue(fonds.Id, out var codes))
        {
            _orgUnits[fonds.Id] = codes = new HashSet<string>(StringComparer.Ordinal);
        }

        if (codes.Contains(draft.OrgUnitCode))
        {
            return;
        }

        if (_options.Strict)
        {
            row.Error(ImportColumn.OrgUnit, $"机构(问题)代码“{draft.OrgUnitCode}”在全宗“{fonds.Code}”中不存在（严格模式下不自动建立，请先建立）");
            return;
        }

        codes.Add(draft.OrgUnitCode);
        _chunkOrgUnits.Add(new OrgUnit { FondsId = fonds.Id, Code = draft.OrgUnitCode, Name = draft.OrgUnitCode });
        NewOrgUnits.Add(new ImportNewOrgUnit(fonds.Code, draft.OrgUnitCode, row.Number));
    }

    private async ValueTask<GroupState> GroupAsync(string groupKey, CancellationToken cancellationToken)
    {
        if (!_groups.TryGetValue(groupKey, out var group))
        {
            var (count, max) = await _lookups.GroupAsync(groupKey, cancellationToken);
            _groups[groupKey] = group = new GroupState(count, max);
        }

        return group;
    }

    /// <summary>Checks a chunk's rows against the database (batched) and builds the records to write.</summary>
    private async Task<ImportChunk> FinishChunkAsync(List<PendingRow> pending, bool buildRecords, long bytesRead, CancellationToken cancellationToken)
    {
        if (_lookups.CatalogueHasRecords && pending.Count > 0)
        {
            await CheckAgainstDatabaseAsync(pending, cancellationToken);
        }

        if (ForTransfer)
        {
            foreach (var p in pending.Where(p => !Issues.HasErrors(p.Row)))
            {
                TransferRecords[p.Row] = ToRecord(p);
            }
        }

        var records = new List<Record>(buildRecords ? pending.Count : 0);
        if (buildRecords && Issues.ErrorCount == 0)
        {
            foreach (var p in pending)
            {
                records.Add(ToRecord(p));
            }
        }

        var chunk = new ImportChunk(records, [.. _chunkFonds], [.. _chunkOrgUnits], RowCount, bytesRead);
        _chunkFonds.Clear();
        _chunkOrgUnits.Clear();
        return chunk;
    }

    private async Task CheckAgainstDatabaseAsync(List<PendingRow> pending, CancellationToken cancellationToken)
    {
        var existing = await _lookups.ExistingCodesAsync([.. pending.Select(p => p.ArchivalCode)], cancellationToken);
        var codeColumn = Header!.Has(ImportColumn.ArchivalCode) || !Header.Has(ImportColumn.ItemNumber) ? ImportColumn.ArchivalCode : ImportColumn.ItemNumber;
        var flagged = new HashSet<int>();
        foreach (var p in pending.Where(p => existing.Contains(p.ArchivalCode)))
        {
            Issues.Error(p.Row, Header.HeaderOf(codeColumn), $"档号“{p.ArchivalCode}”已存在于档案目录中，不能重复导入");
            flagged.Add(p.Row);
        }

        // A legacy code may differ from the rendered one: check the class and item number too, where the class has
        // records and the number is not above its highest (the common case, appending to a class, needs no query).
        foreach (var byGroup in pending.Where(p => !flagged.Contains(p.Row) && p.Group.DatabaseCount > 0 && p.ItemNumber <= p.Group.DatabaseMax).GroupBy(p => p.GroupKey))
        {
            var items = await _lookups.ExistingItemsAsync(byGroup.Key, [.. byGroup.Select(p => p.ItemNumber)], cancellationToken);
            foreach (var p in byGroup.Where(p => items.Contains(p.ItemNumber)))
            {
                var column = Header.Has(ImportColumn.ItemNumber) ? ImportColumn.ItemNumber : codeColumn;
                Issues.Error(p.Row, Header.HeaderOf(column), $"件号“{p.ItemNumber}”在该分类中已存在（{p.ArchivalCode}），不能重复导入");
            }
        }
    }

    private Record ToRecord(PendingRow p)
    {
        var d = p.Draft;
        return new Record
        {
            FondsId = p.Fonds.Id,
            FondsCode = p.Fonds.Code,
            CategoryCode = d.CategoryCode,
            Year = d.Year,
            RetentionCode = d.RetentionCode,
            OrgUnitCode = d.OrgUnitCode,
            ItemNumber = p.ItemNumber,
            GroupKey = p.GroupKey,
            ArchivalCode = p.ArchivalCode,
            Title = d.Title,
            TitleSupplied = d.TitleSupplied,
            Author = d.Author,
            DocumentNumber = d.DocumentNumber,
            Date = d.Date,
            PageCount = d.PageCount,
            Classification = d.Classification,
            Carrier = d.Carrier,
            Remarks = d.Remarks,
            OpenStatus = d.OpenStatus,
            ImportId = _importId == Guid.Empty ? null : _importId,
            CreatedAt = _now,
            UpdatedAt = _now,
        };
    }

    private static ImportColumn ColumnOf(string? field) => field switch
    {
        RecordFields.ArchivalCode => ImportColumn.ArchivalCode,
        RecordFields.FondsCode => ImportColumn.FondsCode,
        RecordFields.CategoryCode => ImportColumn.Category,
        RecordFields.Year => ImportColumn.Year,
        RecordFields.RetentionCode => ImportColumn.Retention,
        RecordFields.OrgUnitCode => ImportColumn.OrgUnit,
        RecordFields.ItemNumber => ImportColumn.ItemNumber,
        RecordFields.Author => ImportColumn.Author,
        RecordFields.DocumentNumber => ImportColumn.DocumentNumber,
        RecordFields.Title => ImportColumn.Title,
        RecordFields.Date => ImportColumn.Date,
        RecordFields.PageCount => ImportColumn.PageCount,
        RecordFields.Classification => ImportColumn.Classification,
        RecordFields.Carrier => ImportColumn.Carrier,
        RecordFields.Remarks => ImportColumn.Remarks,
        RecordFields.OpenStatus => ImportColumn.OpenStatus,
        _ => ImportColumn.Unknown,
    };

    /// <summary>
    /// The errors of one row. A value the import could not read is reported once: the validator's later complaint about
    /// the same field (e.g. year 0) is dropped. A field the file has no column for is reported under the column it was
    /// derived from (档号), else under its usual name.
    /// </summary>
    private sealed class RowContext(ImportPass pass, int number)
    {
        private ulong _readErrors;
        private ulong _anyErrors;

        public int Number { get; } = number;

        public bool HasErrors => _anyErrors != 0;

        public bool HasErrorIn(ImportColumn column) => (_anyErrors & (1UL << (int)column)) != 0;

        public void Error(ImportColumn column, string message, bool fromValidator = false)
        {
            var bit = 1UL << (int)column;
            if (fromValidator && (_readErrors & bit) != 0)
            {
                return;
            }

            if (!fromValidator)
            {
                _readErrors |= bit;
            }

            _anyErrors |= bit;
            var header = pass.Header!;
            var shown = column == ImportColumn.Unknown || header.Has(column) || !header.Has(ImportColumn.ArchivalCode)
                ? header.HeaderOf(column)
                : header.HeaderOf(ImportColumn.ArchivalCode);
            pass.Issues.Error(Number, shown, message);
        }
    }

    private sealed record PendingRow(int Row, RecordDraft Draft, Fonds Fonds, string GroupKey, int ItemNumber, string ArchivalCode, GroupState Group);
}
