"""Crafted .xlsx files that attack the reader: zip bombs, far-away cells, whitespace floods.

Each one is a valid Office Open XML package (the parts Excel and calamine need), written
by streaming deflate so a test makes a 3 GB sheet in a few seconds without holding it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '</Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '</Relationships>')
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '</Relationships>')
SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
SHEET_TAIL = b"</worksheet>"


def write_package(path: Path, sheet_parts: Iterable[bytes], *, level: int = 9) -> Path:
    """A workbook whose one sheet's XML is the concatenation of ``sheet_parts``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _WORKBOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for part in sheet_parts:
                sheet.write(part)
    return path


def _cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def inflating_workbook(path: Path, sheet_mb: int = 210) -> Path:
    """About 1 MB on disk, ``sheet_mb`` MB of sheet XML: one value repeated in every row."""
    header = b"<sheetData><row r=\"1\">" + _cell("A1", "客户编号") + _cell("B1", "手机") + b"</row>"
    row = b"<row>" + (b'<c t="inlineStr"><is><t>13800138000</t></is></c>' * 20) + b"</row>"
    block = row * (1024 * 1024 // len(row) + 1)

    def parts() -> Iterable[bytes]:
        yield SHEET_HEAD + header
        for _ in range(sheet_mb):
            yield block
        yield b"</sheetData>" + SHEET_TAIL

    return write_package(path, parts())


def far_cell_workbook(path: Path, *, header: bool = False, column: str = "A") -> Path:
    """One cell at row 1,048,576 (Excel's last row); with ``header`` also a cell at A1."""
    last = f"{column}1048576"
    first = _cell("A1", "客户编号") if header else b""
    dim = f'<dimension ref="A1:{last}"/>'.encode()
    body = (dim + b"<sheetData>"
            + (b'<row r="1">' + first + b"</row>" if header else b"")
            + b'<row r="1048576">' + _cell(last, "13800138000") + b"</row></sheetData>")
    return write_package(path, [SHEET_HEAD + body + SHEET_TAIL])


def whitespace_workbook(path: Path, gigabytes: float = 3.0) -> Path:
    """A few MB on disk holding ``gigabytes`` GB of spaces inside the sheet's one cell text."""
    chunk = b" " * (16 * 1024 * 1024)
    count = int(gigabytes * 1024 * 1024 * 1024) // len(chunk)

    def parts() -> Iterable[bytes]:
        yield (SHEET_HEAD + b'<sheetData><row r="1">' + _cell("A1", "客户编号")
               + b'</row><row r="2"><c r="A2" t="inlineStr"><is><t>')
        for _ in range(count):
            yield chunk
        yield b"</t></is></c></row></sheetData>" + SHEET_TAIL

    return write_package(path, parts(), level=1)


def lying_sizes(path: Path, out: Path, factor: int = 1000) -> Path:
    """A copy of ``path`` whose zip directories declare the sheet ``factor``× smaller."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    small = max(1, info.file_size // factor)
    # local header: uncompressed size at offset 22 (zip64 files keep it in the extra field)
    local = info.header_offset
    if struct.unpack_from("<I", data, local + 22)[0] != 0xFFFFFFFF:
        struct.pack_into("<I", data, local + 22, small)
    name = info.filename.encode()
    central = data.find(b"PK\x01\x02")
    while central != -1:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46:central + 46 + n]) == name:
            if struct.unpack_from("<I", data, central + 24)[0] != 0xFFFFFFFF:
                struct.pack_into("<I", data, central + 24, small)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    out.write_bytes(bytes(data))
    return out
