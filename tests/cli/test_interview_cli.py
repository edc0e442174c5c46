"""``winback script …`` and ``winback interview report`` through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path


def test_script_install_list_export_import_and_report(winback, db_url: str,
                                                      tmp_path: Path) -> None:
    r = winback("--database", db_url, "script", "install-defaults", "--json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) == 4
    r = winback("script", "list", "--json", "--database", db_url)
    scripts = json.loads(r.stdout)
    names = {s["name"] for s in scripts}
    assert {"Exit interview (win-back)", "流失客户退出访谈"} <= names
    out = tmp_path / "exit.json"
    r = winback("--database", db_url, "script", "export", "Exit interview (win-back)",
                str(out), "--version", "1")
    assert r.returncode == 0, r.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["questions"][0]["key"] == "intro"
    r = winback("--database", db_url, "--json", "script", "import", str(out))
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["version"] == 2
    assert json.loads(r.stdout)["status"] == "draft"
    r = winback("--database", db_url, "--json", "interview", "report", "--from", "2026-01-01")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["completed"] == 0 and data["agents"] == []


def test_malformed_script_files_fail_with_one_clear_line(winback, sqlite_db,
                                                         tmp_path: Path) -> None:
    url = sqlite_db.url
    cases = {
        "broken.json": ('{"name": "x",\n  "questions": [\n', "line 3"),
        "type.json": ('{"name": "x", "questions": [\n {"key": "a", "text": "t", '
                      '"type": "essay"}]}', "Unknown question type 'essay'"),
        "goto.json": ('{"name": "x", "questions": [\n {"key": "a", "text": "t", '
                      '"type": "text", "goto": "zz"}]}', "questions[0].goto"),
        "schema.json": ('{"questions": "none"}', "name: This field is required"),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        r = winback("--database", url, "script", "import", str(path))
        assert r.returncode != 0, name
        assert "Traceback" not in r.stderr
        assert expected in r.stderr, (name, r.stderr)
        assert r.stderr.count("\n") == 1, r.stderr
    r = winback("--database", url, "script", "import", str(tmp_path / "missing.json"))
    assert r.returncode != 0 and "Cannot read" in r.stderr
    r = winback("--database", url, "script", "export", "Nope", str(tmp_path / "o.json"))
    assert r.returncode != 0 and "Not found" in r.stderr


def test_errors_are_translated(winback, sqlite_db, tmp_path: Path) -> None:
    path = tmp_path / "type.json"
    path.write_text('{"name": "x", "questions": [{"key": "a", "text": "t", "type": "essay"}]}',
                    encoding="utf-8")
    r = winback("--database", sqlite_db.url, "script", "import", str(path), lang="zh_CN")
    assert r.returncode != 0
    assert "未知的问题类型" in r.stderr, r.stderr
