"""Recordings patterns written with the file's extension, and reports that name the pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from winback_desktop.services import recordings

from .test_monitoring_qa import floor  # noqa: F401  (fixture)


@pytest.mark.parametrize("pattern", ["{agent}_{time:%Y%m%d-%H%M%S}.wav",
                                     "{agent}_{time:%Y%m%d-%H%M%S}"])
def test_a_pattern_may_include_the_extension(db, floor, tmp_path: Path,  # noqa: F811
                                             pattern: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "a1_20261116-100030.WAV").write_bytes(b"RIFF....WAVE")  # 02:00:30 UTC
    report = recordings.scan_folder(db, floor["sup"], folder, pattern, timezone="Asia/Shanghai")
    assert report.pattern == pattern
    assert [m["call_id"] for m in report.matched] == [floor["calls"][0]]
    assert report.as_dict()["pattern"] == pattern


def test_an_extension_in_the_pattern_only_matches_that_kind_of_file(
        db, floor, tmp_path: Path) -> None:  # noqa: F811  # type: ignore[no-untyped-def]
    folder = tmp_path / "rec"
    folder.mkdir()
    mp3 = folder / "a1_20261116-100030.mp3"
    mp3.write_bytes(b"ID3")
    report = recordings.scan_folder(db, floor["sup"], folder,
                                    "{agent}_{time:%Y%m%d-%H%M%S}.wav", timezone="Asia/Shanghai")
    assert report.matched == []
    assert report.unmatched == [{"file": str(mp3), "reason": "name"}]
