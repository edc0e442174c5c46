"""``winback call start|answer|end|outcome|amend|show|list --open`` in a subprocess."""

from __future__ import annotations

import json
from datetime import time

from tests.services.queue_helpers import agent, campaign, customers
from winback_desktop.services import users


def _json(result):  # type: ignore[no-untyped-def]
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_call_step_by_step_from_a_script(winback, db, db_url, admin) -> None:
    agent(db, admin, "agent1")
    with db.session() as s:
        users.add_user(s, admin, "sup1", "supervisor", "sup-pass-1")
    a = agent(db, admin, "agent2")
    customers(db, [{"external_id": "C1"}])
    campaign(db, admin, [a], name="Q4", window_start=time(0, 0), window_end=time(0, 0))
    task = _json(winback("--database", db_url, "queue", "next", "--agent", "agent2", "--json"))
    started = _json(winback("--database", db_url, "call", "start", str(task["task_id"]),
                            "--agent", "agent2", "--phone", "+8613900000001", "--json"))
    call = str(started["call_id"])
    assert started["step"] == "dialling"
    plain = winback("--database", db_url, "call", "list", "--open")
    assert plain.returncode == 0 and "agent2" in plain.stdout
    listed = _json(winback("--database", db_url, "call", "list", "--open", "--json"))
    assert [(c["call_id"], c["step"]) for c in listed] == [(int(call), "dialling")]
    # a win-back before anyone answered is refused, with a sentence saying why
    early = winback("--database", db_url, "call", "outcome", call, "--disposition",
                    "won_back")
    assert early.returncode == 2 and "needs a conversation" in early.stderr
    assert _json(winback("--database", db_url, "call", "answer", call, "--json"))["changed"]
    again = _json(winback("--database", db_url, "call", "answer", call, "--json"))
    assert again["changed"] is False and again["step"] == "answered"
    ended = _json(winback("--database", db_url, "call", "end", call, "--json"))
    assert ended["step"] == "outcome"
    out = _json(winback("--database", db_url, "call", "outcome", call, "--disposition",
                        "won_back", "--notes", "3 months free", "--json"))
    assert (out["task_status"], out["step"]) == ("done", "done")
    assert _json(winback("--database", db_url, "call", "list", "--open", "--json")) == []
    # amending needs a reason and the right person
    other = winback("--database", db_url, "call", "amend", call, "--disposition",
                    "not_interested", "--reason", "wrong key", "--by", "agent1")
    assert other.returncode == 2
    amended = _json(winback("--database", db_url, "call", "amend", call, "--disposition",
                            "not_interested", "--reason", "wrong key", "--by", "sup1",
                            "--json"))
    assert amended["disposition"] == "not_interested"
    shown = _json(winback("--database", db_url, "call", "show", call, "--json"))
    assert (shown["disposition"], shown["step"], shown["agent_login"], shown["phone_e164"]) \
        == ("not_interested", "done", "agent2", "+8613900000001")
    assert shown["amended_at"] is not None
    assert [(x["from"], x["to"], x["reason"], x["by"], x["by_supervisor"])
            for x in shown["amendments"]] == [
        ("won_back", "not_interested", "wrong key", "sup1", True)]
    # the scheduled sweep: nothing is stale, nothing closes
    assert _json(winback("--database", db_url, "call", "sweep", "--json")) == {"abandoned": []}
    zh = winback("--database", db_url, "call", "show", "999999", lang="zh_CN")
    assert zh.returncode == 2
