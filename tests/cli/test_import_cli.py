"""``winback import`` / ``winback import undo`` / ``winback export customers``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from winback_desktop.db.models import Customer

from ..services.test_importing import good_rows, workbook

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "import"


def winback(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "winback_desktop.cli", "--database", url,
                           *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def url(sqlite_db) -> str:  # type: ignore[no-untyped-def]
    return str(sqlite_db.url)


def count(url: str) -> int:
    from winback_desktop.db.session import Database

    db = Database(url)
    try:
        with db.session() as s:
            return int(s.scalar(select(func.count()).select_from(Customer)) or 0)
    finally:
        db.dispose()


def test_import_json(url: str) -> None:
    done = winback(url, "import", str(FIXTURES / "customers.xls"), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {k: data[k] for k in ("rows", "inserted", "updated", "rejected")} == {
        "rows": 4, "inserted": 4, "updated": 0, "rejected": 0}
    assert isinstance(data["batch_id"], int)
    assert data["errors"] == []
    assert count(url) == 4
    again = json.loads(winback(url, "import", str(FIXTURES / "customers.xlsx"), "--json").stdout)
    assert (again["inserted"], again["unchanged"]) == (0, 4)


def test_rejected_file_reports_rows_and_writes_error_report(url: str, tmp_path: Path) -> None:
    rows = good_rows(3)
    rows[2][2] = "12345"
    path = workbook(tmp_path / "bad.xlsx", rows)
    report = tmp_path / "report.xlsx"
    done = winback(url, "import", str(path), "--json", "--error-report", str(report))
    assert done.returncode == 1
    data = json.loads(done.stdout)
    assert data["batch_id"] is None
    assert (data["inserted"], data["rejected"]) == (0, 1)
    assert data["errors"] == [{"row": 4, "column": "手机",
                               "message": "'12345' is not a valid phone number."}]
    assert report.exists()
    assert count(url) == 0
    text = winback(url, "import", str(path), "--valid-only")
    assert text.returncode == 0
    assert "2 new" in text.stdout and "1 rejected" in text.stdout
    assert "row 4, 手机: '12345' is not a valid phone number." in text.stdout
    assert count(url) == 2


def test_undo(url: str, tmp_path: Path) -> None:
    winback(url, "import", str(workbook(tmp_path / "a.xlsx", good_rows(3))))
    done = winback(url, "import", "undo", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["removed"] == 3
    assert count(url) == 0
    nothing = winback(url, "import", "undo")
    assert nothing.returncode == 2
    assert nothing.stdout == ""
    assert "Traceback" not in nothing.stderr
    assert len(nothing.stderr.strip().splitlines()) == 1


def test_saved_mapping_by_name(url: str, tmp_path: Path) -> None:
    odd = workbook(tmp_path / "odd.xlsx", [["Z1", "Zoe", "13800138000"]], ["A", "B", "C"])
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"external_id": "A", "name": "B", "phone": "C"}))
    first = winback(url, "import", str(odd), "--mapping", str(mapping), "--save-mapping", "CRM")
    assert first.returncode == 0, first.stderr
    odd2 = workbook(tmp_path / "odd2.xlsx", [["Z2", "Zed", "13800138001"]], ["A", "B", "C"])
    second = winback(url, "import", str(odd2), "--mapping", "CRM", "--json")
    assert json.loads(second.stdout)["inserted"] == 1
    missing = winback(url, "import", str(odd2), "--mapping", "nope")
    assert missing.returncode == 2 and "nope" in missing.stderr


def test_preview_does_not_write(url: str) -> None:
    done = winback(url, "import", str(FIXTURES / "customers.xlsx"), "--preview", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["header_row"], data["rows"], data["valid"]) == (4, 4, 4)
    assert data["mapping"]["phone"] == "手机"
    assert count(url) == 0


@pytest.mark.parametrize(("content", "needle"), [
    (b"", "is empty"),
    (b"<html><table><tr><td>x</td></tr></table></html>", "web page"),
    (b"PK\x03\x04broken", "damaged"),
    (None, "password"),
])
def test_bad_files_give_one_clear_line(url: str, tmp_path: Path, content: bytes | None,
                                       needle: str) -> None:
    if content is None:
        path = FIXTURES / "encrypted.xlsx"
    else:
        path = tmp_path / "bad.xls"
        path.write_bytes(content)
    done = winback(url, "import", str(path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0]
    assert count(url) == 0


@pytest.mark.parametrize(("lang", "needle"), [("en", "100:1"), ("zh_CN", "解压")])
def test_a_zip_bomb_is_refused_in_one_line_in_both_languages(url: str, tmp_path: Path,
                                                             lang: str, needle: str) -> None:
    from tests import crafted_xlsx

    path = crafted_xlsx.inflating_workbook(tmp_path / "inflating.xlsx")
    done = winback(url, "--lang", lang, "import", str(path))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "inflating.xlsx" in lines[0]
    assert count(url) == 0


def test_errors_in_chinese(url: str, tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    done = winback(url, "--lang", "zh_CN", "import", str(path))
    assert done.returncode == 2
    assert "empty.xlsx" in done.stderr
    assert "空" in done.stderr


def test_export_customers(url: str, tmp_path: Path) -> None:
    winback(url, "import", str(FIXTURES / "customers.xlsx"))
    out = tmp_path / "lost.csv"
    done = winback(url, "export", "customers", str(out), "--status", "lost", "--reason",
                   "moved_away", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"file": str(out), "rows": 1}
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "K003" in out.read_text(encoding="utf-8-sig")
    xlsx = tmp_path / "all.xlsx"
    text = winback(url, "export", "customers", str(xlsx))
    assert text.returncode == 0 and "4" in text.stdout
    assert xlsx.exists()


def test_recordings_scan_names_its_pattern(url: str, tmp_path: Path) -> None:
    folder = tmp_path / "rec"
    folder.mkdir()
    (folder / "nobody_20261116-100030.wav").write_bytes(b"RIFF")
    pattern = "{agent}_{time:%Y%m%d-%H%M%S}.wav"
    done = winback(url, "recordings", "scan", str(folder), "--pattern", pattern)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"Pattern {pattern}: 1 files")
    data = json.loads(winback(url, "recordings", "scan", str(folder), "--pattern", pattern,
                              "--json").stdout)
    assert data["pattern"] == pattern and data["unmatched"][0]["reason"] == "no_call"


def test_conflicts_are_reported_and_resolved_with_on_conflict(url: str, tmp_path: Path) -> None:
    rows = [["D1", "first", "13800000001"], ["D2", "other", "13800000002"],
            ["D1", "second", "13800000009"]]
    path = workbook(tmp_path / "c.xlsx", rows, ["编号", "姓名", "手机"])
    done = winback(url, "import", str(path))
    assert done.returncode == 1 and count(url) == 0
    assert "Rows 2, 4: customer D1, different Name, Phone; all rejected." in done.stdout
    data = json.loads(winback(url, "import", str(path), "--json").stdout)
    assert data["conflicts"] == [{"key": "D1", "rows": [2, 4], "fields": ["name", "phone"],
                                  "field_labels": ["Name", "Phone"], "resolution": "reject",
                                  "kept": None}]
    zh = winback(url, "--lang", "zh_CN", "import", str(path))
    assert "第 2, 4 行" in zh.stdout and "姓名" in zh.stdout
    last = winback(url, "import", str(path), "--on-conflict", "last")
    assert last.returncode == 0, last.stderr
    assert "row 4 imported" in last.stdout
    assert count(url) == 2
    bad = winback(url, "import", str(path), "--on-duplicate", "new")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr


def test_a_chinese_export_imports_back(url: str, tmp_path: Path) -> None:
    winback(url, "import", str(FIXTURES / "customers.xlsx"))
    out = tmp_path / "客户.xlsx"
    assert winback(url, "--lang", "zh_CN", "export", "customers", str(out)).returncode == 0
    import openpyxl

    header = next(openpyxl.load_workbook(out).active.iter_rows(values_only=True))
    assert header[:3] == ("客户编号", "姓名", "电话") and "状态" in header
    fresh = f"sqlite:///{(tmp_path / 'fresh.sqlite3').as_posix()}"
    done = winback(fresh, "--create", "import", str(out), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["inserted"], data["rejected"], data["warnings"]) == (4, 0, [])


def test_a_file_without_a_valid_row_offers_no_valid_only(url: str, tmp_path: Path) -> None:
    """Nothing to import either way: --valid-only is not suggested, "1 rows" never said."""
    path = workbook(tmp_path / "one.xlsx", [["E1", "nobody", ""]], ["编号", "姓名", "手机"])
    done = winback(url, "import", str(path))
    assert done.returncode == 1 and count(url) == 0
    assert done.stdout.startswith("Nothing was imported: the file's one row has errors."), \
        done.stdout
    assert "--valid-only" not in done.stdout
    ok = winback(url, "import", str(workbook(tmp_path / "good.xlsx", [["E2", "某人",
                                                                       "13800000002"]],
                                                 ["编号", "姓名", "手机"])))
    assert ok.returncode == 0, ok.stderr
    assert ": 1 row, 1 new," in ok.stdout, ok.stdout


def test_an_undecodable_csv_gets_one_translated_line(db_url: str, admin, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests import cli_runner

    path = tmp_path / "乱码.csv"
    path.write_bytes(b"ID,Name\n" + bytes(range(0x80, 0x100)) * 20 + b"\n")
    for lang, needle in (("en", "not in a known encoding"), ("zh_CN", "编码")):
        done = cli_runner.run("--database", db_url, "import", str(path), lang=lang)
        assert done.returncode != 0
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and needle in lines[0] and "乱码.csv" in lines[0], done.stderr
        assert "Traceback" not in done.stderr
