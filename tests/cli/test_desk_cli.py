"""``winback desk …`` through the real command line: callbacks, figures, worked customers,
not-ready reasons, the wrap-up limit, and a supervisor's forced not-ready and logout."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from tests.services.queue_helpers import agent, campaign, customers
from tests.services.use_case_helpers import add_user, audit_actions
from winback_desktop.db.models import AgentPresence, CallTask
from winback_desktop.services import calls, presence, queue


def _json(result):  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_desk_commands(winback, db, db_url, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent1")
    add_user(db, admin, "sup", "supervisor")
    ids = customers(db, [{"name": "Ada Lovelace", "external_id": "C1"}, {"name": "Bo"}])
    campaign(db, admin, [a], window_start=time(0, 0), window_end=time(23, 59, 59))
    task = queue.claim_next_task(db, a)
    assert task is not None
    calls.log_call(db, a, task.task_id, "callback",
                   callback_at=datetime.now(UTC) - timedelta(minutes=5))
    got = _json(winback("--database", db_url, "desk", "callbacks", "--agent", "agent1",
                        "--json"))
    assert [(r["customer_id"], r["overdue"]) for r in got] == [(task.customer_id, True)]
    today = _json(winback("--database", db_url, "desk", "today", "--agent", "agent1", "--json"))
    # an agreed callback is a conversation: the one-shot log records the call as answered
    assert today["calls"] == 1 and today["contacts"] == 1
    worked = _json(winback("--database", db_url, "desk", "customers", "--agent", "agent1",
                           "--search", task.name[:3], "--json"))
    assert [w["customer_id"] for w in worked] == [task.customer_id]
    assert ids

    out = winback("--database", db_url, "desk", "reason", "coaching", "--name", "Coaching")
    assert out.returncode == 0, out.stderr
    codes = [r["code"] for r in _json(winback("--database", db_url, "desk", "reasons",
                                              "--json"))]
    assert codes[-1] == "coaching" and codes[0] == "break"
    assert _json(winback("--database", db_url, "desk", "wrap-up-limit", "90", "--json")) == {
        "wrap_up_limit_seconds": 90}
    bad = winback("--database", db_url, "desk", "wrap-up-limit", "--", "-1")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr

    presence.set_state(db, a, "ready")
    out = winback("--database", db_url, "desk", "not-ready", "agent1", "--reason", "coaching",
                  "--by", "sup")
    assert out.returncode == 0, out.stderr
    with db.session() as s:
        row = s.scalar(select(AgentPresence))
        assert (row.state, row.reason) == ("break", "coaching")
    refused = winback("--database", db_url, "desk", "not-ready", "agent1", "--reason", "lunch",
                      "--by", "agent1")
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    out = winback("--database", db_url, "desk", "logout", "agent1", "--by", "sup")
    assert out.returncode == 0, out.stderr
    # the agent's refused attempt is audited too (issue 15)
    assert audit_actions(db)[-3:] == ["agent_forced_not_ready", "refused", "agent_forced_logout"]
    with db.session() as s:
        assert s.scalar(select(AgentPresence.state)) == "offline"
        assert s.scalar(select(CallTask.status).where(CallTask.id == task.task_id)) == "callback"


def test_an_agent_cannot_read_another_agents_desk(winback, db, db_url, admin) -> None:  # type: ignore[no-untyped-def]
    from tests.services.queue_helpers import agent

    agent(db, admin, "nosy1")
    agent(db, admin, "other1")
    for what in ("callbacks", "today", "customers"):
        r = winback("--database", db_url, "desk", what, "--agent", "other1", as_user="nosy1")
        assert r.returncode == 2, (what, r.stdout)
        assert "only as yourself" in r.stderr
    mine = winback("--database", db_url, "desk", "today", "--agent", "nosy1", "--json")
    assert mine.returncode == 0, mine.stderr
