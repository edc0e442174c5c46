"""Exports on a full disk (issue 15): the previous file stays as it was, no temporary file
is left, and the user gets one translated line instead of an OSError traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from winback_desktop.io import interview_xlsx, offers_xlsx
from winback_desktop.io.xlsx_export import ExportFailed


def _disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(28, "No space left on device")


WRITERS = {
    "interview": lambda p: interview_xlsx.write_tables(p, [("Sheet", ["a"], [[1]])]),
    "offers": lambda p: offers_xlsx.write_report(p, {}, {}),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_full_disk_keeps_the_old_file(name: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"yesterday's report")
    monkeypatch.setattr(xlsxwriter.Workbook, "_store_workbook", _disk_full)
    with pytest.raises(ExportFailed) as caught:
        WRITERS[name](target)
    assert "No space left" in str(caught.value) and "report.xlsx" in str(caught.value)
    assert target.read_bytes() == b"yesterday's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]


def test_a_good_export_replaces_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    interview_xlsx.write_tables(target, [("Sheet", ["a"], [[1]])])
    assert target.read_bytes()[:2] == b"PK"
    assert [p.name for p in tmp_path.iterdir()] == ["report.xlsx"]
