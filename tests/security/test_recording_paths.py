"""Recording paths are stored absolute and normalised, inside the scanned folder (issue 15).

Scanning the same folder once by a relative path and once by its absolute path used to
link the same file twice; a link in the folder pointing elsewhere on the disk was linked
as if it were a recording of the call.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.test_monitoring_qa import floor  # noqa: F401  (fixture)
from winback_desktop.db.models import Recording
from winback_desktop.services import recordings

PATTERN = "{agent}_{time:%Y%m%d-%H%M%S}"


def test_the_same_folder_by_two_names_links_each_file_once(
        db, floor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "a1_20261116-100030.wav").write_bytes(b"RIFF....WAVE")
    monkeypatch.chdir(tmp_path)
    first = recordings.scan_folder(db, floor["sup"], Path("rec"), PATTERN,
                                   timezone="Asia/Shanghai")
    again = recordings.scan_folder(db, floor["sup"], Path("..") / tmp_path.name / "rec",
                                   PATTERN, timezone="Asia/Shanghai")
    assert len(first.matched) == 1 and again.matched == [] and again.already_linked == 1
    with db.session() as s:
        paths = s.scalars(select(Recording.path)).all()
    assert paths == [str((folder / "a1_20261116-100030.wav").resolve())]
    assert Path(paths[0]).is_absolute()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_out_of_the_folder_is_not_linked(db, floor, tmp_path: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    folder = tmp_path / "rec"
    folder.mkdir()
    secret = tmp_path / "elsewhere" / "a1_20261116-100030.wav"
    secret.parent.mkdir()
    secret.write_bytes(b"RIFF....WAVE")
    (folder / "a1_20261116-100030.wav").symlink_to(secret)
    report = recordings.scan_folder(db, floor["sup"], folder, PATTERN, timezone="Asia/Shanghai")
    assert report.matched == []
    assert [u["reason"] for u in report.unmatched] == ["outside"]
