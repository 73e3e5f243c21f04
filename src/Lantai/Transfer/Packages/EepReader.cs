using System.Globalization;
using System.Text;
using System.Xml;

namespace Lantai.Transfer.Packages;

/// <summary>
/// Reads one DA/T 48-2009 electronic-record encapsulation package (电子文件封装包, EEP): the 文件实体's metadata and
/// every 编码's 编码数据, decoded from Base64 straight into the staging folder. Written by us: no library reads EEP.
/// It streams (XmlReader, a 64 KB buffer), so a package holding a 4 GB video is read in flat memory; DTDs and
/// external entities are refused; metadata values longer than <see cref="MaxFieldChars"/> are refused without being
/// held whole.
/// </summary>
internal static class EepReader
{
    public const string RootElement = "电子文件封装包";
    public const int MaxFieldChars = 4000;

    private const string Entity = "文件实体";
    private const string Coding = "编码";
    private const string CodingData = "编码数据";

    /// <summary>Catalogue column ← element path under 文件实体 (DA/T 48 Table A.1 and DA/T 46).</summary>
    private static readonly Dictionary<string, string> Columns = new(StringComparer.Ordinal)
    {
        ["档号"] = "档号",
        ["档号/全宗号"] = "全宗号",
        ["档号/年度"] = "年度",
        ["档号/保管期限"] = "保管期限",
        ["档号/机构或问题"] = "机构(问题)",
        ["档号/室编件号"] = "室编件号",
        ["档号/馆编件号"] = "件号",
        ["内容描述/题名"] = "题名",
        ["内容描述/文件编号"] = "文号",
        ["内容描述/责任者"] = "责任者",
        ["内容描述/日期"] = "日期",
        ["内容描述/密级"] = "密级",
        ["形式特征/页数"] = "页数",
        ["附注"] = "备注",
    };

    /// <summary>
    /// Reads the EEP at <paramref name="path"/> (named <paramref name="source"/> in the package), writing its files under
    /// <paramref name="stagingDir"/> with keys from <paramref name="nextKey"/>. Null, with the problems recorded against
    /// <paramref name="source"/>, when the EEP is malformed or hostile.
    /// </summary>
    public static EepRecord? Read(string path, string source, string stagingDir, Func<string> nextKey, PackageLimits limits, PackageProblems problems, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        var state = new State(source, stagingDir, nextKey, limits, problems);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = XmlReader.Create(stream, settings);
            Walk(reader, state, cancellationToken);
        }
        catch (XmlException e)
        {
            state.Problem("xml", e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "EEP 含 DTD（文档类型定义）：为防范实体扩展与外部实体攻击，不接受含 DTD 的 XML"
                : string.Create(CultureInfo.InvariantCulture, $"EEP 不是格式正确的 XML（第{e.LineNumber}行第{e.LinePosition}列）：{e.Message}"));
        }
        catch (FormatException)
        {
            state.Problem("base64", "“编码数据”不是有效的 Base64 编码");
        }

        if (problems.Any)
        {
            return null;
        }

        if (state.Entities != 1)
        {
            state.Problem("structure", state.Entities == 0
                ? "EEP 中没有“文件实体”：不是 DA/T 48 的电子文件封装包，或为空"
                : "一个 EEP 应只封装一件文件（DA/T 48：文件实体块含一个文件实体），此包含多个");
            return null;
        }

        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, value) in state.Cells)
        {
            if (value.Length > 0)
            {
                cells[column] = value;
            }
        }

        // The archive's number (馆编件号) is the item number in its catalogue; the agency's (室编件号) stands in when absent.
        if (!cells.ContainsKey("件号") && cells.TryGetValue("室编件号", out var agencyNumber))
        {
            cells["件号"] = agencyNumber;
        }

        cells.Remove("室编件号");
        return new EepRecord
        {
            Source = source,
            Cells = cells,
            Files = state.Files,
            Signed = state.Signed,
            OtherVersion = state.Version is { } v && v != "2009" ? v : null,
        };
    }

    private static void Walk(XmlReader reader, State state, CancellationToken cancellationToken)
    {
        var stack = new List<string>();
        var advanced = false;
        while (advanced || reader.Read())
        {
            advanced = false;
            cancellationToken.ThrowIfCancellationRequested();
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = reader.LocalName;
                    if (stack.Count == 0 && name != RootElement)
                    {
                        state.Problem("structure", $"根元素是“{name}”，不是“{RootElement}”：不是 DA/T 48 的电子文件封装包");
                        return;
                    }

                    if (stack.Count == 1 && name is "电子签名块" or "锁定签名")
                    {
                        state.Signed = true;
                    }

                    if (name == "修改封装内容")
                    {
                        state.Problem("structure", "修改型封装包（修改封装内容）暂不支持接收：请移交原始型 EEP");
                        return;
                    }

                    if (name == Entity && Parent(stack) == "文件实体块")
                    {
                        state.Entities++;
                    }

                    if (name == Coding && state.InEntity(stack))
                    {
                        state.BeginCoding();
                        if (reader.IsEmptyElement)
                        {
                            state.EndCoding();
                            break;
                        }
                    }

                    if (name == CodingData && Parent(stack) == Coding && state.Current is not null)
                    {
                        state.Decode(reader, cancellationToken);
                        advanced = true; // ReadElementContentAsBase64 leaves the reader on the node after the element
                        if (state.Problems.Any)
                        {
                            return;
                        }

                        break;
                    }

                    if (!reader.IsEmptyElement)
                    {
                        stack.Add(name);
                    }

                    break;

                case XmlNodeType.EndElement:
                    if (reader.LocalName == Coding && state.Current is not null)
                    {
                        state.EndCoding();
                    }

                    stack.RemoveAt(stack.Count - 1);
                    break;

                case XmlNodeType.Text or XmlNodeType.CDATA:
                    if (!state.Text(reader, stack))
                    {
                        return;
                    }

                    break;
            }

            if (state.Problems.Any)
            {
                return;
            }
        }
    }

    private static string? Parent(List<string> stack) => stack.Count == 0 ? null : stack[^1];

    /// <summary>What the walk has found so far.</summary>
    private sealed class State(string source, string stagingDir, Func<string> nextKey, PackageLimits limits, PackageProblems problems)
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly StringBuilder _text = new();
        private readonly char[] _chunk = new char[4096];

        public PackageProblems Problems => problems;

        public Dictionary<string, string> Cells { get; } = new(StringComparer.Ordinal);

        public List<EepFile> Files { get; } = [];

        public int Entities { get; set; }

        public bool Signed { get; set; }

        public string? Version { get; private set; }

        /// <summary>The 编码 being read: its name, declared size and decoding keyword so far.</summary>
        public CodingState? Current { get; private set; }

        public void Problem(string code, string reason) => problems.Entry("eep." + code, source, reason);

        /// <summary>Inside the first 文件实体 (电子文件封装包/被签名对象/封装内容/文件实体块/文件实体/…).</summary>
        public bool InEntity(List<string> stack) => stack.Count >= 5 && stack[4] == Entity && stack[3] == "文件实体块" && Entities == 1;

        public void BeginCoding() => Current = new CodingState();

        public void EndCoding()
        {
            var coding = Current!;
            Current = null;
            if (coding.File is null)
            {
                Problem("structure", $"“编码”{Describe(coding.Name)}没有“编码数据”");
                return;
            }

            Files.Add(coding.File);
        }

        /// <summary>Reads a text node into the cell or coding field its element stands for; false on a problem.</summary>
        public bool Text(XmlReader reader, List<string> stack)
        {
            if (stack.Count == 2 && stack[1] == "版本")
            {
                Version = Read(reader, "版本")?.Trim();
                return Version is not null;
            }

            if (!InEntity(stack))
            {
                return true;
            }

            var path = string.Join('/', stack.Skip(5));
            if (Current is { } coding)
            {
                var leaf = stack[^1];
                if (leaf is "计算机文件名" or "计算机文件大小" or "反编码关键字")
                {
                    var value = Read(reader, leaf)?.Trim();
                    if (value is null)
                    {
                        return false;
                    }

                    if (leaf == "计算机文件名")
                    {
                        coding.Name = value;
                    }
                    else if (leaf == "计算机文件大小")
                    {
                        coding.DeclaredLength = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
                    }
                    else
                    {
                        coding.Keyword = value;
                    }
                }

                return true;
            }

            if (Columns.TryGetValue(path, out var column))
            {
                var value = Read(reader, column);
                if (value is null)
                {
                    return false;
                }

                Cells[column] = (Cells.GetValueOrDefault(column) + value).Trim();
            }

            return true;
        }

        /// <summary>Decodes the 编码数据 the reader is on into a new staging file.</summary>
        public void Decode(XmlReader reader, CancellationToken cancellationToken)
        {
            var coding = Current!;
            if (string.IsNullOrEmpty(coding.Name))
            {
                Problem("structure", "“编码数据”之前没有“计算机文件名”");
                return;
            }

            var bad = coding.Name.Contains('/', StringComparison.Ordinal) ? "含“/”" : PackagePaths.Problem(coding.Name, limits);
            if (bad is not null)
            {
                Problem("name", $"计算机文件名“{PackagePaths.Display(coding.Name)}”不可用：{bad}");
                return;
            }

            if (!_names.Add(PackagePaths.FoldedKey(coding.Name)))
            {
                Problem("duplicate", $"计算机文件名“{coding.Name}”重复（不区分大小写与 Unicode 规范化后相同）");
                return;
            }

            if (coding.Keyword is { } keyword && !keyword.Equals("base64", StringComparison.OrdinalIgnoreCase))
            {
                Problem("encoding", $"“{coding.Name}”的反编码关键字为“{keyword}”：只支持 base64");
                return;
            }

            var key = nextKey();
            long length = 0;
            var buffer = new byte[1 << 16];
            using (var output = new FileStream(Path.Combine(stagingDir, key), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1))
            {
                int read;
                while ((read = ReadBase64(reader, buffer)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    length += read;
                    if (length > limits.MaxFileBytes)
                    {
                        Problem("size", $"“{coding.Name}”解码后超过单个文件的上限（{PackageChecks.Bytes(limits.MaxFileBytes)}）");
                        return;
                    }

                    output.Write(buffer, 0, read);
                }
            }

            coding.File = new EepFile { Name = coding.Name, DeclaredLength = coding.DeclaredLength, StagingKey = key, Length = length };
        }

        private static int ReadBase64(XmlReader reader, byte[] buffer)
        {
            try
            {
                return reader.ReadElementContentAsBase64(buffer, 0, buffer.Length);
            }
            catch (XmlException e) when (e.InnerException is FormatException)
            {
                throw new FormatException(e.Message, e);
            }
        }

        private static string Describe(string? name) => string.IsNullOrEmpty(name) ? "" : $"（{name}）";

        /// <summary>The text node's value in chunks, refused past <see cref="MaxFieldChars"/> without being held whole.</summary>
        private string? Read(XmlReader reader, string field)
        {
            _text.Clear();
            if (!reader.CanReadValueChunk)
            {
                _text.Append(reader.Value);
            }
            else
            {
                int read;
                while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
                {
                    _text.Append(_chunk, 0, read);
                    if (_text.Length > MaxFieldChars)
                    {
                        break;
                    }
                }
            }

            if (_text.Length > MaxFieldChars)
            {
                Problem("field", string.Create(CultureInfo.InvariantCulture, $"“{field}”过长（超过{MaxFieldChars}个字符）"));
                return null;
            }

            return _text.ToString();
        }
    }

    private sealed class CodingState
    {
        public string? Name { get; set; }

        public long? DeclaredLength { get; set; }

        public string? Keyword { get; set; }

        public EepFile? File { get; set; }
    }
}
