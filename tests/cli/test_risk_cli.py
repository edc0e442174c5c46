"""``winback import purchases FILE`` and ``winback risk scan|list|dismiss`` on both engines."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..services.test_importing import workbook

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 6, 1)


def winback(url: str, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "winback_desktop.cli", "--database", url,
                           "--lang", lang, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def files(tmp_path: Path) -> tuple[Path, Path]:
    customers = workbook(tmp_path / "c.xlsx", [
        ["K1", "钱七", "13800000011", "active", 0],
        ["K2", "孙八", "13800000012", "active", 4],
    ], ["客户编号", "姓名", "手机", "状态", "投诉次数"])
    rows: list[list[Any]] = []
    for k in range(6):
        rows.append([f"O{k}", "K1", AS_OF - timedelta(days=80 + 14 * k), 25.5])
        rows.append([f"Q{k}", "K2", AS_OF - timedelta(days=2 + 14 * k), 25.5])
    purchases = workbook(tmp_path / "p.xlsx", rows, ["Order No", "Customer ID", "Date", "Amount"])
    return customers, purchases


def test_import_purchases_then_scan_list_and_dismiss(db_url: str, tmp_path: Path) -> None:
    customers, purchases = files(tmp_path)
    assert winback(db_url, "import", str(customers)).returncode == 0
    done = winback(db_url, "import", "purchases", str(purchases), "--json", "--no-scan")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert (data["kind"], data["inserted"], data["rejected"], data["risk_flagged"]) == (
        "purchases", 12, 0, None)
    again = winback(db_url, "import", "purchases", str(purchases), "--no-scan")
    assert again.returncode == 0
    assert "0 new, 12 imported before" in again.stdout

    scan = winback(db_url, "risk", "scan", "--as-of", AS_OF.isoformat(), "--json")
    assert scan.returncode == 0, scan.stderr
    result = json.loads(scan.stdout)
    flagged = {f["external_id"]: f for f in result["flagged"]}
    assert set(flagged) == {"K1", "K2"}
    assert set(flagged["K1"]) >= {"customer_id", "external_id", "signals", "p_alive"}
    assert flagged["K1"]["signals"] == [{
        "code": "rhythm_gap", "text": "No purchase for 80 days; usually buys every 14 days"}]
    assert flagged["K2"]["signals"][0]["text"] == "Complaints on record: 4"

    listed = json.loads(winback(db_url, "risk", "list", "--json").stdout)
    assert {r["external_id"] for r in listed} == {"K1", "K2"}
    zh = winback(db_url, "risk", "list", lang="zh_CN")
    assert "投诉" in zh.stdout, zh.stdout
    flag = next(r["flag_id"] for r in listed if r["external_id"] == "K2")
    dismissed = json.loads(winback(db_url, "risk", "dismiss", str(flag), "--json").stdout)
    assert dismissed == {"flag_id": flag, "status": "active"}
    twice = winback(db_url, "risk", "dismiss", str(flag))
    assert twice.returncode != 0 and twice.stderr.count("\n") == 1
    assert "already closed" in twice.stderr and "Traceback" not in twice.stderr
    empty = winback(db_url, "risk", "scan", "--as-of", AS_OF.isoformat(), "--json")
    assert json.loads(empty.stdout)["flagged"] == []


def test_purchase_import_usage_errors_are_one_line(db_url: str, tmp_path: Path) -> None:
    done = winback(db_url, "import", "purchases")
    assert done.returncode != 0 and "winback import purchases FILE" in done.stderr
    assert done.stderr.count("\n") == 1
    bad = workbook(tmp_path / "bad.xlsx", [["NOPE", AS_OF, 10]], ["客户编号", "日期", "金额"])
    rejected = winback(db_url, "import", "purchases", str(bad), "--json")
    assert rejected.returncode == 1
    data = json.loads(rejected.stdout)
    assert data["errors"][0]["message"] == "No customer has the ID 'NOPE'."


def test_a_customer_list_that_changes_a_flagged_status_closes_the_flag(db_url: str,
                                                                      tmp_path: Path) -> None:
    customers, purchases = files(tmp_path)
    assert winback(db_url, "import", str(customers)).returncode == 0
    assert winback(db_url, "import", "purchases", str(purchases), "--no-scan").returncode == 0
    assert winback(db_url, "risk", "scan", "--as-of", AS_OF.isoformat()).returncode == 0
    lost = workbook(tmp_path / "lost.xlsx", [["K1", "钱七", "13800000011", "流失", 0]],
                    ["客户编号", "姓名", "手机", "状态", "投诉次数"])
    done = winback(db_url, "import", str(lost))
    assert done.returncode == 0, done.stderr
    assert "1 early-warning flags closed: the list changed those customers' status." \
        in done.stdout
    listed = json.loads(winback(db_url, "risk", "list", "--json").stdout)
    assert {r["external_id"] for r in listed} == {"K2"}
    undone = winback(db_url, "import", "undo")
    assert undone.returncode == 0, undone.stderr
    listed = json.loads(winback(db_url, "risk", "list", "--json").stdout)
    assert {r["external_id"] for r in listed} == {"K1", "K2"}
