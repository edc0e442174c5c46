"""Writing lists to .xlsx (xlsxwriter, constant memory) and .csv (UTF-8 with BOM).

Every sheet gets a styled, frozen header row with an autofilter, date and money number
formats and column widths. Text that came from users and starts with ``= + - @``, a tab
or a carriage return is *neutralised*: written as a quote-prefixed string in .xlsx and
with a leading ``'`` in .csv, so a spreadsheet program never evaluates it as a formula
(CSV/formula injection). Numbers, negative ones included, stay numbers.
"""

from __future__ import annotations

import contextlib
import csv
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
EXCEL_EPOCH_ORDINAL = date(1899, 12, 30).toordinal()
WIDTH_SAMPLE_ROWS = 200
MAX_COLUMN_WIDTH = 60
XLSX_MAX_ROWS = 1_048_576

KINDS = ("text", "phone", "int", "number", "money", "date", "datetime", "bool", "raw")
_E164 = re.compile(r"^\+\d{4,15}$")


class ExportCancelled(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The export was cancelled.")


class ExportFailed(WinbackError):
    default_text = QT_TRANSLATE_NOOP("Errors", "The file {file} cannot be written: {detail}")


class TooManyRowsForExcel(WinbackError):
    default_text = QT_TRANSLATE_NOOP(
        "Errors", "{rows} rows do not fit in one Excel sheet (at most 1,048,575): narrow the "
        "filter or export as .csv.")


@dataclass(frozen=True, slots=True)
class Column:
    """One exported column. ``money`` values are integer minor units (fen)."""

    header: str
    kind: str = "text"
    width: float | None = None


def needs_neutralising(text: str) -> bool:
    return bool(text) and text[0] in FORMULA_TRIGGERS


def neutralise(text: str) -> str:
    """The text as a CSV cell that no spreadsheet program evaluates."""
    return "'" + text if text and text[0] in FORMULA_TRIGGERS else text


def excel_serial(value: date | datetime) -> float:
    """Excel's day number (1900 system) of a date or naive/aware datetime."""
    if isinstance(value, datetime):
        days = value.toordinal() - EXCEL_EPOCH_ORDINAL
        return days + (value.hour * 3600 + value.minute * 60 + value.second
                       + value.microsecond / 1e6) / 86400
    return float(value.toordinal() - EXCEL_EPOCH_ORDINAL)


def _display_len(value: Any, kind: str) -> int:
    if value is None:
        return 0
    if kind == "money":
        return len(f"{value / 100:,.2f}") if isinstance(value, int | float) else len(str(value))
    if kind == "date":
        return 10
    if kind == "datetime":
        return 16
    text = str(value)
    # CJK characters are about two Latin characters wide.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _widths(columns: Sequence[Column], sample: Sequence[Sequence[Any]]) -> list[float]:
    widths = []
    for i, col in enumerate(columns):
        if col.width is not None:
            widths.append(col.width)
            continue
        longest = _display_len(col.header, "text") + 3  # room for the filter button
        for row in sample:
            if i < len(row):
                longest = max(longest, _display_len(row[i], col.kind))
        widths.append(min(MAX_COLUMN_WIDTH, max(6, longest + 2)))
    return widths


def _checker(cancel: Any) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if hasattr(cancel, "is_set"):
        return cancel.is_set  # type: ignore[no-any-return]
    return cancel  # type: ignore[no-any-return]


def write_xlsx(
    path: str | Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    sheet_name: str = "Sheet1",
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
) -> int:
    """Write ``rows`` under ``columns`` to a new .xlsx at ``path``; returns the row count.

    The file is written to a temporary name and moved into place at the end, so a
    cancelled or failed export never leaves a half-written workbook behind.
    """
    import xlsxwriter

    if total is not None and total >= XLSX_MAX_ROWS:
        # known up front: refused before a row is read (it used to take minutes)
        raise TooManyRowsForExcel(rows=f"{total:,}")
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    is_cancelled = _checker(cancel)
    iterator = iter(rows)
    sample: list[Sequence[Any]] = []
    for row in iterator:
        sample.append(row)
        if len(sample) >= WIDTH_SAMPLE_ROWS:
            break
    widths = _widths(columns, sample)
    wb = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False, "default_date_format": "yyyy-mm-dd"})
    written = 0
    try:
        ws = wb.add_worksheet(_sheet_title(sheet_name))
        header_fmt = wb.add_format({"bold": True, "bg_color": "#1F4E78", "font_color": "#FFFFFF",
                                    "border": 1, "valign": "vcenter", "text_wrap": True})
        formats = {
            "money": wb.add_format({"num_format": "#,##0.00"}),
            "date": wb.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": wb.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
            "int": wb.add_format({"num_format": "0"}),
        }
        quoted = wb.add_format({"quote_prefix": True})
        for i, width in enumerate(widths):
            ws.set_column(i, i, width)
        ws.freeze_panes(1, 0)
        ws.set_row(0, 20)
        for i, col in enumerate(columns):
            ws.write_string(0, i, col.header, header_fmt)
        writers = [_cell_writer(ws, col.kind, formats, quoted) for col in columns]
        ncols = len(columns)
        r = 0
        for row in _chain(sample, iterator):
            r += 1
            if r >= XLSX_MAX_ROWS:
                raise TooManyRowsForExcel(rows=f"{(total or r):,}")
            for c in range(min(ncols, len(row))):
                value = row[c]
                if value is not None:
                    writers[c](r, c, value)
            if not r % 5000:
                if is_cancelled():
                    raise ExportCancelled()
                if progress is not None:
                    progress(r, total or r)
        written = r
        ws.autofilter(0, 0, max(written, 1), max(ncols - 1, 0))
        if progress is not None:
            progress(written, total or written)
        wb.close()
    except BaseException as exc:
        with contextlib.suppress(Exception):  # closing a workbook that already failed
            wb.close()
        tmp.unlink(missing_ok=True)
        if isinstance(exc, WinbackError | KeyboardInterrupt):
            raise
        if isinstance(exc, OSError):
            raise ExportFailed(file=path.name, detail=exc.strerror or str(exc)) from None
        raise
    try:
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportFailed(file=path.name, detail=exc.strerror or str(exc)) from None
    return written


def _chain(first: list[Sequence[Any]], rest: Any) -> Any:
    yield from first
    yield from rest


def _sheet_title(name: str) -> str:
    bad = '[]:*?/\\'
    title = "".join("_" if ch in bad else ch for ch in name).strip("'") or "Sheet1"
    return title[:31]


def _cell_writer(ws: Any, kind: str, formats: dict[str, Any],
                 quoted: Any) -> Callable[[int, int, Any], None]:
    write_string = ws.write_string
    write_number = ws.write_number
    money_fmt, date_fmt, dt_fmt = formats["money"], formats["date"], formats["datetime"]

    def text(r: int, c: int, value: Any) -> None:
        if not isinstance(value, str):
            raw(r, c, value)
            return
        if value and value[0] in FORMULA_TRIGGERS:
            write_string(r, c, value, quoted)
        elif value:
            write_string(r, c, value)

    def number(r: int, c: int, value: Any) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool):
            if isinstance(value, float) and not math.isfinite(value):
                return
            write_number(r, c, value)
        else:
            text(r, c, str(value))

    def money(r: int, c: int, value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool):
            write_number(r, c, value / 100, money_fmt)
        else:
            number(r, c, value)

    def a_date(r: int, c: int, value: Any) -> None:
        if isinstance(value, date):
            write_number(r, c, float(value.toordinal() - EXCEL_EPOCH_ORDINAL), date_fmt)
        else:
            raw(r, c, value)

    def a_datetime(r: int, c: int, value: Any) -> None:
        if isinstance(value, datetime):
            write_number(r, c, excel_serial(value.replace(tzinfo=None)), dt_fmt)
        else:
            a_date(r, c, value)

    def boolean(r: int, c: int, value: Any) -> None:
        ws.write_boolean(r, c, bool(value))

    def raw(r: int, c: int, value: Any) -> None:
        if isinstance(value, str):
            text(r, c, value)
        elif isinstance(value, bool):
            boolean(r, c, value)
        elif isinstance(value, int | float):
            number(r, c, value)
        elif isinstance(value, datetime):
            a_datetime(r, c, value)
        elif isinstance(value, date):
            a_date(r, c, value)
        elif isinstance(value, time):
            write_string(r, c, value.isoformat())
        else:
            text(r, c, str(value))

    def phone(r: int, c: int, value: Any) -> None:
        # A validated E.164 number is not a formula; keep it a plain string.
        if isinstance(value, str) and _E164.match(value):
            write_string(r, c, value)
        else:
            text(r, c, value)

    return {"text": text, "phone": phone, "int": number, "number": number, "money": money,
            "date": a_date, "datetime": a_datetime, "bool": boolean}.get(kind, raw)


def csv_cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "money" and isinstance(value, int) and not isinstance(value, bool):
        sign = "-" if value < 0 else ""
        return f"{sign}{abs(value) // 100}.{abs(value) % 100:02d}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if kind != "date" else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    if isinstance(value, int):
        return str(value)
    if kind == "phone" and isinstance(value, str) and _E164.match(value):
        return value
    return neutralise(str(value))


def write_csv(
    path: str | Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    total: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Any = None,
) -> int:
    """CSV in UTF-8 with a BOM (so Excel shows Chinese right), written atomically."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    is_cancelled = _checker(cancel)
    kinds = [c.kind for c in columns]
    n = 0
    try:
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([neutralise(c.header) for c in columns])
            for row in rows:
                writer.writerow([csv_cell(v, k) for v, k in zip(row, kinds, strict=False)])
                n += 1
                if not n % 5000:
                    if is_cancelled():
                        raise ExportCancelled()
                    if progress is not None:
                        progress(n, total or n)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ExportFailed(file=path.name, detail=exc.strerror or str(exc)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(n, total or n)
    return n


def write_table(path: str | Path, columns: Sequence[Column], rows: Iterable[Sequence[Any]],
                *, fmt: str | None = None, **kwargs: Any) -> int:
    """``write_xlsx`` or ``write_csv`` by ``fmt`` (default: the file's extension)."""
    fmt = (fmt or Path(path).suffix.lstrip(".") or "xlsx").lower()
    if fmt == "csv":
        kwargs.pop("sheet_name", None)
        return write_csv(path, columns, rows, **kwargs)
    return write_xlsx(path, columns, rows, **kwargs)
