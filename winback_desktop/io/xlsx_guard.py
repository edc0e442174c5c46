"""Checks an .xlsx package before the Rust reader sees it, so no file can sink the app.

python-calamine builds a sheet as one dense grid in Rust memory and aborts the whole
process when an allocation fails: a header at A1 plus one cell at XFD1048576 asks for
512 GB, a 3 MB file holding 3 GB of spaces in one cell for 3 GB, and a 1 MB workbook
inflating to 210 MB of repeated rows keeps it busy for a minute. None of that can be
caught once calamine runs, so this module answers first, with bounded memory and time:

1. the zip's central directory: each part's declared size and compression ratio
   (like Apache POI's ``ZipSecureFile``: more than 100:1 above 1 MB is not a real list);
2. each worksheet part inflated here, in 1 MB steps, counting what it *actually*
   inflates to (a part that inflates beyond its declared size is refused as damaged, and
   the ratio is re-checked as it goes, so a lying directory changes nothing);
3. while inflating, the sheet's real shape from its row and cell references: rows past
   Excel's 1,048,576, columns past 16,384, one row's XML, one cell's text, the number of
   cells, and the size of the grid calamine would allocate (rows × columns of the used
   range). A far-away cell under a small list is *sparse*: the caller reads a compacted
   copy instead of letting memory follow the sheet's dimension (:func:`compact_sheet`).
"""

from __future__ import annotations

import re
import shutil
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.io.sources import SpreadsheetError

#: Excel's own sheet limits
EXCEL_ROWS = 1_048_576
EXCEL_COLUMNS = 16_384
#: Excel keeps at most 32,767 characters in a cell; as XML (UTF-8, escaped) at most ~4×
MAX_CELL_CHARS = 32_767
MAX_CELL_XML = MAX_CELL_CHARS * 4 + 1024
#: one row's XML: 16,384 cells of ordinary size (a flood of whitespace is not a row)
MAX_ROW_XML = 64 * 1024 * 1024
#: more than this many times smaller compressed, above the grace size, is a zip bomb
MAX_RATIO = 100
RATIO_GRACE = 1024 * 1024
#: one worksheet's XML (1M rows × 30 columns of ordinary cells fits)
MAX_SHEET_XML = 2 * 1024 * 1024 * 1024
#: cells calamine may hold as one grid (~32 bytes each in Rust: about 1 GB)
MAX_GRID_CELLS = 32_000_000
#: a used range this much larger than its cells is sparse: read a compacted copy
SPARSE_FACTOR = 4
SPARSE_MIN_GRID = 1_000_000

#: a sheet's XML after its rows kept for reading it in windows (merged ranges and such)
MAX_TAIL_XML = 16 * 1024 * 1024

_STEP = 1024 * 1024
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\sr="(\d+)"')
_CELL_REF = re.compile(rb'<c\b[^>]*?\sr="([A-Z]{1,4})(\d+)"')
_FAST_ROWS = re.compile(rb'<row r="(\d+)"')
_FAST_WIDE = re.compile(rb'<c r="([A-Z]{2,4})\d')


class WorkbookRefused(SpreadsheetError):
    """Base of the hard limits: the file is not read at all."""


class ZipBomb(WorkbookRefused):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {file} unpacks to more than {size} MB from {packed} MB (over {ratio}:1), "
        "which no real customer list does. It is damaged or made to harm; save the list "
        "again from Excel.")


class SheetTooLarge(WorkbookRefused):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The sheet '{sheet}' of {file} is too large to import ({size} MB of sheet data; "
        "the limit is {limit} MB). Split it into smaller files.")


class SizesDoNotMatch(WorkbookRefused):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {file} is damaged: its sheet '{sheet}' holds more data than the file "
        "says. Copy or download it again.")


class RowBeyondExcel(WorkbookRefused):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The sheet '{sheet}' of {file} has a row or column beyond Excel's limits "
        "(1,048,576 rows, 16,384 columns). Save the list again from Excel.")


class CellTooLong(WorkbookRefused):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The sheet '{sheet}' of {file} has a cell near row {row} longer than Excel allows "
        "(32,767 characters). Shorten it and save the file again.")


class RangeTooLarge(WorkbookRefused):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The sheet '{sheet}' of {file} uses {rows} rows × {columns} columns "
        "({cells} cells; the limit is {limit}). Delete what lies outside the list "
        "(Ctrl+End shows the last used cell) and save it again.")


@dataclass
class SheetShape:
    """What one worksheet part really holds, measured while inflating it."""

    name: str
    part: str
    xml_bytes: int = 0
    cells: int = 0
    min_row: int = 0
    max_row: int = 0
    min_col: int = 0
    max_col: int = 0
    #: rows that hold something (the list's own rows, not the sheet's dimension)
    used_rows: int = 0
    #: the used rows are far apart: read a compacted copy (:func:`compact_sheet`)
    compact: bool = False
    #: the sheet's XML after ``</sheetData>`` (merged ranges…), when it is of a sane size
    tail: bytes = b""

    @property
    def grid(self) -> int:
        """Cells of the dense grid calamine allocates for the used range."""
        if not self.cells:
            return 0
        return (self.max_row - self.min_row + 1) * (self.max_col - self.min_col + 1)


def column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def inspect(path: Path) -> dict[str, SheetShape]:
    """Every worksheet's shape by part name; raises a :class:`WorkbookRefused` subclass."""
    file = path.name
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        for info in infos:
            _check_declared(file, info)
        names = _sheet_names(zf)
    shapes: dict[str, SheetShape] = {}
    with path.open("rb") as raw:
        for info in infos:
            if not (info.filename.startswith("xl/worksheets/")
                    and info.filename.endswith(".xml")):
                continue
            shape = SheetShape(names.get(info.filename, Path(info.filename).stem),
                               info.filename)
            _scan(raw, info, file, shape)
            shapes[info.filename] = shape
    return shapes


def _check_declared(file: str, info: zipfile.ZipInfo) -> None:
    size, packed = info.file_size, max(1, info.compress_size)
    if size > RATIO_GRACE and size > MAX_RATIO * packed:
        raise ZipBomb(file=file, size=size // _STEP, packed=max(1, packed // _STEP),
                      ratio=MAX_RATIO)
    if size > MAX_SHEET_XML:
        raise SheetTooLarge(file=file, sheet=Path(info.filename).stem, size=size // _STEP,
                            limit=MAX_SHEET_XML // _STEP)


def _sheet_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → the sheet's name, from workbook.xml and its relationships."""
    try:
        rels_xml = zf.read("xl/_rels/workbook.xml.rels")
        book_xml = zf.read("xl/workbook.xml")
        rels = ElementTree.fromstring(rels_xml)
        book = ElementTree.fromstring(book_xml)
    except (KeyError, ElementTree.ParseError, zipfile.BadZipFile, OSError, zlib.error):
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = target
    out = {}
    for el in book.iter():
        if el.tag.endswith("}sheet"):
            rid = next((v for k, v in el.attrib.items() if k.endswith("}id")), None)
            if rid in targets:
                out[targets[rid]] = el.get("name", "")
    return out


def _scan(raw: object, info: zipfile.ZipInfo, file: str, shape: SheetShape) -> None:
    """Inflate one part in steps, checking its actual size, ratio and shape as it goes."""
    import io

    assert isinstance(raw, io.BufferedIOBase | io.BufferedReader)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return  # calamine refuses what it cannot unpack by itself
    raw.seek(info.header_offset)
    header = raw.read(30)
    if len(header) < 30 or header[:4] != b"PK\x03\x04":
        return  # calamine reports the damage
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    raw.seek(info.header_offset + 30 + name_len + extra_len)
    left = info.compress_size
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    consumed = 0
    pending = b""
    state = _RowState(shape, file)
    while True:
        if inflater is not None and inflater.unconsumed_tail:
            data = inflater.unconsumed_tail
        else:
            data = raw.read(min(left, 256 * 1024)) if left > 0 else b""
            left -= len(data)
            consumed += len(data)
        if inflater is None:
            piece = data
        else:
            try:
                piece = inflater.decompress(data, _STEP)
            except zlib.error:
                return  # calamine reports the damage
        shape.xml_bytes += len(piece)
        if shape.xml_bytes > info.file_size:
            raise SizesDoNotMatch(file=file, sheet=shape.name)
        if shape.xml_bytes > RATIO_GRACE and shape.xml_bytes > MAX_RATIO * max(1, consumed):
            raise ZipBomb(file=file, size=shape.xml_bytes // _STEP,
                          packed=max(1, consumed // _STEP), ratio=MAX_RATIO)
        if piece:
            pending = state.feed(pending + piece)
            if len(pending) > MAX_ROW_XML:
                raise CellTooLong(file=file, sheet=shape.name, row=state.last_row + 1)
        elif not data or (inflater is not None and inflater.eof):
            break
    state.finish()
    end = pending.find(b"</sheetData>")
    if end >= 0 and len(pending) - end < MAX_TAIL_XML:
        shape.tail = pending[end + len(b"</sheetData>"):]


class _RowState:
    """Row and cell bookkeeping over complete ``<row>…</row>`` pieces of sheet XML.

    Excel, LibreOffice, openpyxl and xlsxwriter write ``r`` as the first attribute of
    every row and cell: then whole steps are measured with C-level searches (about a
    tenth of calamine's own reading time). Other writers' steps go row by row.
    """

    def __init__(self, shape: SheetShape, file: str) -> None:
        self.shape = shape
        self.file = file
        self.last_row = 0

    def feed(self, data: bytes) -> bytes:
        """Measure every complete row in ``data``; return the unfinished rest."""
        end = data.rfind(b"</row>")
        if end < 0:
            return data
        block = data[:end + 6]
        rows = _FAST_ROWS.findall(block)
        cells = block.count(b"<c ") + block.count(b"<c>")
        if rows and len(rows) == block.count(b"<row") and cells == block.count(b'<c r="'):
            self._fast(rows, block, cells)
        else:
            self._slow(block)
        return data[end + 6:]

    def _fast(self, rows: list[bytes], block: bytes, cells: int) -> None:
        self.last_row = int(rows[-1])
        if not cells:
            return
        longest = max(map(len, rows))
        high = max(int(r) for r in rows if len(r) == longest)
        shortest = min(map(len, rows))
        low = min(int(r) for r in rows if len(r) == shortest)
        wide = _FAST_WIDE.findall(block)
        if wide:
            longest = max(map(len, wide))
            last_col = column_number(max(w for w in wide if len(w) == longest))
        else:
            last_col = 26  # single letters: Z at most, not worth finding exactly
        first_col = 1 if not wide or b'<c r="A' in block else \
            column_number(min(w for w in wide if len(w) == min(map(len, wide))))
        self._note(low, high, first_col, last_col, cells, block.count(b"</row>"))

    def _slow(self, block: bytes) -> None:
        for piece in block.split(b"</row>"):
            start = piece.rfind(b"<row")
            if start < 0:
                continue
            tag = _ROW_NUMBER.match(piece, start)
            number = int(tag.group(1)) if tag else self.last_row + 1
            self.last_row = number
            cells = piece.count(b"<c ", start) + piece.count(b"<c>", start)
            if not cells:
                continue
            first = _CELL_REF.match(piece, piece.find(b"<c", start + 4))
            last = _CELL_REF.match(piece, piece.rfind(b"<c ", start))
            first_col = column_number(first.group(1)) if first else 1
            last_col = column_number(last.group(1)) if last else first_col + cells - 1
            self._note(number, number, first_col, max(last_col, first_col + cells - 1),
                       cells, 1)

    def _note(self, low: int, high: int, first_col: int, last_col: int, cells: int,
              used: int) -> None:
        shape = self.shape
        if high > EXCEL_ROWS or last_col > EXCEL_COLUMNS:
            raise RowBeyondExcel(file=self.file, sheet=shape.name)
        if shape.cells == 0:
            shape.min_row, shape.min_col = low, first_col
        shape.min_row = min(shape.min_row, low)
        shape.max_row = max(shape.max_row, high)
        shape.min_col = min(shape.min_col, first_col)
        shape.max_col = max(shape.max_col, last_col)
        shape.cells += cells
        shape.used_rows += used

    def finish(self) -> None:
        """Decide how the sheet may be read: as it is, compacted, or not at all.

        calamine's grid spans the used range, and its rows are handed out from row 1:
        rows far below the list (or far apart) cost memory and time for nothing, so a
        sheet whose rows are mostly empty is compacted. Too many columns cannot be
        compacted away: that sheet is refused with the way to fix it.
        """
        shape = self.shape
        if not shape.cells:
            return
        used = shape.used_rows
        width = shape.max_col - shape.min_col + 1
        rows = shape.max_row - shape.min_row + 1
        if shape.max_row > SPARSE_FACTOR * used and shape.max_row * width > SPARSE_MIN_GRID:
            shape.compact = True
            rows = used
        if rows * width > MAX_GRID_CELLS:
            raise RangeTooLarge(file=self.file, sheet=shape.name, rows=rows, columns=width,
                                cells=rows * width, limit=MAX_GRID_CELLS)


# ------------------------------------------------------------------- sparse sheets

_ROW_TAG = re.compile(rb'(<row\b[^>]*?\sr=")(\d+)(")')
_REF = re.compile(rb'(<c\b[^>]*?\sr="[A-Z]{1,4})(\d+)(")')
_ROW_WITH_CELLS = re.compile(rb'<row\b[^>]*?\sr="(\d+)"[^>/]*>\s*<c\b')
_DIMENSION = re.compile(rb"<dimension\b[^>]*/>")
_MERGES = re.compile(rb"<mergeCells\b.*?</mergeCells>|<mergeCells\b[^>]*/>", re.S)


@dataclass
class Compacted:
    """A copy of a workbook whose sheets have their used rows packed together."""

    path: Path
    #: part → (compacted 1-based row → the row number in the user's file)
    rows: dict[str, list[int]]
    directory: Path

    def remove(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def compact_sheets(path: Path, shapes: list[SheetShape]) -> Compacted:
    """Copy ``path`` with each of ``shapes``' rows renumbered 1, 2, 3…, empty rows dropped.

    Such a sheet's rows are mostly empty, so its XML is small and rewritten in memory;
    the grid calamine then allocates follows the cells, not the dimension.
    """
    directory = Path(tempfile.mkdtemp(prefix="winback-sheet-"))
    target = directory / ("compact" + (path.suffix.lower() or ".xlsx"))
    maps: dict[str, list[int]] = {}
    parts = {shape.part: shape for shape in shapes}
    try:
        with zipfile.ZipFile(path) as zf, \
                zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for info in zf.infolist():
                data = zf.read(info)
                shape = parts.get(info.filename)
                if shape is not None:
                    used = sorted({int(m.group(1)) for m in _ROW_WITH_CELLS.finditer(data)})
                    maps[shape.part] = used
                    data = _renumber(data, {row: i + 1 for i, row in enumerate(used)})
                out.writestr(info.filename, data)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    return Compacted(target, maps, directory)


def _renumber(xml: bytes, index: dict[int, int]) -> bytes:
    spare = str(len(index) + 1).encode()

    def number(m: re.Match[bytes]) -> bytes:
        new = index.get(int(m.group(2)))
        return m.group(1) + (str(new).encode() if new else spare) + m.group(3)

    xml = _DIMENSION.sub(b"", xml)
    xml = _MERGES.sub(b"", xml)  # merged ranges across dropped rows mean nothing
    xml = _ROW_TAG.sub(number, xml)
    return _REF.sub(number, xml)


__all__ = ["EXCEL_ROWS", "MAX_CELL_CHARS", "CellTooLong", "Compacted", "RangeTooLarge",
           "RowBeyondExcel", "SheetShape", "SheetTooLarge", "SizesDoNotMatch",
           "WorkbookRefused", "ZipBomb", "column_number", "compact_sheets", "inspect"]
