"""Crafted workbooks never hang, exhaust memory or abort the process (issue 21).

Each case is a generated file shaped like the ones that hurt users: a 1 MB workbook
inflating to 210 MB of sheet XML, a sheet whose only cell is at row 1,048,576, a header
plus one cell at XFD1048576 (calamine would ask for 512 GB), and a 3 GB whitespace flood.
The reader runs in a child process with a 1.5 GB address-space limit, as on a small
laptop: before the guard, calamine aborted that process (SIGABRT); now it answers with
one translated line and exits normally. Bounds are on the child's own peak memory
(VmHWM, after exec) and its CPU seconds, so a loaded machine cannot fail them while
a guard that let calamine size memory by the sheet's dimension still would.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import crafted_xlsx
from winback_desktop.io import sources, xlsx_guard
from winback_desktop.io.rows import CustomerRows

ROOT = Path(__file__).resolve().parents[2]

READER = """
import resource, sys, time
limit = int(sys.argv[2]) << 20
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from winback_desktop.io.rows import CustomerRows
from winback_desktop.io.sources import SpreadsheetError
started = time.process_time()
try:
    with CustomerRows(sys.argv[1]) as rows:
        n = sum(1 for _ in rows)
    print("ROWS", n)
except SpreadsheetError as exc:
    print("REFUSED", type(exc).__name__)
# CPU seconds, not wall time: a busy machine stretches the clock, not the work
print("SECONDS", round(time.process_time() - started, 2))
# VmHWM is this program's own peak; ru_maxrss on Linux keeps the parent's across exec
try:
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM"))
except OSError:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print("PEAK_MB", peak // 1024)
"""


def read_in_child(path: Path, limit_mb: int = 1536) -> dict[str, str]:
    """Read ``path`` as the importer does, in a child with a memory ceiling."""
    done = subprocess.run([sys.executable, "-c", READER, str(path), str(limit_mb)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"reader died ({done.returncode}): {done.stderr[-800:]}"
    return dict(line.split(" ", 1) for line in done.stdout.splitlines())


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("crafted")
    return {
        "inflating": crafted_xlsx.inflating_workbook(d / "inflating.xlsx"),
        "far": crafted_xlsx.far_cell_workbook(d / "far.xlsx", header=True),
        "far_wide": crafted_xlsx.far_cell_workbook(d / "far_wide.xlsx", header=True,
                                                   column="XFD"),
        "whitespace": crafted_xlsx.whitespace_workbook(d / "whitespace.xlsx"),
    }


def test_a_workbook_inflating_210_times_is_refused_at_once(files: dict[str, Path]) -> None:
    path = files["inflating"]
    assert path.stat().st_size < 2 * 1024 * 1024
    started = time.process_time()  # the work done, however busy the machine is
    with pytest.raises(xlsx_guard.ZipBomb) as caught:
        sources.open_sheet(path)
    assert time.process_time() - started < 2
    assert "inflating.xlsx" in str(caught.value) and "100:1" in str(caught.value)


def test_a_directory_that_lies_about_sizes_is_caught_while_inflating(
        files: dict[str, Path], tmp_path: Path) -> None:
    honest = crafted_xlsx.inflating_workbook(tmp_path / "small.xlsx", sheet_mb=3)
    lying = crafted_xlsx.lying_sizes(honest, tmp_path / "lying.xlsx", factor=1000)
    with pytest.raises(xlsx_guard.SizesDoNotMatch):
        sources.open_sheet(lying)


def test_the_ratio_is_checked_on_what_actually_inflates(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    # the directory is believed (declared ratio fine), the stream itself is a bomb
    path = crafted_xlsx.inflating_workbook(tmp_path / "bomb.xlsx", sheet_mb=3)
    monkeypatch.setattr(xlsx_guard, "_check_declared", lambda file, info: None)
    with pytest.raises(xlsx_guard.ZipBomb):
        sources.open_sheet(path)


@pytest.mark.skipif(sys.platform == "win32", reason="address-space limit is POSIX")
def test_a_far_away_cell_is_read_in_bounded_memory(files: dict[str, Path]) -> None:
    out = read_in_child(files["far"])
    assert out["ROWS"] == "1"  # the one customer under its header
    assert int(out["PEAK_MB"]) < 200
    assert float(out["SECONDS"]) < 5


def test_the_far_row_keeps_its_real_row_number(files: dict[str, Path]) -> None:
    with CustomerRows(files["far"]) as rows:
        parsed = list(rows)
    assert [r.row for r in parsed] == [1_048_576]
    assert parsed[0].values["external_id"] == "13800138000"


@pytest.mark.skipif(sys.platform == "win32", reason="address-space limit is POSIX")
def test_a_header_and_a_cell_at_xfd1048576_do_not_abort(files: dict[str, Path]) -> None:
    out = read_in_child(files["far_wide"])
    assert out.get("ROWS") == "1" or out.get("REFUSED") == "RangeTooLarge"
    assert int(out["PEAK_MB"]) < 200


@pytest.mark.skipif(sys.platform == "win32", reason="address-space limit is POSIX")
def test_three_gigabytes_of_whitespace_do_not_abort(files: dict[str, Path]) -> None:
    out = read_in_child(files["whitespace"])
    assert out["REFUSED"] == "ZipBomb"
    assert float(out["SECONDS"]) < 5


@pytest.mark.skipif(sys.platform == "win32", reason="address-space limit is POSIX")
def test_whitespace_behind_a_lying_directory_does_not_abort(tmp_path: Path) -> None:
    flood = crafted_xlsx.whitespace_workbook(tmp_path / "flood.xlsx", gigabytes=0.25)
    lying = crafted_xlsx.lying_sizes(flood, tmp_path / "flood_lying.xlsx", factor=10_000)
    out = read_in_child(lying, limit_mb=1024)
    assert out["REFUSED"] in {"SizesDoNotMatch", "ZipBomb"}


def test_rows_and_columns_beyond_excel_are_refused(tmp_path: Path) -> None:
    path = crafted_xlsx.write_package(tmp_path / "beyond.xlsx", [
        crafted_xlsx.SHEET_HEAD + b'<sheetData><row r="2000000"><c r="A2000000" '
        b't="inlineStr"><is><t>x</t></is></c></row></sheetData>' + crafted_xlsx.SHEET_TAIL])
    with pytest.raises(xlsx_guard.RowBeyondExcel):
        sources.open_sheet(path)


def test_a_cell_longer_than_excel_allows_is_refused(tmp_path: Path) -> None:
    text = ("长" * 40_000).encode()
    path = crafted_xlsx.write_package(tmp_path / "long.xlsx", [
        crafted_xlsx.SHEET_HEAD + b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
        b"ID</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>" + text
        + b"</t></is></c></row></sheetData>" + crafted_xlsx.SHEET_TAIL])
    with pytest.raises(xlsx_guard.CellTooLong) as caught, CustomerRows(path) as rows:
        list(rows)
    assert "2" in str(caught.value)


def test_too_many_columns_over_many_rows_is_refused_with_the_way_out(tmp_path: Path) -> None:
    rows = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i)
                    for i in range(1, 3001))
    far = b'<row r="3001"><c r="XFD3001"><v>1</v></c></row>'
    path = crafted_xlsx.write_package(tmp_path / "wide.xlsx", [
        crafted_xlsx.SHEET_HEAD + b"<sheetData>" + rows + far + b"</sheetData>"
        + crafted_xlsx.SHEET_TAIL])
    with pytest.raises(xlsx_guard.RangeTooLarge) as caught:
        sources.open_sheet(path)
    assert "Ctrl+End" in str(caught.value)


def test_an_ordinary_workbook_is_untouched(tmp_path: Path) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "import"
    shapes = xlsx_guard.inspect(fixtures / "customers.xlsx")
    assert [s.name for s in shapes.values()] == ["名单", "说明"]
    assert not any(s.compact for s in shapes.values())
