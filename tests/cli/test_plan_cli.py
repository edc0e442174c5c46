"""``winback plan list|show|enroll|todo|done|export --json`` on both engines."""

from __future__ import annotations

import json
from pathlib import Path

from ..services.test_importing import workbook
from .test_risk_cli import winback


def test_plan_commands(db_url: str, tmp_path: Path) -> None:
    customers = workbook(tmp_path / "c.xlsx", [["P1", "长期的王", "13800000021", "搬家"]],
                         ["客户编号", "姓名", "手机", "流失原因"])
    assert winback(db_url, "import", str(customers)).returncode == 0
    listed = json.loads(winback(db_url, "plan", "list", "--json").stdout)
    default = next(p for p in listed if p["name"] == "Long-term win-back")
    assert [{"channel": s["channel"], "wait_days": s["wait_days"]} for s in default["steps"]] == [
        {"channel": "letter", "wait_days": 0}, {"channel": "email", "wait_days": 14},
        {"channel": "call", "wait_days": 21}, {"channel": "sms", "wait_days": 30},
        {"channel": "call", "wait_days": 30}]
    shown = json.loads(winback(db_url, "plan", "show", str(default["id"]), "--json").stdout)
    assert shown["name"] == "Long-term win-back"

    refused = winback(db_url, "plan", "enroll", "P1")
    assert refused.returncode != 0 and refused.stderr.count("\n") == 1
    assert "choose the campaign" in refused.stderr
    created = winback(db_url, "campaign", "create", "长期", "--json")
    assert created.returncode == 0, created.stderr
    enrolled = winback(db_url, "plan", "enroll", "P1", "--campaign", "1", "--json")
    assert enrolled.returncode == 0, enrolled.stderr
    data = json.loads(enrolled.stdout)
    assert data["status"] == "active" and data["steps"][0]["channel"] == "letter"

    todo = json.loads(winback(db_url, "plan", "todo", "--json").stdout)
    assert [t["channel"] for t in todo] == ["letter"]
    out = tmp_path / "merge.xlsx"
    exported = json.loads(winback(db_url, "plan", "export", str(out), "--json").stdout)
    assert exported["rows"] == 1 and out.exists()
    done = json.loads(winback(db_url, "plan", "done", str(todo[0]["run_id"]), "--json").stdout)
    assert done["status"] == "done"
    progress = json.loads(winback(db_url, "plan", "show", "--customer", "P1", "--json").stdout)
    assert progress[0]["done_steps"] == 1
    zh = winback(db_url, "plan", "enroll", "P1", lang="zh_CN")
    assert zh.returncode != 0 and "已在执行" in zh.stderr
