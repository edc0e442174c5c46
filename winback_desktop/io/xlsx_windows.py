"""A large worksheet read in windows of rows, so memory follows one window, not the sheet.

python-calamine builds the whole sheet as one grid in Rust memory before it yields a row:
a 1M-row, 10-column list took 817 MB there (and 942 MB for the whole import). Streaming
readers in Python (openpyxl's read-only mode, a hand-written XML reader) hold memory down
but read several times slower and would each re-learn Excel's cell typing.

So a large sheet is cut into windows instead: the sheet's XML is inflated in steps and
every ``rows`` complete ``<row>`` elements become a small workbook of their own (the
package's other parts copied as they are, the sheet's head and tail around the window's
rows, original row numbers kept). calamine reads one window at a time and the window's
file is deleted before the next one is written: cells are typed exactly as before, and
only one window's grid (plus the shared strings) is ever in memory.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

#: sheets with more cells than this are read in windows
LARGE_SHEET_CELLS = 2_000_000
#: cells of one window (calamine needs ~32 bytes a cell, plus the text it holds)
WINDOW_CELLS = 1_000_000
_READ = 1024 * 1024


class SheetWindows:
    """Windows of one worksheet part, each a workbook file on disk while it is read."""

    def __init__(self, path: Path, part: str, tail: bytes, rows_per_window: int) -> None:
        self.path = path
        self.part = part
        self.tail = tail or b"</worksheet>"
        self.rows_per_window = max(1000, rows_per_window)
        self.directory = Path(tempfile.mkdtemp(prefix="winback-window-"))
        self._base = self.directory / "base.xlsx"
        self._count = 0

    def remove(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)

    def __iter__(self) -> Iterator[Path]:
        """Window workbooks in sheet order; each is deleted when the next is asked for."""
        with zipfile.ZipFile(self.path) as zf:
            self._write_base(zf)
            head: bytes | None = None
            pending = b""
            body: list[bytes] = []
            rows = 0
            with zf.open(self.part) as fh:
                while True:
                    chunk = fh.read(_READ)
                    if not chunk:
                        break
                    pending += chunk
                    if head is None:
                        head, pending = _split_head(pending)
                        if head is None:
                            continue
                    end = pending.rfind(b"</row>")
                    if end < 0:
                        continue
                    block = pending[:end + 6]
                    pending = pending[end + 6:]
                    count = block.count(b"</row>")
                    while rows + count >= self.rows_per_window:
                        cut = _after_rows(block, self.rows_per_window - rows)
                        body.append(block[:cut])
                        yield from self._window(head, body)
                        block = block[cut:]
                        count = block.count(b"</row>")
                        body, rows = [], 0
                    if block:
                        body.append(block)
                        rows += count
            if head is not None:
                last = pending.find(b"</sheetData>")
                if last > 0:
                    body.append(pending[:last])
                if body:
                    yield from self._window(head, body)

    def _write_base(self, zf: zipfile.ZipFile) -> None:
        """Every part but the sheet, stored uncompressed (each window starts as a copy)."""
        with zipfile.ZipFile(self._base, "w", zipfile.ZIP_STORED) as out:
            for info in zf.infolist():
                if info.filename != self.part:
                    with zf.open(info) as src, out.open(info.filename, "w",
                                                        force_zip64=True) as dst:
                        shutil.copyfileobj(src, dst, _READ)

    def _window(self, head: bytes, body: list[bytes]) -> Iterator[Path]:
        self._count += 1
        target = self.directory / f"window{self._count}.xlsx"
        shutil.copyfile(self._base, target)
        with zipfile.ZipFile(target, "a", zipfile.ZIP_STORED) as out, \
                out.open(self.part, "w", force_zip64=True) as dst:
            dst.write(head)
            for block in body:
                dst.write(block)
            dst.write(b"</sheetData>")
            dst.write(self.tail)
        body.clear()
        try:
            yield target
        finally:
            target.unlink(missing_ok=True)


def _after_rows(block: bytes, n: int) -> int:
    """The offset just after the ``n``-th ``</row>`` of ``block``."""
    at = -6
    for _ in range(n):
        at = block.find(b"</row>", at + 6)
    return at + 6


def _split_head(data: bytes) -> tuple[bytes | None, bytes]:
    """(the sheet's XML up to and with ``<sheetData>``, the rest), or (None, data) while
    that tag is not complete yet. A ``<dimension>`` would make calamine size its grid for
    the whole sheet: it is left out."""
    start = data.find(b"<sheetData")
    if start < 0:
        return None, data
    end = data.find(b">", start)
    if end < 0:
        return None, data
    head = data[:start]
    dim = head.find(b"<dimension")
    if dim >= 0:
        close = head.find(b"/>", dim)
        if close > 0:
            head = head[:dim] + head[close + 2:]
    if data[end - 1:end] == b"/":  # <sheetData/>: no rows at all
        return head + b"<sheetData>", b"</sheetData>"
    return head + data[start:end + 1], data[end + 1:]
