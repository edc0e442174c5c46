"""Powers follow changes (issue 15): services re-read the actor's role and active flag in
each unit of work, and every refusal leaves one ``refused`` audit row."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.services.offer_fixtures import add_customer, make_team
from winback_desktop.core.errors import PermissionDenied
from winback_desktop.db.models import AuditEntry, OfferRequest
from winback_desktop.services import offers, reward_actions, users


def _refused(db) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.session() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "refused")
                              .order_by(AuditEntry.id)))


def _request(db, team) -> int:  # type: ignore[no-untyped-def]
    _customer, task = add_customer(db, team.campaign_id)
    return offers.request_offer(db, team.agent, "FREE-1M", task_id=task).id


def test_a_demoted_supervisor_loses_approval_at_once(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    rid = _request(db, team)
    held = team.supervisor  # the session object the app still holds
    with db.session() as s:
        users.update_user(s, team.admin, held.user_id, role="agent")
    with pytest.raises(PermissionDenied):
        offers.decide(db, held, rid, "approve")
    with db.session() as s:
        assert s.get(OfferRequest, rid).status == "pending"  # type: ignore[union-attr]
    (row,) = _refused(db)
    assert (row.user_login, row.entity_id) == ("sup1", "decide")
    assert row.after is not None and row.after["permission"] == "approve_offers"


def test_a_deactivated_supervisor_loses_every_power(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    rid = _request(db, team)
    held = team.supervisor
    with db.session() as s:
        users.update_user(s, team.admin, held.user_id, active=False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        offers.decide(db, held, rid, "approve")
    with pytest.raises(PermissionDenied):
        reward_actions.award(db, held, team.agent.user_id, 10, "nice")  # type: ignore[arg-type]
    assert len(_refused(db)) == 2


def test_a_promoted_agent_gains_powers_without_logging_in_again(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    rid = _request(db, team)
    with db.session() as s:
        users.update_user(s, team.admin, team.agent2.user_id, role="supervisor")
    assert offers.decide(db, team.agent2, rid, "approve").status == "approved"


def test_refusals_are_audited_once_with_actor_action_and_reason(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    rid = _request(db, team)
    attempts = [
        lambda: offers.decide(db, team.agent2, rid, "approve"),          # agent decides
        lambda: reward_actions.award(db, team.agent, team.agent2.user_id,  # type: ignore[arg-type]
                                     50, "mate"),                          # agent awards
        lambda: reward_actions.save_rules(db, team.supervisor, []),       # supervisor edits rules
        lambda: reward_actions.ledger_lines(db, team.agent, team.agent2.user_id),  # type: ignore[arg-type]
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    rows = _refused(db)
    assert len(rows) == len(attempts)
    for row in rows:
        assert row.user_login and row.entity_id and row.after and row.after["reason"]
        assert row.workstation
