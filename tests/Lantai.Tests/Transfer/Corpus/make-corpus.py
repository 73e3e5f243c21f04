#!/usr/bin/env python3
"""Rebuilds the hostile (and a few friendly) packages of the transfer corpus. Python 3 standard library only.

Most files are written byte by byte (not with zipfile) so that each one can lie exactly as an attacker would:
wrong sizes, overlapping entries, symlink modes, names without the UTF-8 flag. Run from anywhere:
    python3 tests/Lantai.Tests/Transfer/Corpus/make-corpus.py
The output is deterministic (fixed timestamps), so re-running it changes nothing in git.
"""
import io
import os
import struct
import unicodedata
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DOS_TIME, DOS_DATE = 0x6000, 0x5977  # 2024-11-23 12:00


def deflate(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def entry(name, data=b"", *, method=8, flags=None, crc=None, usize=None, csize=None, made_by=0x0314,
          ext_attr=0o100644 << 16, comp=None, extra=b"", local_offset=None, zip64_usize=None):
    raw = name if isinstance(name, bytes) else name.encode("utf-8")
    if flags is None:
        flags = 0x0800 if isinstance(name, str) and not name.isascii() else 0
    if comp is None:
        comp = deflate(data) if method == 8 else data
    return dict(name=raw, data=data, method=method, flags=flags,
                crc=zlib.crc32(data) if crc is None else crc,
                usize=len(data) if usize is None else usize,
                csize=len(comp) if csize is None else csize,
                comp=comp, made_by=made_by, ext_attr=ext_attr, extra=extra,
                local_offset=local_offset, zip64_usize=zip64_usize)


def build(entries, *, eocd_count=None, zip64_count=None):
    out = io.BytesIO()
    offsets = []
    for e in entries:
        if e["local_offset"] is not None:  # points at another entry's local header (overlap)
            offsets.append(e["local_offset"])
            continue
        offsets.append(out.tell())
        usize = 0xFFFFFFFF if e["zip64_usize"] is not None else e["usize"]
        extra = e["extra"]
        if e["zip64_usize"] is not None:
            extra += struct.pack("<HHQ", 1, 8, e["zip64_usize"])
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 45 if e["zip64_usize"] else 20, e["flags"], e["method"],
                              DOS_TIME, DOS_DATE, e["crc"], e["csize"], usize, len(e["name"]), len(extra)))
        out.write(e["name"] + extra + e["comp"])
    cd_start = out.tell()
    for e, off in zip(entries, offsets):
        usize = 0xFFFFFFFF if e["zip64_usize"] is not None else e["usize"]
        extra = e["extra"]
        if e["zip64_usize"] is not None:
            extra += struct.pack("<HHQ", 1, 8, e["zip64_usize"])
        out.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, e["made_by"], 45 if e["zip64_usize"] else 20, e["flags"],
                              e["method"], DOS_TIME, DOS_DATE, e["crc"], e["csize"], usize, len(e["name"]), len(extra), 0, 0,
                              0, e["ext_attr"], off))
        out.write(e["name"] + extra)
    cd_size = out.tell() - cd_start
    count = len(entries)
    if zip64_count is not None:
        z64 = out.tell()
        out.write(struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, zip64_count, zip64_count, cd_size, cd_start))
        out.write(struct.pack("<IIQI", 0x07064B50, 0, z64, 1))
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))
    else:
        n = count if eocd_count is None else eocd_count
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, cd_size, cd_start, 0))
    return out.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


CATALOGUE = ("全宗号,门类,年度,保管期限,机构问题,题名,责任者,日期,文件\n"
             "0426,WS,2024,Y,BGS,关于开展档案安全检查的通知,示例旗档案局,20240301,通知.txt\n").encode("utf-8")
NOTICE = "关于开展档案安全检查的通知\n".encode("utf-8")


def good(*extra_entries):
    return [entry("目录.csv", CATALOGUE), entry("通知.txt", NOTICE), *extra_entries]


def main():
    # --- paths that leave the package ---
    write("zip-slip.zip", build(good(entry("../../etc/passwd", b"root:x:0:0\n"))))
    write("absolute-path.zip", build(good(entry("/etc/cron.d/lantai", b"* * * * * root sh\n"))))
    write("drive-letter.zip", build(good(entry("C:/Windows/System32/evil.dll", b"MZ"))))
    write("backslash-slip.zip", build(good(entry("..\\..\\evil.txt", b"evil"))))
    write("deep-path.zip", build(good(entry("/".join(["层"] * 40) + "/深.txt", b"deep"))))

    # --- zip bombs ---
    # 1 GiB of zeros in one entry (~1 MB): refused from the declared sizes, nothing inflated.
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk, comp, crc = bytes(1 << 20), [], 0
    for _ in range(1024):
        comp.append(c.compress(chunk))
        crc = zlib.crc32(chunk, crc)
    comp.append(c.flush())
    comp = b"".join(comp)
    write("bomb-ratio.zip", build(good(dict(entry("zeros.bin", b"", comp=comp), crc=crc, usize=1 << 30, csize=len(comp)))))
    # An entry declaring 2 TiB (ZIP64): over the per-file and total limits.
    write("bomb-declared-size.zip", build(good(entry("huge.bin", b"tiny", zip64_usize=2 << 40))))
    # Entries declaring 1 KB that inflate to 10 MB: the lie is caught while extracting, at byte 1025.
    lie = bytes(10 << 20)
    write("bomb-lying-size.zip", build(good(dict(entry("lie.bin", lie), usize=1024))))
    # A stored entry declaring 100 bytes whose data run 64 KB: the byte counter stops at byte 101.
    write("bomb-lying-stored.zip", build(good(dict(entry("stored-lie.bin", bytes(1 << 16), method=0), usize=100))))
    # Two central records pointing at the same local header: the overlapping-entries bomb (Fifield 2019).
    first = entry("a.bin", bytes(1 << 16))
    write("bomb-overlap.zip", build(good(first, dict(entry("b.bin", bytes(1 << 16)), local_offset=0))))
    # 300,000 entries declared (ZIP64 end record) in a file of a few hundred bytes: refused before the directory is read.
    write("many-entries.zip", build(good(), zip64_count=300_000))
    # A bomb inside a zip is never opened: the package stages (the inner zip is just a file).
    small = deflate(bytes(128 << 20))
    inner = build([dict(entry("zeros.bin", b"", comp=small), crc=zlib.crc32(bytes(128 << 20)), usize=128 << 20, csize=len(small))])
    write("nested-zip.zip", build(good(entry("附件/inner.zip", inner, method=0))))

    # --- things that are not plain files ---
    write("symlink.zip", build(good(entry("passwd-link", b"/etc/passwd", method=0, ext_attr=0o120777 << 16))))
    write("encrypted.zip", build(good(entry("secret.pdf", b"\x00" * 12 + b"encrypted bytes", method=0, flags=0x0001))))
    write("unsupported-method.zip", build(good(entry("lzma.bin", b"\x00" * 64, method=14))))

    # --- names ---
    write("control-char-name.zip", build(good(entry("通知\x07.pdf", b"%PDF-1.4\n"))))
    write("newline-name.zip", build(good(entry("通知\n.pdf", b"%PDF-1.4\n"))))
    write("bidi-name.zip", build(good(entry("发票\u202efdp.exe", b"MZ"))))
    write("line-separator-name.zip", build(good(entry("通知\u2028.pdf", b"%PDF-1.4\n"))))
    write("case-duplicates.zip", build(good(entry("扫描件/Page1.TIF", b"II*\x00"), entry("扫描件/page1.tif", b"II*\x00"))))
    nfc, nfd = unicodedata.normalize("NFC", "café.pdf"), unicodedata.normalize("NFD", "café.pdf")
    write("nfc-nfd-duplicates.zip", build(good(entry(nfc, b"%PDF-1.4\n"), entry(nfd, b"%PDF-1.4\n"))))
    write("same-name-twice.zip", build(good(entry("通知.txt", b"second copy"))))

    # --- broken zips ---
    whole = build(good(entry("扫描件/第1页.txt", bytes(range(256)) * 64, method=0)))
    write("truncated.zip", whole[: len(whole) // 2])
    data = bytes(range(256)) * 16
    bad = bytearray(data)
    bad[1000] ^= 0xFF
    write("corrupt-crc.zip", build(good(entry("扫描件/第2页.bin", bytes(bad), method=0, crc=zlib.crc32(data)))))
    write("corrupt-deflate.zip", build(good(dict(entry("damaged.bin", data), comp=b"\xff" * 40, csize=40))))
    write("empty.zip", build([]))
    write("only-folders.zip", build([entry("空文件夹/", b"", method=0, ext_attr=0o040755 << 16)]))
    write("not-a-zip.zip", "这不是 zip 文件\n".encode("utf-8"))

    # --- BagIt ---
    write("bagit-manifest-slip.zip", build(bag([("data/目录.csv", CATALOGUE), ("data/通知.txt", NOTICE)],
                                              extra_lines=["0" * 64 + "  data/../../etc/passwd"])))
    write("bagit-manifest-absolute.zip", build(bag([("data/目录.csv", CATALOGUE), ("data/通知.txt", NOTICE)],
                                                  extra_lines=["0" * 64 + "  /etc/shadow"])))
    write("bagit-good.zip", build(bag([("data/目录.csv", CATALOGUE), ("data/通知.txt", NOTICE)], top="移交包-bag/")))

    # --- names in GB18030 (as Windows' built-in zip writes them: no flag) and UTF-8 ---
    gbk = [entry("目录.csv".encode("gb18030"), CATALOGUE, flags=0), entry("文书/通知.txt".encode("gb18030"), NOTICE, flags=0),
           entry("扫描件/第1页（彩色）.txt".encode("gb18030"), b"scan", flags=0)]
    write("gbk-names.zip", build(gbk))
    # Only the catalogue has a Chinese name, and 目录 in GBK (C4 BF C2 BC) happens to be valid UTF-8 ("Ŀ¼").
    write("gbk-catalogue-only.zip", build([entry("目录.csv".encode("gb18030"), CATALOGUE, flags=0), entry("scan001.txt", NOTICE)]))
    # ZIP64 throughout: sizes in the 0x0001 extra field, a ZIP64 end record (as zips over 4 GB or 65,535 entries have).
    z64 = [entry("目录.csv", CATALOGUE, zip64_usize=len(CATALOGUE)), entry("文书/通知.txt", NOTICE, zip64_usize=len(NOTICE))]
    write("zip64-names.zip", build(z64, zip64_count=len(z64)))
    utf8 = [entry("目录.csv", CATALOGUE), entry("文书/通知.txt", NOTICE), entry("扫描件/第1页（彩色）.txt", b"scan")]
    write("utf8-names.zip", build(utf8))
    # As macOS Finder writes them: UTF-8 in NFD, no flag (plus the __MACOSX resource folder, ignored).
    mac = [entry(unicodedata.normalize("NFD", n).encode("utf-8"), d, flags=0) for n, d in
           [("目录.csv", CATALOGUE), ("文书/通知.txt", NOTICE), ("照片/café合影.txt", b"photo")]]
    mac.append(entry(b"__MACOSX/._\xe7\x9b\xae\xe5\xbd\x95.csv", b"\x00\x05\x16\x07", flags=0))
    write("macos-utf8-noflag.zip", build(mac))
    # Info-ZIP Unicode Path extra field: GB18030 bytes in the header, the UTF-8 name in field 0x7075.
    def unicode_path(name):
        raw = name.encode("gb18030")
        field = b"\x01" + struct.pack("<I", zlib.crc32(raw)) + name.encode("utf-8")
        return entry(raw, NOTICE, flags=0, extra=struct.pack("<HH", 0x7075, len(field)) + field)
    write("unicode-path-extra.zip", build([entry("目录.csv", CATALOGUE), unicode_path("文书/通知.txt")]))

    # --- catalogue rows pointing outside the package (the package opens; the catalogue reader flags the rows) ---
    outside = ("全宗号,门类,年度,保管期限,机构问题,题名,责任者,日期,文件\n"
               "0426,WS,2024,Y,BGS,关于开展档案安全检查的通知,示例旗档案局,20240301,通知.txt\n"
               "0426,WS,2024,Y,BGS,越出包外的文件,示例旗档案局,20240302,../x.pdf\n"
               "0426,WS,2024,Y,BGS,绝对路径的文件,示例旗档案局,20240303,通知.txt;/etc/passwd\n").encode("utf-8")
    write("catalogue-outside.zip", build([entry("目录.csv", outside), entry("通知.txt", NOTICE)]))

    # --- a catalogue xlsx with a DOCTYPE and an external entity in sharedStrings ---
    write("xlsx-with-dtd.zip", build([entry("目录.xlsx", xlsx_with_dtd()), entry("通知.txt", NOTICE)]))


def bag(payload, *, extra_lines=(), top=""):
    import hashlib
    lines = [hashlib.sha256(d).hexdigest() + "  " + p for p, d in payload] + list(extra_lines)
    size = sum(len(d) for _, d in payload)
    info = f"Source-Organization: 示例旗人民政府办公室\nPayload-Oxum: {size}.{len(payload)}\nBagging-Date: 2024-11-23\n"
    files = [("bagit.txt", b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"),
             ("bag-info.txt", info.encode("utf-8")),
             ("manifest-sha256.txt", ("\n".join(lines) + "\n").encode("utf-8"))] + payload
    return [entry(top + p, d) for p, d in files]


def xlsx_with_dtd():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        def add(n, s):
            info = zipfile.ZipInfo(n, (2024, 11, 23, 12, 0, 0))
            z.writestr(info, s, zipfile.ZIP_DEFLATED)
        add("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        add("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        add("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="目录" sheetId="1" r:id="rId1"/></sheets></workbook>')
        add("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        add("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>题名</t></si><si><t>&xxe;</t></si></sst>')
        add("xl/worksheets/sheet1.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>')
    return buf.getvalue()


if __name__ == "__main__":
    main()
