"""``winback queue|call|sltv|campaign`` through the real command line (subprocess)."""

from __future__ import annotations

import json
from datetime import date, time

from sqlalchemy import select

from tests.services.queue_helpers import agent, campaign, customers
from winback_desktop.db.models import Call, CallTask


def _json(result):  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_queue_next_log_release_and_list(winback, db, db_url, admin) -> None:
    a = agent(db, admin, "agent1")
    ids = customers(db, [{"external_id": "C1", "sltv_minor": 900},
                         {"external_id": "C2", "sltv_minor": 100}])
    campaign(db, admin, [a], name="Q4", window_start=time(0, 0), window_end=time(0, 0))
    got = _json(winback("--database", db_url, "queue", "next", "--agent", "agent1",
                        "--campaign", "Q4", "--json"))
    assert (got["customer_id"], got["external_id"], got["sltv"], got["segment"]) == (
        ids[0], "C1", 900, "quick")
    listed = _json(winback("queue", "list", "--database", db_url, "--json"))
    assert [r["status"] for r in listed] == ["claimed", "queued"]
    next_year = date.today().year + 1  # a callback is at most a year ahead
    logged = _json(winback("--database", db_url, "call", "log", str(got["task_id"]),
                           "--disposition", "callback", "--callback-at", f"{next_year}-01-02T10:00",
                           "--notes", "call me next year", "--json", as_user="agent1"))
    assert logged["task_status"] == "callback"
    # without an offset the callback time is the customer's local time (Shanghai, +08:00)
    assert logged["callback_at"].startswith(f"{next_year}-01-02T02:00:00")
    second = _json(winback("--database", db_url, "queue", "next", "--agent", "agent1",
                           "--json"))
    assert second["external_id"] == "C2"
    rel = winback("--database", db_url, "queue", "release", str(second["task_id"]),
                  as_user="agent1")
    assert rel.returncode == 0, rel.stderr
    with db.session() as s:
        assert s.scalar(select(CallTask.status).where(CallTask.id == second["task_id"])) == \
            "queued"
        call = s.scalar(select(Call))
        assert call is not None and call.notes == "call me next year"


def test_queue_next_prints_null_when_nothing_is_eligible(winback, db, db_url, admin) -> None:
    agent(db, admin, "agent1")
    out = winback("--database", db_url, "queue", "next", "--agent", "agent1", "--json")
    assert out.returncode == 0 and json.loads(out.stdout) is None
    assert _json(winback("--database", db_url, "queue", "list", "--json")) == []


def test_errors_are_one_line_without_traceback(winback, db, db_url, admin) -> None:
    agent(db, admin, "agent1")
    for args in (["queue", "next", "--agent", "nobody"],
                 ["call", "log", "999", "--disposition", "busy", "--agent", "agent1"],
                 ["queue", "next", "--agent", "agent1", "--campaign", "missing"],
                 ["campaign", "create", "x", "--window", "9-late"],
                 ["sltv", "explain", "C404"]):
        out = winback("--database", db_url, *args)
        assert out.returncode != 0
        assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1, (
            args, out.stderr)


def test_campaign_create_preview_start_list_and_sltv(winback, db, db_url, admin) -> None:
    agent(db, admin, "agent1")
    customers(db, [{"external_id": "C1", "annual_margin_minor": 1_000_000,
                    "do_not_call": True},
                   {"external_id": "C2", "annual_margin_minor": 200_000}])
    made = _json(winback("--database", db_url, "campaign", "create", "Spring", "--kind",
                         "win_back", "--window", "00:00-00:00", "--agents", "agent1",
                         "--max-attempts", "3", "--sltv-param", "horizon_years=1", "--json"))
    assert (made["status"], made["max_attempts"], made["sltv_params"]) == (
        "draft", 3, {"horizon_years": 1})
    preview = _json(winback("--database", db_url, "campaign", "preview", "Spring", "--json"))
    assert (preview["matching"], preview["do_not_call"], preview["eligible"]) == (2, 1, 1)
    started = _json(winback("--database", db_url, "campaign", "start", "Spring", "--json"))
    assert started["tasks_added"] == 2
    listed = _json(winback("--database", db_url, "campaign", "list", "--json"))
    assert listed[0]["task_counts"] == {"queued": 1, "do_not_call": 1}
    rec = _json(winback("--database", db_url, "sltv", "recompute", "--json"))
    assert rec["changed"] == 2  # the customers: starting valued the tasks already
    explained = _json(winback("--database", db_url, "sltv", "explain", "C2", "--campaign",
                              "Spring", "--json"))
    assert explained["sltv_minor"] == round(200_000 / 1.1) - 2000
    assert len(explained["years"]) == 1 and "horizon_years" not in explained["defaulted"]
    text = winback("--database", db_url, "sltv", "explain", "C2")
    assert text.returncode == 0 and "year 5" in text.stdout
