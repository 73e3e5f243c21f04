using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Lantai.Security;

namespace Lantai.Preservation.Formats;

/// <summary>
/// Reads an OFD package (GB/T 33190-2016) the way a viewer must: OFD.xml → each Document.xml → its resource files,
/// templates, pages, annotations, attachments and signatures, every XML parsed safely and every referenced file
/// resolved. Producers write paths in several forms ("/Doc_0/…", "Doc_0/…", relative to the referring file, with
/// backslashes): a path resolves if any of these forms names an entry; nothing is found by searching for a file name,
/// so a resource really missing (testImageNotFound.ofd) is reported by its path.
/// </summary>
public static class OfdInspector
{
    public static OfdInspection Inspect(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            return new OfdInspection { Problems = ["OFD 包不是有效的 ZIP：" + ex.Message] };
        }

        using (zip)
        {
            try
            {
                return new Reader(zip, cancellationToken).Read();
            }
            catch (InvalidDataException ex)
            {
                return new OfdInspection { Problems = ["OFD 包损坏：" + ex.Message] };
            }
        }
    }

    private sealed class Reader(ZipArchive zip, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, ZipArchiveEntry> _exact = BuildIndex(zip, StringComparer.Ordinal);
        private readonly Dictionary<string, ZipArchiveEntry> _folded = BuildIndex(zip, StringComparer.OrdinalIgnoreCase);
        private readonly List<string> _problems = [];
        private readonly List<string> _namedFonts = [];
        private readonly HashSet<string> _resourceIds = new(StringComparer.Ordinal);
        private readonly HashSet<string> _parsedRes = new(StringComparer.Ordinal);
        private readonly List<(string Page, string Kind, string Id)> _references = [];

        public OfdInspection Read()
        {
            var ofd = Parse("OFD.xml", "OFD.xml");
            if (ofd?.Root is not { } root)
            {
                return new OfdInspection { Problems = _problems.Count > 0 ? _problems : ["缺少 OFD.xml"] };
            }

            var docType = root.Attribute("DocType")?.Value.Trim() is { Length: > 0 } t ? t : "OFD";
            string? title = null;
            DateOnly? created = null;
            var pages = 0;
            var signatures = new List<OfdSignature>();
            var bodies = Children(root, "DocBody").ToList();
            if (bodies.Count == 0)
            {
                _problems.Add("OFD.xml 中没有 DocBody");
            }

            foreach (var body in bodies)
            {
                var info = Child(body, "DocInfo");
                title ??= Text(Child(info, "Title"));
                created ??= ParseDate(Text(Child(info, "CreationDate")));
                var docRoot = Text(Child(body, "DocRoot"));
                if (docRoot is null)
                {
                    _problems.Add("OFD.xml 的 DocBody 缺少 DocRoot");
                    continue;
                }

                var docPath = Resolve("", docRoot, "");
                if (docPath is null)
                {
                    _problems.Add($"文档根节点“{docRoot}”不在包内");
                    continue;
                }

                pages += ReadDocument(docPath);
                if (Text(Child(body, "Signatures")) is { } signs)
                {
                    signatures.AddRange(ReadSignatures(signs, OfdPaths.Dir(docPath)));
                }
            }

            foreach (var (page, kind, id) in _references.Where(r => !_resourceIds.Contains(r.Id)).DistinctBy(r => (r.Page, r.Id)))
            {
                _problems.Add($"{page} 引用的{kind}资源（ID {id}）未在资源文件中定义");
            }

            return new OfdInspection
            {
                DocType = docType,
                Title = title,
                CreationDate = created,
                PageCount = pages,
                Problems = _problems,
                NamedFonts = _namedFonts.Distinct(StringComparer.Ordinal).ToList(),
                Signatures = signatures,
            };
        }

        private int ReadDocument(string docPath)
        {
            var doc = Parse(docPath, docPath);
            if (doc?.Root is not { } root)
            {
                return 0;
            }

            var docDir = OfdPaths.Dir(docPath);
            var common = Child(root, "CommonData");
            foreach (var res in Children(common, "PublicRes").Concat(Children(common, "DocumentRes")))
            {
                ReadRes(Text(res), docDir, docPath);
            }

            foreach (var template in Children(common, "TemplatePage"))
            {
                ReadPage(template.Attribute("BaseLoc")?.Value, docDir, "模板页" + template.Attribute("ID")?.Value);
            }

            var pages = Children(Child(root, "Pages"), "Page").ToList();
            if (pages.Count == 0)
            {
                _problems.Add($"{docPath} 没有页面");
            }

            var number = 0;
            foreach (var page in pages)
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                ReadPage(page.Attribute("BaseLoc")?.Value, docDir, $"第{number}页");
            }

            if (Text(Child(root, "Annotations")) is { } annotations)
            {
                ReadAnnotations(annotations, docDir);
            }

            if (Text(Child(root, "Attachments")) is { } attachments)
            {
                ReadAttachments(attachments, docDir);
            }

            if (Text(Child(root, "CustomTags")) is { } tags)
            {
                Require(tags, docDir, "自定义标引", parse: true);
            }

            return pages.Count;
        }

        private void ReadRes(string? reference, string baseDir, string from)
        {
            if (reference is null)
            {
                return;
            }

            var resPath = Resolve(baseDir, reference, from);
            if (resPath is null)
            {
                _problems.Add($"资源文件“{reference}”不在包内（{from} 引用）");
                return;
            }

            if (!_parsedRes.Add(resPath) || Parse(resPath, resPath)?.Root is not { } res)
            {
                return;
            }

            // BaseLoc is relative to the resource file's own folder; the files it declares are relative to BaseLoc.
            var resDir = OfdPaths.Dir(resPath);
            var baseLoc = res.Attribute("BaseLoc")?.Value;
            var filesDir = string.IsNullOrWhiteSpace(baseLoc) ? resDir : OfdPaths.Combine(resDir, baseLoc);
            foreach (var font in Children(Child(res, "Fonts"), "Font"))
            {
                Declare(font);
                var name = font.Attribute("FontName")?.Value ?? font.Attribute("FamilyName")?.Value ?? "(未命名)";
                if (Text(Child(font, "FontFile")) is { } fontFile)
                {
                    RequireFile(fontFile, filesDir, resDir, $"字体“{name}”的字体文件", resPath);
                }
                else
                {
                    _namedFonts.Add(name);
                }
            }

            foreach (var media in Children(Child(res, "MultiMedias"), "MultiMedia"))
            {
                Declare(media);
                if (Text(Child(media, "MediaFile")) is { } file)
                {
                    RequireFile(file, filesDir, resDir, "多媒体资源（图像）", resPath);
                }
                else
                {
                    _problems.Add($"{resPath} 中的多媒体资源（ID {media.Attribute("ID")?.Value}）没有 MediaFile");
                }
            }

            foreach (var container in new[] { "ColorSpaces", "DrawParams", "CompositeGraphicUnits" })
            {
                foreach (var item in Child(res, container)?.Elements() ?? [])
                {
                    Declare(item);
                }
            }
        }

        private void Declare(XElement resource)
        {
            if (resource.Attribute("ID")?.Value.Trim() is { Length: > 0 } id)
            {
                _resourceIds.Add(id);
            }
        }

        private void RequireFile(string reference, string filesDir, string resDir, string what, string from)
        {
            // Standard form first (relative to BaseLoc); some producers write it relative to the resource file itself.
            var path = Resolve(filesDir, reference, "") ?? Resolve(resDir, reference, "");
            if (path is null)
            {
                _problems.Add($"{what}“{OfdPaths.Combine(filesDir, reference)}”不在包内（{from} 引用）");
                return;
            }

            if (EmbeddedContent.Judge(Entry(path)!) is { } problem)
            {
                _problems.Add($"{what}“{path}”{problem}");
            }
        }

        private void ReadPage(string? reference, string docDir, string label)
        {
            if (reference is null)
            {
                _problems.Add($"{label} 缺少 BaseLoc");
                return;
            }

            var pagePath = Resolve(docDir, reference, "");
            if (pagePath is null)
            {
                _problems.Add($"{label} 的内容文件“{reference}”不在包内");
                return;
            }

            if (Parse(pagePath, $"{label}（{pagePath}）")?.Root is not { } page)
            {
                return;
            }

            foreach (var res in Children(page, "PageRes"))
            {
                ReadRes(Text(res), OfdPaths.Dir(pagePath), pagePath);
            }

            foreach (var element in page.Descendants())
            {
                switch (element.Name.LocalName)
                {
                    case "ImageObject" when element.Attribute("ResourceID")?.Value.Trim() is { Length: > 0 } id:
                        _references.Add((label, "图像", id));
                        break;
                    case "TextObject" when element.Attribute("Font")?.Value.Trim() is { Length: > 0 } font:
                        _references.Add((label, "字体", font));
                        break;
                }
            }
        }

        private void ReadAnnotations(string reference, string docDir)
        {
            var path = Require(reference, docDir, "注释列表", parse: false);
            if (path is null || Parse(path, path)?.Root is not { } root)
            {
                return;
            }

            foreach (var page in Children(root, "Page"))
            {
                Require(Text(Child(page, "FileLoc")), OfdPaths.Dir(path), "页面注释", parse: true);
            }
        }

        private void ReadAttachments(string reference, string docDir)
        {
            var path = Require(reference, docDir, "附件列表", parse: false);
            if (path is null || Parse(path, path)?.Root is not { } root)
            {
                return;
            }

            foreach (var attachment in Children(root, "Attachment"))
            {
                Require(Text(Child(attachment, "FileLoc")), OfdPaths.Dir(path), $"附件“{attachment.Attribute("Name")?.Value}”", parse: false);
            }
        }

        private string? Require(string? reference, string baseDir, string what, bool parse)
        {
            if (reference is null)
            {
                return null;
            }

            var path = Resolve(baseDir, reference, "");
            if (path is null)
            {
                _problems.Add($"{what}“{reference}”不在包内");
                return null;
            }

            if (parse)
            {
                _ = Parse(path, path);
            }

            return path;
        }

        private List<OfdSignature> ReadSignatures(string reference, string docDir)
        {
            var result = new List<OfdSignature>();
            var listPath = Resolve("", reference, "") ?? Resolve(docDir, reference, "");
            if (listPath is null)
            {
                _problems.Add($"签名列表“{reference}”不在包内");
                return result;
            }

            if (Parse(listPath, listPath)?.Root is not { } list)
            {
                return result;
            }

            foreach (var signature in Children(list, "Signature"))
            {
                var baseLoc = signature.Attribute("BaseLoc")?.Value;
                var signPath = baseLoc is null ? null : Resolve(OfdPaths.Dir(listPath), baseLoc, "");
                if (signPath is null)
                {
                    _problems.Add($"签名“{baseLoc}”不在包内");
                    continue;
                }

                if (Parse(signPath, signPath)?.Root is { } sign)
                {
                    result.Add(ReadSignature(signPath, sign));
                }
            }

            return result;
        }

        private OfdSignature ReadSignature(string signPath, XElement sign)
        {
            var signedInfo = Child(sign, "SignedInfo");
            var references = Child(signedInfo, "References");
            // GB/T 33190-2016 §18.2.2: CheckMethod defaults to MD5.
            var method = references?.Attribute("CheckMethod")?.Value.Trim() is { Length: > 0 } m ? m : "MD5";
            var problems = new List<string>();
            var verified = 0;
            var count = 0;
            foreach (var reference in Children(references, "Reference"))
            {
                count++;
                var fileRef = reference.Attribute("FileRef")?.Value ?? "";
                var target = Resolve("", fileRef, "") ?? Resolve(OfdPaths.Dir(signPath), fileRef, "");
                if (target is null)
                {
                    problems.Add($"签名引用的文件“{fileRef}”不在包内");
                    continue;
                }

                var expected = Text(Child(reference, "CheckValue"));
                byte[] actual;
                using (var s = Entry(target)!.Open())
                {
                    var digest = Digest(method, s);
                    if (digest is null)
                    {
                        problems.Add($"不支持的摘要算法“{method}”");
                        break;
                    }

                    actual = digest;
                }

                if (expected is not null && TryBase64(expected) is { } bytes && bytes.AsSpan().SequenceEqual(actual))
                {
                    verified++;
                }
                else
                {
                    problems.Add($"“{fileRef}”的摘要不符：签名中为 {expected}，计算得 {Convert.ToBase64String(actual)}");
                }
            }

            if (count == 0)
            {
                problems.Add("签名没有引用任何文件");
            }

            var signedValue = Text(Child(sign, "SignedValue"));
            var signedValuePath = signedValue is null ? null : Resolve(OfdPaths.Dir(signPath), signedValue, "") ?? Resolve("", signedValue, "");
            bool? valueValid = null;
            var valueEvidence = "签名值文件缺失，未验证";
            if (signedValue is null || signedValuePath is null)
            {
                problems.Add($"签名值文件“{signedValue}”不在包内");
            }
            else
            {
                (valueValid, valueEvidence) = SesSignatureVerifier.Verify(ReadAll(signedValuePath), ReadAll(signPath));
            }

            return new OfdSignature
            {
                Path = signPath,
                CheckMethod = method,
                ReferenceCount = count,
                Verified = verified,
                Problems = problems,
                SignedValuePath = signedValuePath,
                ValueValid = valueValid,
                ValueEvidence = valueEvidence,
                SignatureMethod = Text(Child(signedInfo, "SignatureMethod")),
            };
        }

        private byte[] ReadAll(string path)
        {
            using var s = Entry(path)!.Open();
            using var memory = new MemoryStream();
            s.CopyTo(memory);
            return memory.ToArray();
        }

        private static byte[]? Digest(string method, Stream stream)
        {
            switch (method.Trim().ToUpperInvariant())
            {
                case "1.2.156.10197.1.401":
                case "SM3":
                    return Sm3.Hash(stream);
                case "1.3.14.3.2.26":
                case "SHA1":
#pragma warning disable CA5350 // Verifying what a producer signed with SHA-1, not choosing it.
                    return SHA1.HashData(stream);
#pragma warning restore CA5350
                case "1.2.840.113549.2.5":
                case "MD5":
#pragma warning disable CA5351 // Verifying what a producer signed with MD5 (the OFD default), not choosing it.
                    return MD5.HashData(stream);
#pragma warning restore CA5351
                case "2.16.840.1.101.3.4.2.1":
                case "SHA256":
                case "SHA-256":
                    return SHA256.HashData(stream);
                default:
                    return null;
            }
        }

        private static byte[]? TryBase64(string value)
        {
            try
            {
                return Convert.FromBase64String(value.Trim());
            }
            catch (FormatException)
            {
                return null;
            }
        }

        private XDocument? Parse(string path, string label)
        {
            var entry = Entry(path);
            if (entry is null)
            {
                _problems.Add($"{label} 不在包内");
                return null;
            }

            try
            {
                using var s = entry.Open();
                return SafeXml.Load(s);
            }
            catch (XmlException ex)
            {
                _problems.Add($"{label} 不是有效的 XML：{ex.Message}");
                return null;
            }
        }

        private ZipArchiveEntry? Entry(string path) =>
            _exact.TryGetValue(path, out var e) ? e : _folded.GetValueOrDefault(path);

        /// <summary>The entry name a reference means, trying the standard form and the lenient ones; null when none exists.</summary>
        private string? Resolve(string baseDir, string reference, string docDir)
        {
            var r = reference.Trim().Replace('\\', '/');
            if (r.Length == 0)
            {
                return null;
            }

            string[] candidates = r.StartsWith('/')
                ? [OfdPaths.Normalize(r)]
                : [OfdPaths.Combine(baseDir, r), OfdPaths.Normalize(r), OfdPaths.Combine(docDir, r)];
            foreach (var candidate in candidates)
            {
                if (Entry(candidate) is { } e)
                {
                    return Key(e.FullName);
                }
            }

            return null;
        }

        private static string Key(string entryName) => OfdPaths.Normalize(entryName);

        private static Dictionary<string, ZipArchiveEntry> BuildIndex(ZipArchive zip, StringComparer comparer)
        {
            var index = new Dictionary<string, ZipArchiveEntry>(comparer);
            foreach (var entry in zip.Entries)
            {
                if (!entry.FullName.EndsWith('/'))
                {
                    index.TryAdd(Key(entry.FullName), entry);
                }
            }

            return index;
        }

        // OFD producers disagree on the namespace (http://www.ofdspec.org/2016, http://www.ofdspec.org, none): match local names.
        private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        private static IEnumerable<XElement> Children(XElement? parent, string name) =>
            parent?.Elements().Where(e => e.Name.LocalName == name) ?? [];

        private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } v ? v : null;

        private static DateOnly? ParseDate(string? value) =>
            value is not null && value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }
}
