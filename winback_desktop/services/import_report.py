"""The import's error report: every rejected row as in the file, plus why (xlsx)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from winback_desktop.io.error_report import write_error_report as _write
from winback_desktop.services.importing import ImportResult


def write_error_report(result: ImportResult, path: str | Path, *,
                       translate: Callable[[str, str], str] | None = None) -> int:
    """Write ``result``'s rejected rows to ``path``; returns the rows written."""
    return _write(path, result.headers, result.rejected_rows, translate=translate)
