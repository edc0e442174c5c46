"""Phone hooks move only this workstation's agent's own call (issue 15).

``winback phone hook`` runs without a login (MicroSIP waits for it), so it must not be a
way to move someone else's call: an event whose number is another agent's open call, a
``--workstation`` naming another PC, or a presence row pointing at a call its agent does
not own is refused and audited, and the other call stays as it was -- on the direct
database path and through the running app's loopback channel alike.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AgentPresence, AuditEntry, Call
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import hook, hook_channel

WINBACK = str(Path(sys.executable).with_name("winback"))
HERE = platform.node()[:100]
MINE, THEIRS = "+8613800000000", "+8613800000001"  # customers()' first phones


@pytest.fixture
def two_calls(db, admin):  # type: ignore[no-untyped-def]
    """agent01 on a call here, agent02 on a call on OTHER-PC."""
    a1 = agent(db, admin, "agent01")
    a2 = replace(agent(db, admin, "agent02"), workstation="OTHER-PC")
    customers(db, [{}, {}])
    campaign(db, admin, [a1, a2])
    ids = {}
    for who in (a1, a2):
        task = queue.claim_next_task(db, who, now=NOW)
        assert task is not None
        ids[who.login] = calls.start_call(db, who, task.task_id)
    with db.session() as s:
        numbers = {c.agent_id: c.phone_e164 for c in s.scalars(select(Call))}
    assert numbers[a1.user_id] != numbers[a2.user_id]
    return {"db": db, "a1": a1, "a2": a2, "mine": ids["agent01"], "theirs": ids["agent02"],
            "mine_number": numbers[a1.user_id], "their_number": numbers[a2.user_id]}


def _untouched(db, call_id: int) -> bool:  # type: ignore[no-untyped-def]
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        return call.answered_at is None and call.ended_at is None


def _refusals(db) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    with db.session() as s:
        return [dict(a or {}) for a in s.scalars(
            select(AuditEntry.after).where(AuditEntry.action == "refused"))]


def test_another_agents_number_is_refused_and_audited(two_calls) -> None:  # type: ignore[no-untyped-def]
    db = two_calls["db"]
    with pytest.raises(PermissionDenied):
        hook.handle_hook(db, "call-start", two_calls["their_number"], datetime.now(UTC), HERE)
    assert _untouched(db, two_calls["theirs"])
    rows = _refusals(db)
    assert [r["action"] for r in rows] == ["phone_hook"]
    assert rows[0]["call_id"] == str(two_calls["theirs"])
    # this workstation's own call still works
    out = hook.handle_hook(db, "call-start", two_calls["mine_number"], datetime.now(UTC), HERE)
    assert out.call_id == two_calls["mine"] and out.applied


def test_naming_another_workstation_on_the_command_line_is_refused(
        two_calls, db_url) -> None:  # type: ignore[no-untyped-def]
    db = two_calls["db"]
    done = subprocess.run([WINBACK, "phone", "hook", "--database", db_url, "--workstation",
                           "OTHER-PC", "call-start", two_calls["their_number"]],
                          capture_output=True, text=True)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
    assert _untouched(db, two_calls["theirs"])
    assert [r["action"] for r in _refusals(db)] == ["phone_hook"]


def test_a_presence_row_pointing_at_someone_elses_call_is_refused(two_calls) -> None:  # type: ignore[no-untyped-def]
    db = two_calls["db"]
    with db.session() as s:  # agent01's row here made to point at agent02's call
        s.execute(update(AgentPresence).where(AgentPresence.user_id == two_calls["a1"].user_id)
                  .values(current_call_id=two_calls["theirs"]))
    with pytest.raises(PermissionDenied):
        hook.handle_hook(db, "call-end", two_calls["their_number"], datetime.now(UTC), HERE)
    assert _untouched(db, two_calls["theirs"])
    assert [r["action"] for r in _refusals(db)] == ["phone_hook"]


def test_the_running_apps_channel_refuses_another_agents_call(two_calls) -> None:  # type: ignore[no-untyped-def]
    db = two_calls["db"]
    listener = hook.listen(db, two_calls["a1"])
    try:
        with pytest.raises(hook_channel.HookRefused) as refused:
            hook_channel.send("call-start", two_calls["their_number"],
                              datetime.now(UTC).isoformat(), None)
        assert refused.value.expected
        assert _untouched(db, two_calls["theirs"])
        assert [r["action"] for r in _refusals(db)] == ["phone_hook"]
        # the app's own agent's call goes through
        done = hook_channel.send("call-start", two_calls["mine_number"],
                                 datetime.now(UTC).isoformat(), None)
        assert done is not None and done["call_id"] == two_calls["mine"]
    finally:
        listener.close()
