"""The use cases the ``winback`` commands call (issue 14): each opens its own unit of
work, checks permission and says what changed; both engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select

from tests.services.queue_helpers import agent, campaign, customers
from winback_desktop.core.errors import NotFound, PermissionDenied
from winback_desktop.db.models import AuditEntry, Campaign
from winback_desktop.services import (
    campaigns,
    import_actions,
    queue,
    script_actions,
    win_model,
)
from winback_desktop.services.changes import Topic
from winback_desktop.services.context import Actor
from winback_desktop.services.telephony import config

SCRIPT = """{"name": "Exit", "kind": "win_back", "questions": [
  {"key": "why", "text": "Why?", "type": "single", "required": true, "choices": [
    {"label": "Price", "value": "price", "weights": {"bought_away": 3}},
    {"label": "Moved", "value": "moved", "weights": {"moved_away": 3}}]}]}"""


def test_scripts_by_name(db: Any, admin: Actor, tmp_path: Path) -> None:
    made = script_actions.import_script(db, admin, SCRIPT, source="exit.json")
    assert (made.name, made.version) == ("Exit", 1) and Topic.SCRIPTS in made.changes
    published = script_actions.publish_named(db, admin, "Exit")
    assert published.script_id == made.script_id
    with db.session() as s:
        q4 = Campaign(name="Q4", kind="win_back", status="running")
        s.add(q4)
        s.flush()
        q4_id = q4.id
    assigned = script_actions.assign_named(db, admin, "Exit", None, "Q4")
    assert assigned.campaign_id == q4_id and Topic.CAMPAIGNS in assigned.changes
    assert '"why"' in script_actions.script_json(db, admin, "Exit", 1)
    report = script_actions.report_for(db, admin, "Q4", xlsx=tmp_path / "r.xlsx")
    assert report.completed == 0 and (tmp_path / "r.xlsx").exists()
    with db.session() as s:
        actions = set(s.scalars(select(AuditEntry.action)))
    assert {"script_created", "script_published", "script_assigned",
            "interview_report_exported"} <= actions
    with pytest.raises(NotFound):
        script_actions.publish_named(db, admin, "No such script")


def test_install_defaults_needs_the_right_to_edit_scripts(db: Any, admin: Actor) -> None:
    a1 = agent(db, admin, "a1")
    with pytest.raises(PermissionDenied):
        script_actions.install_defaults(db, a1)
    first = script_actions.install_defaults(db, admin)
    assert first.scripts and Topic.SCRIPTS in first.changes
    assert script_actions.install_defaults(db, admin).scripts == []


def test_queue_campaign_model_and_phone_reads(db: Any, admin: Actor) -> None:
    a1 = agent(db, admin, "a1")
    customers(db, [{"external_id": "K1"}, {"external_id": "K2"}])
    q4 = campaign(db, admin, [a1], "Q4")
    assert campaigns.campaign_id_for(db, "Q4") == q4
    assert campaigns.campaign_id_for(db, str(q4)) == q4
    assert campaigns.campaign_id_for(db, None) is None
    with pytest.raises(NotFound):
        campaigns.campaign_id_for(db, "Nope")
    rows = queue.load_queue(db, admin, q4, limit=10)
    assert len(rows) == 2
    assert "kinds" in win_model.load_summary(db, admin)
    assert config.load_config(db) is not None


def test_preview_reads_the_header_row_it_is_told(db: Any, admin: Actor,
                                                  tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Monthly list"])
    ws.append(["客户编号", "姓名", "电话"])
    ws.append(["C1", "王伟", "13800000001"])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    pv = import_actions.preview(db, admin, path, sheet=None, mapping=None,
                                default_region="CN", header_row=2)
    assert pv.header_row == 2 and pv.total_rows == 1
