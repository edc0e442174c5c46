"""Write report tables to an xlsx workbook (one sheet per table).

Header row styled, frozen and filtered; text that Excel would run as a formula
(``= + - @`` first) is written as plain text (DESIGN §8, formula injection).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_tables(path: Path, sheets: Sequence[tuple[str, list[str], list[Sequence[Any]]]],
                 percent_headers: Collection[str] = ()) -> None:
    """Written whole or not at all (a full disk leaves the previous file as it was)."""
    from winback_desktop.io import atomic

    atomic.write(path, lambda tmp: _write_tables(tmp, sheets, percent_headers))


def _write_tables(path: Path, sheets: Sequence[tuple[str, list[str], list[Sequence[Any]]]],
                  percent_headers: Collection[str] = ()) -> None:
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                                "strings_to_urls": False})
    try:
        head = workbook.add_format({"bold": True, "bg_color": "#DDE7F0", "border": 1})
        percent = workbook.add_format({"num_format": "0.0%"})
        used: set[str] = set()
        for title, header, rows in sheets:
            name = title[:31] or "Sheet"
            for bad in "[]:*?/\\":
                name = name.replace(bad, " ")
            while name in used:
                name = name[:28] + f"~{len(used)}"
            used.add(name)
            ws = workbook.add_worksheet(name)
            ws.write_row(0, 0, header, head)
            for r, row in enumerate(rows, start=1):
                for c, value in enumerate(row):
                    if header[c] in percent_headers and isinstance(value, int | float):
                        ws.write_number(r, c, value, percent)
                    else:
                        ws.write(r, c, _safe(value))
            widths = [max([len(str(h)) * 2] + [len(str(row[c])) for row in rows[:500]]) + 2
                      for c, h in enumerate(header)]
            for c, w in enumerate(widths):
                ws.set_column(c, c, min(max(w, 10), 60))
            ws.freeze_panes(1, 0)
            ws.autofilter(0, 0, max(len(rows), 1), max(len(header) - 1, 0))
    finally:
        workbook.close()
