"""Offer use cases, each its own unit of work: the catalogue, authority, the approvals
inbox and decisions, reports. Refused without the permission (nothing kept), audited
when allowed, results say what changed. Both engines."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.services.offer_fixtures import add_customer, make_team
from tests.services.use_case_helpers import audit_actions
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.services import offer_actions, offers
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.offer_actions import OfferForm

LOYAL = OfferForm(name="Loyalty credit", kind="account_credit",
                  cost_rule={"type": "fixed", "amount_minor": 30_000})


def test_the_catalogue_is_edited_by_offer_editors_and_every_change_is_audited(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    with pytest.raises(PermissionDenied):
        offer_actions.save_offer(db, team.agent, None, LOYAL, code="LOYAL300")
    assert "LOYAL300" not in [t.code for t in offer_actions.catalogue(db, team.agent)]

    saved = offer_actions.save_offer(db, team.supervisor, None, LOYAL, code="loyal300")
    assert saved.template.code == "LOYAL300" and saved.template.version == 1
    assert saved.changes == Changes.of(Topic.OFFERS)
    assert audit_actions(db)[-1] == "offer_template_created"
    again = offer_actions.save_offer(db, team.supervisor, saved.template.id,
                                     OfferForm(name="Loyalty credit ¥350", kind="account_credit",
                                               cost_rule={"type": "fixed",
                                                          "amount_minor": 35_000}))
    assert again.template.version == 2

    added = offer_actions.add_shipped_offers(db, team.admin)
    assert added.count == 0 and added.changes == Changes.of(Topic.OFFERS)  # all there already


def test_authority_is_saved_all_or_nothing_by_admins(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    with pytest.raises(PermissionDenied):
        offer_actions.save_authority(db, team.supervisor, {("agent", "A"): 1}, {})
    bad_override = {team.agent.user_id: -5}
    with pytest.raises(ValidationError):
        offer_actions.save_authority(db, team.admin, {("agent", "A"): 90_000}, bad_override)
    setup = offer_actions.offer_setup(db, team.admin)
    assert setup.matrix[("agent", "A")] != 90_000  # the matrix change was rolled back too

    done = offer_actions.save_authority(db, team.admin, {("agent", "A"): 90_000},
                                        {team.agent.user_id: 150_000})
    assert done.changes == Changes.of(Topic.OFFERS)
    setup = offer_actions.offer_setup(db, team.admin)
    assert setup.matrix[("agent", "A")] == 90_000
    assert {o[1]: o[4] for o in setup.overrides}["ag1"] == 150_000
    assert {"authority_limit_changed", "authority_override_changed"} <= set(audit_actions(db))


def test_the_inbox_and_decisions(db) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    _c1, t1 = add_customer(db, team.campaign_id)
    _c2, t2 = add_customer(db, team.campaign_id, name="Mr Brown")
    first = offers.request_offer(db, team.agent, "DISC10-3M", task_id=t1)
    second = offers.request_offer(db, team.agent2, "DISC10-3M", task_id=t2)
    with pytest.raises(PermissionDenied):
        offer_actions.approvals_inbox(db, team.agent)
    inbox = offer_actions.approvals_inbox(db, team.supervisor)
    assert {i.id for i in inbox.items} == {first.id, second.id} and inbox.count == 2
    assert offer_actions.request_details(db, team.supervisor, first.id).request.id == first.id

    refused = offer_actions.decide_requests(db, team.agent, [first.id], "approve")
    assert refused.decided == [] and isinstance(refused.results[0].error, PermissionDenied)
    decided = offer_actions.decide_requests(db, team.supervisor, [first.id, second.id],
                                            "reject", "too generous")
    assert len(decided.decided) == 2 and decided.changes == Changes.of(Topic.OFFERS)
    assert audit_actions(db)[-2:] == ["offer_rejected", "offer_rejected"]
    assert offer_actions.approvals_inbox(db, team.supervisor).count == 0


def test_reports_need_their_permissions_and_the_export_is_audited(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    team = make_team(db)
    with pytest.raises(PermissionDenied):
        offer_actions.offer_report(db, team.agent)
    assert offer_actions.offer_report(db, team.supervisor).rows == []
    with pytest.raises(PermissionDenied):
        offer_actions.export_offer_report(db, team.agent, tmp_path / "no.xlsx")
    assert not (tmp_path / "no.xlsx").exists()
    offer_actions.export_offer_report(db, team.supervisor, tmp_path / "offers.xlsx")
    assert (tmp_path / "offers.xlsx").exists()
    assert audit_actions(db)[-1] == "offers_report_exported"
