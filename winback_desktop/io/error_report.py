"""The import error report: each rejected row as it was in the file, plus the reasons.

The user fixes the rows in this workbook and imports it again: its header row is the
original one, so the same mapping applies, and the two extra columns at the end (the
original row number and the problems) are not mapped to anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.io.xlsx_export import Column, write_xlsx

ROW_HEADER = QT_TRANSLATE_NOOP("ErrorReport", "Original row")
PROBLEMS_HEADER = QT_TRANSLATE_NOOP("ErrorReport", "Problems")
SHEET_NAME = QT_TRANSLATE_NOOP("ErrorReport", "Rejected rows")


class _Issue(Protocol):
    @property
    def column(self) -> str: ...

    def render(self, translate: Callable[[str, str], str] | None = None) -> str: ...


class _Rejected(Protocol):
    @property
    def row(self) -> int: ...
    @property
    def cells(self) -> list[Any]: ...
    @property
    def issues(self) -> Sequence[_Issue]: ...


def _identity(_context: str, text: str) -> str:
    return text


def write_error_report(
    path: str | Path,
    headers: Sequence[str],
    rejected: Iterable[_Rejected],
    *,
    translate: Callable[[str, str], str] | None = None,
) -> int:
    """Write the report; returns the number of rows written."""
    tx = translate or _identity
    columns = [Column(h, "raw") for h in headers]
    columns += [Column(tx("ErrorReport", ROW_HEADER), "int", 12),
                Column(tx("ErrorReport", PROBLEMS_HEADER), "text", 70)]
    width = len(headers)

    def rows() -> Iterable[list[Any]]:
        for item in rejected:
            cells = list(item.cells[:width]) + [""] * max(0, width - len(item.cells))
            problems = "; ".join(
                (f"{i.column}: " if i.column else "") + i.render(translate)
                for i in item.issues)
            yield [*cells, item.row, problems]

    return write_xlsx(path, columns, rows(), sheet_name=tx("ErrorReport", SHEET_NAME))
