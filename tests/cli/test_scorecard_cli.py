"""``winback scorecard|leaderboard`` JSON: every figure with its denominator; the team
row is the team; agents with nothing share the last rank (issue 14)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from winback_desktop.db.models import Call, Customer
from winback_desktop.services import users


def _json(result: Any) -> Any:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_scorecard_json_gives_denominators_and_a_truthful_team(winback, db, db_url,
                                                               admin, tmp_path) -> None:
    start = datetime(2026, 11, 10, 2, 0, tzinfo=UTC)
    with db.session() as s:
        a1 = users.add_user(s, admin, "a1", "agent", "agent-pass-1")
        users.add_user(s, admin, "a2", "agent", "agent-pass-2")
        c = Customer(name="C", sltv_minor=500)
        s.add(c)
        s.flush()
        for i, disposition in enumerate(("won_back", "not_interested", "won_back")):
            t = start + timedelta(minutes=10 * i)
            s.add(Call(customer_id=c.id, agent_id=a1.id, started_at=t,
                       answered_at=t + timedelta(seconds=5), ended_at=t + timedelta(seconds=305),
                       hold_seconds=20, wrapup_ended_at=t + timedelta(seconds=345),
                       answered_by="phone" if i else "agent",
                       ended_by="phone" if i else "agent",
                       disposition=disposition,
                       sltv_minor=500 if disposition == "won_back" else None))
    data = _json(winback("--database", db_url, "scorecard", "--period", "2026-11", "--json"))
    a1_card = next(a for a in data["agents"] if a["login"] == "a1")
    assert a1_card["avg_handle_s"] == a1_card["avg_talk_s"] + a1_card["avg_hold_s"] + \
        a1_card["avg_wrap_s"]
    assert a1_card["denominators"]["avg_handle_s"] == {"of": "handled_calls", "value": 3}
    assert a1_card["denominators"]["win_back_rate"] == {"of": "winback_rpc", "value": 3}
    assert data["definitions"]["win_back_rate"]["denominator"] == "winback_rpc"
    assert (data["team"]["dials"], data["team"]["agents"]) == (3, 2)
    assert data["agent_average"]["dials"] == 1.5
    assert "team_average" not in data
    assert sum(a1_card["win_backs_per_day"]) == a1_card["win_backs"] == 2
    # two calls timed by the phone system, one by the buttons: said in JSON and xlsx
    assert data["timing"] == {"measured": 2, "entered": 1}
    import openpyxl

    book = tmp_path / "cards.xlsx"
    _json(winback("--database", db_url, "scorecard", "--period", "2026-11", "--export",
                  str(book), "--json"))
    note = openpyxl.load_workbook(book).active["A3"].value
    assert note == ("Talk, hold and handle times: 2 calls measured by the phone system, "
                    "1 entered with the buttons.")
    board = _json(winback("--database", db_url, "leaderboard", "--metric", "points",
                          "--period", "2026-11", "--json"))
    assert [(r["rank"], r["of"]) for r in board] == [(2, 2), (2, 2)]
