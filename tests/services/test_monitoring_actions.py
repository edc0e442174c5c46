"""Board, coaching, flags, home counts and the audit log as use cases (own unit of work):
refusals keep nothing, changes are audited and reported. Both engines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.services.use_case_helpers import add_user, audit_actions
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import Call, CallTask, Campaign, Customer
from winback_desktop.services import audit, dashboard, monitoring
from winback_desktop.services.changes import Changes, Topic


@pytest.fixture
def floor(db, admin):  # type: ignore[no-untyped-def]
    a1 = add_user(db, admin, "a1", "agent")
    sup = add_user(db, admin, "sup", "supervisor")
    with db.session() as s:
        camp = Campaign(name="Q4", status="running")
        cust = Customer(name="张伟", sltv_minor=3_000_000, sltv_tier="B")
        s.add_all([camp, cust])
        s.flush()
        task = CallTask(campaign_id=camp.id, customer_id=cust.id, status="queued")
        s.add(task)
        s.flush()
        call = Call(task_id=task.id, customer_id=cust.id, campaign_id=camp.id,
                    agent_id=a1.user_id, phone_e164="+8613800138000",
                    started_at=datetime.now(UTC))
        s.add(call)
        s.flush()
        call_id = call.id
    return {"a1": a1, "sup": sup, "admin": admin, "call": call_id}


def test_coaching_goes_to_the_agent_once_and_agents_cannot_send(db, floor) -> None:  # type: ignore[no-untyped-def]
    a1, sup = floor["a1"], floor["sup"]
    with pytest.raises(PermissionDenied):
        monitoring.send_coaching(db, a1, sup.user_id, "psst")
    done = monitoring.send_coaching(db, sup, a1.user_id, "Let her finish", floor["call"])
    assert done.changes == Changes.of(Topic.COACHING)
    assert audit_actions(db)[-1] == "coaching_message"
    assert [m.text for m in monitoring.take_coaching_messages(db, a1)] == ["Let her finish"]
    assert monitoring.take_coaching_messages(db, a1) == []  # read in the same unit


def test_flagging_a_call_is_audited_once_and_refused_to_agents(db, floor) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PermissionDenied):
        monitoring.flag_call_for_review(db, floor["a1"], floor["call"])
    done = monitoring.flag_call_for_review(db, floor["sup"], floor["call"], "rude")
    assert done.changes == Changes.of(Topic.QA) and audit_actions(db)[-1] == "call_flagged"
    monitoring.flag_call_for_review(db, floor["sup"], floor["call"])
    assert audit_actions(db).count("call_flagged") == 1
    board = monitoring.board(db, floor["sup"])
    assert board.flagged_calls == 1
    with pytest.raises(PermissionDenied):
        monitoring.board(db, floor["a1"])


def test_home_counts_and_the_audit_log_page(db, floor) -> None:  # type: ignore[no-untyped-def]
    counts = dashboard.today(db, floor["a1"])
    assert counts.customers == 1 and counts.queued_tasks == 1 and counts.my_calls_today == 1
    with pytest.raises(PermissionDenied):
        audit.browse(db, floor["a1"])
    page = audit.browse(db, floor["admin"], entity="user")
    assert {e.action for e in page.entries} == {"user_created"}
    assert "user" in page.entities and "admin" in page.logins
    only_sup = audit.browse(db, floor["admin"], user_login="sup")
    assert only_sup.entries == []
