"""Hook events spooled while no app could record them are recorded when the app starts.

The hook's worker leaves an event in the spool when the database cannot be reached (the
team server down, the laptop away from the office). The desktop app drains the spool
once its database is open, on a worker thread: the login window stays live meanwhile.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.db.models import Call
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import hook_spool

NUMBER = "+8613800000000"  # customers()' first phone


def test_spooled_events_are_recorded_at_start_without_blocking_the_login(
        qtbot: Any, db: Any, admin: Any, db_url: str) -> None:
    from winback_desktop.ui.shell.application import AppController

    a = agent(db, admin, "agent01")
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id)
    answered = datetime.now(UTC).replace(microsecond=0)
    # what the hook wrote while its worker could not reach the database
    hook_spool.put("call-start", "013800000000", answered.isoformat(), db_url, None)
    hook_spool.put("call-end", "0086 138 0000 0000",
                   (answered + timedelta(seconds=42)).isoformat(), db_url, None)
    controller = AppController(db_url)
    try:
        # another worker holds the spool a while: the app waits for it off the GUI thread
        with hook_spool._locked(hook_spool.spool_dir()):
            controller.start()
            qtbot.waitUntil(lambda: controller.db is not None, timeout=30_000)
            qtbot.wait(300)
            assert controller.login is not None and controller.login.isVisible()
            assert len(hook_spool.pending()) == 2
        qtbot.waitUntil(lambda: not hook_spool.pending(), timeout=30_000)
        with db.session() as s:
            call = s.get(Call, call_id)
            assert call is not None
            assert (call.answered_by, call.ended_by, call.end_cause) == (
                "phone", "phone", "hung_up")
            assert call.answered_at is not None and call.ended_at is not None
            assert (call.ended_at - call.answered_at).total_seconds() == 42
        assert not (hook_spool.spool_dir() / hook_spool.REJECTED).exists()
    finally:
        if controller.login is not None:
            controller.login.close()
        controller.shutdown()
