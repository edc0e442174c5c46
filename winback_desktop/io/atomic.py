"""Files written whole or not at all (exports, reports).

A full disk, a yanked USB stick or a crash half-way through an export must never leave a
0-byte or broken workbook where the user expects one, nor destroy the file that was
there: the writer works on a temporary file beside the target and it replaces the target
only once complete (``os.replace`` is atomic on NTFS and POSIX file systems alike).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from winback_desktop.io.xlsx_export import ExportFailed


def temporary_beside(path: Path) -> Path:
    """A temporary name in the target's folder (same volume, so the move is a rename);
    it keeps the suffix because some writers check it."""
    return path.with_name(f"~{path.stem}.{os.getpid()}.part{path.suffix}")


def write(path: Path, writer: Callable[[Path], object]) -> Path:
    """Run ``writer`` on a temporary file and move it over ``path`` when it succeeds.

    On any failure the temporary file is removed and ``path`` is left as it was; a
    failure of the disk (``OSError``, xlsxwriter's file errors) becomes one translated
    :class:`ExportFailed` line instead of a traceback.
    """
    path = Path(path)
    tmp = temporary_beside(path)
    try:
        writer(tmp)
        tmp.replace(path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) or type(exc).__name__ in ("FileCreateError",
                                                                "FileSizeError"):
            detail = getattr(exc, "strerror", None) or str(exc)
            raise ExportFailed(file=path.name, detail=detail) from None
        raise
    return path
