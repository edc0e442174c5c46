"""Opening customer files: format sniffing, sheets, and row streams.

The file's bytes decide the format, not its name: an .xlsx renamed .xls opens, while a
web page saved as .xls, an encrypted workbook, a truncated download or a Word file gets
a clear, translated :class:`SpreadsheetError` before anything is imported.

Rows are yielded one by one as lists of raw cells with their 1-based spreadsheet row
number. python-calamine keeps the sheet's cells in Rust memory; Python objects exist
only for the row being processed, so a 1M-row file is never held twice.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

#: Larger files are refused before reading (overridable for big servers).
MAX_FILE_BYTES = int(os.environ.get("WINBACK_IMPORT_MAX_BYTES", str(512 * 1024 * 1024)))
#: Uncompressed worksheet XML above this is a zip bomb or more than Excel can hold.
MAX_UNCOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024
#: Excel's own limit; CSV files may hold a little more.
MAX_ROWS = 2_000_000

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTION_INFO = "EncryptionInfo".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


class SpreadsheetError(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The file {file} cannot be read: {detail}")


class FileMissing(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The file {file} does not exist.")


class EmptyFile(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The file {file} is empty.")


class NoData(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The sheet '{sheet}' of {file} has no customer rows below its header.")


class PasswordProtected(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {file} is protected with a password. Open it in Excel, remove the "
        "password (File › Info › Protect Workbook) and save it again.")


class WebPageNotSpreadsheet(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {file} is a web page (HTML) with a spreadsheet name, as some systems "
        "export it. Open it in Excel and save it as an .xlsx workbook.")


class NotASpreadsheet(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {file} is not a spreadsheet. Use an .xlsx, .xlsm, .xls or .csv file.")


class DamagedFile(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {file} is damaged or incomplete ({detail}). Copy or download it again.")


class FileTooLarge(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The file {file} is too large to import ({size} MB; the limit is {limit} MB).")


class TooManyRows(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The file {file} has more than {limit} rows; split it into smaller files.")


class SheetNotFound(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "The file {file} has no sheet named '{sheet}'. Its sheets: {sheets}.")


class EncodingProblem(SpreadsheetError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors",
        "The text file {file} is not in a known encoding near row {row}. Save it again "
        "from Excel as 'CSV UTF-8'.")


# ----------------------------------------------------------------------------- sniffing


def sniff(path: Path) -> str:
    """``xlsx``, ``xls``, ``ods`` or ``csv`` by content; raises for anything unusable."""
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileMissing(file=name) from None
    except OSError as exc:
        raise SpreadsheetError(file=name, detail=exc.strerror or str(exc)) from None
    if not path.is_file():
        raise FileMissing(file=name)
    if size == 0:
        raise EmptyFile(file=name)
    if size > MAX_FILE_BYTES:
        raise FileTooLarge(file=name, size=size // (1024 * 1024),
                           limit=MAX_FILE_BYTES // (1024 * 1024))
    with path.open("rb") as fh:
        head = fh.read(8192)
    if head.startswith(ZIP_MAGIC):
        return _sniff_zip(path)
    if head.startswith(CFB_MAGIC):
        if _cfb_is_encrypted(path):
            raise PasswordProtected(file=name)
        return "xls"
    text_head = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text_head.startswith((b"<!doctype html", b"<html", b"<table", b"<meta", b"<head",
                             b"<body", b"<style")) or (
            text_head.startswith(b"<") and (b"<html" in head.lower() or b"<table" in head.lower())):
        raise WebPageNotSpreadsheet(file=name)
    if text_head.startswith(b"<?xml") or text_head.startswith(b"<"):
        # Excel 2003 XML spreadsheets and other markup: not something calamine reads.
        raise WebPageNotSpreadsheet(file=name)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv"
    if b"\x00" in head and not _looks_utf16(head):
        raise NotASpreadsheet(file=name)
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"Rar!", b"7z\xbc\xaf")):
        raise NotASpreadsheet(file=name)
    return "csv"


def _looks_utf16(head: bytes) -> bool:
    sample = head[:512]
    if len(sample) < 4:
        return False
    zeros_odd = sample[1::2].count(0)
    zeros_even = sample[0::2].count(0)
    half = len(sample) // 2
    return zeros_odd > half * 0.6 or zeros_even > half * 0.6


def _sniff_zip(path: Path) -> str:
    name = path.name
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise DamagedFile(file=name, detail=str(exc)) from None
    except (OSError, EOFError) as exc:
        raise DamagedFile(file=name, detail=type(exc).__name__) from None
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        total = sum(i.file_size for i in infos if i.filename.startswith("xl/"))
        if total > MAX_UNCOMPRESSED_BYTES:
            raise FileTooLarge(file=name, size=total // (1024 * 1024),
                               limit=MAX_UNCOMPRESSED_BYTES // (1024 * 1024))
        return "xlsx"
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    raise NotASpreadsheet(file=name)


def _cfb_is_encrypted(path: Path) -> bool:
    """An encrypted .xlsx is a CFB container holding EncryptionInfo/EncryptedPackage."""
    with path.open("rb") as fh:
        tail = b""
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                return False
            data = tail + chunk
            if _ENCRYPTION_INFO in data or _ENCRYPTED_PACKAGE in data:
                return True
            tail = data[-64:]


# ------------------------------------------------------------------------------ sources


@dataclass
class SheetData:
    """One sheet opened for reading."""

    file_name: str
    fmt: str
    sheet_names: list[str]
    sheet: str
    #: upper bound of rows, for progress (the CSV estimate comes from the file size)
    total_rows: int
    #: 0-based column of the first cell in each row (calamine trims empty left columns)
    first_column: int = 0
    #: merged ranges ((r1, c1), (r2, c2)), 0-based absolute, inclusive
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    encoding: str | None = None
    _rows: Any = None
    _close: Any = None

    def rows(self) -> Iterator[tuple[int, list[Any]]]:
        """``(spreadsheet row number, cells)`` for every row, blank ones included."""
        return self._rows()  # type: ignore[no-any-return]

    def close(self) -> None:
        if self._close is not None:
            self._close()
            self._close = None

    def __enter__(self) -> SheetData:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _calamine_error(name: str, exc: Exception) -> SpreadsheetError:
    import python_calamine as pc

    text = str(exc)
    low = text.lower()
    if isinstance(exc, pc.PasswordError) or "password" in low or "encrypt" in low:
        return PasswordProtected(file=name)
    if isinstance(exc, pc.ZipError | pc.XmlError) or "zip" in low or "eof" in low:
        return DamagedFile(file=name, detail=text.splitlines()[0][:200] if text else "")
    return DamagedFile(file=name, detail=text.splitlines()[0][:200] if text else
                       type(exc).__name__)


def open_sheet(path: str | Path, sheet: str | None = None) -> SheetData:
    """Open ``sheet`` (default: the first visible worksheet with data) of ``path``."""
    path = Path(path)
    fmt = sniff(path)
    if fmt == "csv":
        return _open_csv(path)
    return _open_workbook(path, fmt, sheet)


def list_sheets(path: str | Path) -> list[str]:
    path = Path(path)
    fmt = sniff(path)
    if fmt == "csv":
        return [path.stem]
    with _open_workbook(path, fmt, None) as data:
        return list(data.sheet_names)


def _open_workbook(path: Path, fmt: str, sheet: str | None) -> SheetData:
    import python_calamine as pc

    from winback_desktop.io import xlsx_guard, xlsx_windows

    name = path.name
    expected = {"xlsx": (".xlsx", ".xlsm", ".xlsb"), "xls": (".xls",), "ods": (".ods",)}[fmt]
    handle: Any = None
    compacted: xlsx_guard.Compacted | None = None
    shapes: dict[str, xlsx_guard.SheetShape] = {}
    if fmt == "xlsx":
        # Before calamine sees the package: it aborts the process on what it cannot hold.
        try:
            shapes = xlsx_guard.inspect(path)
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            raise DamagedFile(file=name, detail=type(exc).__name__) from None
        sparse = [shape for shape in shapes.values() if shape.compact]
        if sparse:
            compacted = xlsx_guard.compact_sheets(path, sparse)
    source = compacted.path if compacted is not None else path
    try:
        if compacted is not None or path.suffix.lower() in expected:
            wb = pc.CalamineWorkbook.from_path(str(source))
        else:
            # Wrong extension: calamine picks the reader by name, so hand it the bytes
            # with the right one through a file object.
            handle = path.open("rb")
            wb = pc.CalamineWorkbook.from_filelike(handle)
    except Exception as exc:
        if handle is not None:
            handle.close()
        if compacted is not None:
            compacted.remove()
        raise _calamine_error(name, exc) from None

    def close() -> None:
        wb.close()
        if handle is not None:
            handle.close()
        if compacted is not None:
            compacted.remove()

    by_name = {shape.name: shape for shape in shapes.values()}
    try:
        metas = [m for m in wb.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]
        names = [m.name for m in metas] or list(wb.sheet_names)
        visible = [m.name for m in metas if m.visible == pc.SheetVisibleEnum.Visible] or names
        if sheet is None:
            chosen: Any = None
            for candidate in visible:
                known = by_name.get(candidate)
                if known is not None and known.cells and compacted is None:
                    chosen = candidate  # measured by the guard: no need to load it
                    break
                s = wb.get_sheet_by_name(candidate)
                if s.height > 0 and s.start is not None:
                    chosen = s
                    break
            if chosen is None:
                if not visible:
                    raise NoData(file=name, sheet="")
                chosen = visible[0]
        else:
            if sheet not in names:
                raise SheetNotFound(file=name, sheet=sheet, sheets=", ".join(names))
            chosen = sheet
        big = by_name.get(chosen) if isinstance(chosen, str) and compacted is None else None
        if big is not None and big.cells > xlsx_windows.LARGE_SHEET_CELLS:
            return _windowed(path, name, names, big, close)
        ws = wb.get_sheet_by_name(chosen) if isinstance(chosen, str) else chosen
    except SpreadsheetError:
        close()
        raise
    except Exception as exc:
        close()
        raise _calamine_error(name, exc) from None
    start = ws.start
    end = ws.end
    total = (end[0] + 1) if end is not None else 0
    if total > MAX_ROWS:
        close()
        raise TooManyRows(file=name, limit=MAX_ROWS)
    row_map: list[int] | None = None
    if compacted is not None:
        part = next((p for p, shape in shapes.items() if shape.name == ws.name), None)
        row_map = compacted.rows.get(part) if part is not None else None
    merged = [] if row_map is not None else list(ws.merged_cell_ranges or [])
    sheet_name = ws.name
    limit = xlsx_guard.MAX_CELL_CHARS

    def rows() -> Iterator[tuple[int, list[Any]]]:
        if start is None:
            return
        try:
            for index, row in enumerate(ws.iter_rows()):
                for cell in row:
                    if type(cell) is str and len(cell) > limit:
                        number = row_map[index] if row_map and index < len(row_map) \
                            else index + 1
                        raise xlsx_guard.CellTooLong(file=name, sheet=sheet_name, row=number)
                if row_map is not None:
                    if index < len(row_map):
                        yield row_map[index], row
                else:
                    yield index + 1, row
        except SpreadsheetError:
            raise
        except Exception as exc:  # calamine errors mid-sheet (broken XML)
            raise _calamine_error(name, exc) from None

    return SheetData(file_name=name, fmt=fmt, sheet_names=names, sheet=ws.name,
                     total_rows=total, first_column=start[1] if start else 0,
                     merged=merged, _rows=rows, _close=close)


def _windowed(path: Path, name: str, names: list[str], shape: Any,
              close_book: Any) -> SheetData:
    """A large sheet read window by window (:mod:`io.xlsx_windows`): only one window's
    grid is in memory at a time. The guard measured the sheet, so nothing here loads it
    whole; the first window is opened now for the merged ranges."""
    import python_calamine as pc

    from winback_desktop.io import xlsx_guard, xlsx_windows

    close_book()  # the whole-file reader is not needed: each window is a workbook
    width = max(1, shape.max_col - shape.min_col + 1)
    windows = xlsx_windows.SheetWindows(path, shape.part, shape.tail,
                                        xlsx_windows.WINDOW_CELLS // width)
    files = iter(windows)
    first_column = shape.min_col - 1
    limit = xlsx_guard.MAX_CELL_CHARS
    sheet_name = shape.name
    opened: list[Any] = []

    def open_next() -> Any:
        while opened:
            opened.pop().close()
        window = next(files, None)
        if window is None:
            return None
        try:
            book = pc.CalamineWorkbook.from_path(str(window))
            opened.append(book)
            return book.get_sheet_by_name(sheet_name)
        except Exception as exc:
            raise _calamine_error(name, exc) from None

    def close() -> None:
        while opened:
            opened.pop().close()
        close_ = getattr(files, "close", None)
        if close_ is not None:
            close_()
        windows.remove()

    try:
        first = open_next()
        merged = list(first.merged_cell_ranges or []) if first is not None else []
    except BaseException:
        close()
        raise

    def rows() -> Iterator[tuple[int, list[Any]]]:
        ws = first
        try:
            while ws is not None:
                start = ws.start
                if start is not None:
                    pad = [""] * (start[1] - first_column)
                    for index, row in enumerate(ws.iter_rows()):
                        if index < start[0]:
                            continue  # calamine hands out the rows above the window blank
                        for cell in row:
                            if type(cell) is str and len(cell) > limit:
                                raise xlsx_guard.CellTooLong(file=name, sheet=sheet_name,
                                                             row=index + 1)
                        yield index + 1, (pad + row if pad else row)
                ws = open_next()
        except SpreadsheetError:
            raise
        except Exception as exc:  # calamine errors mid-sheet (broken XML)
            raise _calamine_error(name, exc) from None

    return SheetData(file_name=name, fmt="xlsx", sheet_names=names, sheet=sheet_name,
                     total_rows=shape.max_row, first_column=first_column, merged=merged,
                     _rows=rows, _close=close)


# --------------------------------------------------------------------------------- CSV


def detect_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 by BOM, else what charset-normalizer finds.

    Chinese Excel saves "CSV" as GBK; GB18030 is its superset, so GBK-family guesses
    read as GB18030 and never fail on rarer characters.
    """
    with path.open("rb") as fh:
        sample = fh.read(_SAMPLE_BYTES)
        if sample.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        sample = _first_non_ascii(fh, sample)
        more = bool(fh.read(1))
    try:
        # A cut in the middle of a multi-byte character at the sample's end is fine.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=not more)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if _looks_utf16(sample):
        zeros_odd = sample[1::2].count(0)
        return "utf-16-le" if zeros_odd > sample[0::2].count(0) else "utf-16-be"
    if _gb_like(sample):
        try:
            codecs.getincrementaldecoder("gb18030")().decode(sample, final=not more)
            return "gb18030"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(sample[: 256 * 1024]).best()
    if best is not None and best.encoding.lower().replace("-", "_").startswith("big5"):
        return "big5hkscs"
    # Western Excel saves "CSV" in the Windows code page.
    return "cp1252"


_SAMPLE_BYTES = 1 << 20
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _first_non_ascii(fh: BinaryIO, sample: bytes) -> bytes:
    """The sample to judge: from the line holding the file's first non-ASCII byte.

    A long export often starts with rows of Latin names and numbers only; judging those
    alone called a GBK file UTF-8 and failed tens of thousands of rows in. Only ASCII is
    skipped, and pure ASCII reads the same in every candidate encoding.
    """
    while sample.isascii():
        chunk = fh.read(_SAMPLE_BYTES)
        if not chunk:
            return sample
        found = _NON_ASCII.search(chunk)
        if found is None:
            sample = chunk
            continue
        start = chunk.rfind(b"\n", 0, found.start()) + 1
        return chunk[start:] + fh.read(start)
    return sample


def _gb_like(sample: bytes) -> bool:
    """Chinese GBK text: high bytes come in pairs (lead 0x81–0xFE, trail mostly ≥ 0x80).

    Western code pages have lone high bytes followed by ASCII ("J\xfcrgen"), which
    GB18030 would also decode, into rare characters.
    """
    high = low = 0
    i, n = 0, len(sample)
    while i < n:
        b = sample[i]
        if b >= 0x81:
            trail = sample[i + 1] if i + 1 < n else 0x80
            if 0x30 <= trail <= 0x39 and _gb18030_four(sample, i):
                high += 1  # GB18030's four-byte form (rare characters such as 𠀀)
                i += 4
                continue
            if trail >= 0x80:
                high += 1
            else:
                low += 1
            i += 2
        else:
            i += 1
    return high > 0 and low <= high // 10


def _gb18030_four(sample: bytes, i: int) -> bool:
    """A GB18030 four-byte sequence at ``i``: lead, digit, lead, digit."""
    return (i + 3 < len(sample) and 0x81 <= sample[i + 2] <= 0xFE
            and 0x30 <= sample[i + 3] <= 0x39)


def _sniff_dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if not lines:
        return csv.excel
    counts = {d: sum(ln.count(d) for ln in lines) for d in (",", ";", "\t", "|")}
    delimiter = max(counts, key=lambda d: counts[d])
    if counts[delimiter] == 0:
        return csv.excel

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter
    return Dialect


def _open_csv(path: Path) -> SheetData:
    name = path.name
    encoding = detect_encoding(path)
    try:
        with path.open("r", encoding=encoding, newline="", errors="strict") as fh:
            sample = fh.read(64 * 1024)
    except UnicodeDecodeError:
        raise EncodingProblem(file=name, row=1) from None
    dialect = _sniff_dialect(sample)
    size = path.stat().st_size
    avg = max(1, len(sample.encode(encoding, errors="replace")) //
              max(1, sample.count("\n") or 1))
    estimate = max(1, size // avg + 1)
    state: dict[str, Any] = {}

    def rows() -> Iterator[tuple[int, list[Any]]]:
        fh = path.open("r", encoding=encoding, newline="", errors="strict")
        state["fh"] = fh
        reader = csv.reader(fh, dialect)
        number = 0
        try:
            while True:
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except UnicodeDecodeError:
                    raise EncodingProblem(file=name, row=number + 1) from None
                except csv.Error as exc:
                    raise DamagedFile(file=name, detail=str(exc)) from None
                number += 1
                if number > MAX_ROWS:
                    raise TooManyRows(file=name, limit=MAX_ROWS)
                yield number, row
        finally:
            fh.close()

    def close() -> None:
        fh = state.get("fh")
        if fh is not None:
            fh.close()

    return SheetData(file_name=name, fmt="csv", sheet_names=[path.stem], sheet=path.stem,
                     total_rows=estimate, encoding=encoding, _rows=rows, _close=close)

