"""``winback model|report`` and the P(win) parts of ``sltv explain``, ``queue list`` and
``campaign update --order`` through the real command line (subprocess)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time
from pathlib import Path

from openpyxl import load_workbook

from tests.services.queue_helpers import agent, campaign, customers
from winback_desktop.services import calls, queue


def _json(result):  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_order_refresh_explain_list_and_report(winback, db, db_url, admin,  # type: ignore[no-untyped-def]
                                               tmp_path: Path) -> None:
    a = agent(db, admin, "agent1")
    ids = customers(db, [{"external_id": "C1", "sltv_minor": 900_000,
                          "defection_reason": "pulled_away"},
                         {"external_id": "C2", "sltv_minor": 100_000}])
    cid = campaign(db, admin, [a], name="Q4", window_start=time(0, 0), window_end=time(0, 0))
    now = datetime.now(UTC)
    task = queue.claim_next_task(db, a, cid, now=now)
    assert task is not None and task.customer_id == ids[0]
    calls.log_call(db, a, task.task_id, "won_back", now=now)

    updated = _json(winback("--database", db_url, "campaign", "update", "Q4", "--order",
                            "expected_value", "--json"))
    assert updated["queue_order"] == "expected_value"
    refreshed = _json(winback("--database", db_url, "model", "refresh", "--full", "--json"))
    assert (refreshed["tries"], refreshed["wins"], refreshed["facts_added"]) == (1, 1, 0)
    explained = _json(winback("--database", db_url, "sltv", "explain", "C2", "--campaign",
                              "Q4", "--json"))
    basis = explained["p_win_basis"]
    assert 0 < explained["p_win"] < 1
    assert basis["cell"]["reason"] == "unknown" and basis["tries"] == 0
    assert explained["expected_value_minor"] == (
        explained["expected_value"]["expected_gain_minor"] - explained["expected_cost_minor"])
    listed = _json(winback("--database", db_url, "queue", "list", "--campaign", "Q4",
                           "--json"))
    assert [r["customer_id"] for r in listed] == [ids[1]]
    assert listed[0]["p_win"] == explained["p_win"] or abs(
        listed[0]["p_win"] - explained["p_win"]) < 1e-6
    assert listed[0]["expected_value_minor"] == explained["expected_value_minor"]
    text = winback("--database", db_url, "sltv", "explain", "C2", "--lang", "zh_CN")
    assert text.returncode == 0 and "下一次通话的挽回概率" in text.stdout

    month = now.strftime("%Y-%m")
    report = _json(winback("--database", db_url, "report", "programme", "--period", month,
                           "--export", str(tmp_path / "p.xlsx"), "--json"))
    assert report["totals"]["won_back"] == 1
    for key in ("by_reason", "by_tier", "by_segment", "by_campaign", "by_team"):
        assert sum(g["won_back"] for g in report[key]) == 1
    assert isinstance(report["cohorts"], list)
    assert "Totals" in load_workbook(tmp_path / "p.xlsx").sheetnames
    zh = winback("--database", db_url, "report", "programme", "--period", month,
                 "--export", str(tmp_path / "p.pdf"), "--lang", "zh_CN")
    assert zh.returncode == 0, zh.stderr
    assert "挽回" in zh.stdout and (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")


def test_bad_period_and_order_are_one_line(winback, db, db_url, admin) -> None:  # type: ignore[no-untyped-def]
    for args in (["report", "programme", "--period", "2026-13"],
                 ["report", "programme", "--period", "soon"]):
        out = winback("--database", db_url, *args)
        assert out.returncode != 0
        assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1
    out = winback("--database", db_url, "campaign", "update", "nope", "--order", "random")
    assert out.returncode != 0 and "Traceback" not in out.stderr
