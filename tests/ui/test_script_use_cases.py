"""The script editor and the interview report call one service per action (issue 14):
no session in the screens; each change is audited and announced on its topic so other
views refresh; both engines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from winback_desktop.db.models import AuditEntry, Campaign
from winback_desktop.services import script_actions, users
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.interviews.report_screen import InterviewReportScreen
from winback_desktop.ui.screens.interviews.script_editor import ScriptEditorScreen
from winback_desktop.ui.shell.context import AppContext

SCRIPT = """{"name": "Exit", "kind": "win_back", "questions": [
  {"key": "why", "text": "Why?", "type": "single", "required": true, "choices": [
    {"label": "Price", "value": "price", "weights": {"bought_away": 3}},
    {"label": "Moved", "value": "moved", "weights": {"moved_away": 3}}]}]}"""


def _wait(qtbot: Any, widget: Any) -> None:
    qtbot.waitUntil(lambda: not widget.busy, timeout=15_000)


def _actions(db: Any) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_script_actions_are_audited_and_announced(qtbot: Any, db: Any, admin: Actor,
                                                  tmp_path: Path) -> None:
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup1", "supervisor", "pw-123456"))
        campaign = Campaign(name="Q4", kind="win_back", status="running")
        s.add(campaign)
        s.flush()
        campaign_id = campaign.id
    ctx = AppContext(db=db, actor=sup)
    heard: list[Changes] = []
    ctx.hub.changed.connect(heard.append)
    editor = ScriptEditorScreen(ctx)
    qtbot.addWidget(editor)
    editor.show()
    _wait(qtbot, editor)

    source = tmp_path / "exit.json"
    source.write_text(SCRIPT, encoding="utf-8")
    editor.import_file(source)
    _wait(qtbot, editor)
    assert editor.message.text() == "Imported as a new draft version."
    qtbot.waitUntil(lambda: editor.script is not None and not editor.busy, timeout=15_000)
    assert Topic.SCRIPTS in heard[-1]
    draft = editor.script_id
    assert draft is not None
    editor.publish()
    qtbot.waitUntil(lambda: editor.info is not None and editor.info.status == "published"
                    and not editor.busy, timeout=15_000)
    heard.clear()
    editor.assign_to(campaign_id)
    _wait(qtbot, editor)
    qtbot.waitUntil(lambda: any(Topic.CAMPAIGNS in c for c in heard), timeout=15_000)
    editor.clone()
    qtbot.waitUntil(lambda: editor.info is not None and editor.info.status == "draft"
                    and not editor.busy, timeout=15_000)
    assert editor.script_id != draft
    editor.export_file(tmp_path / "out.json")
    _wait(qtbot, editor)
    assert '"why"' in (tmp_path / "out.json").read_text(encoding="utf-8")
    assert {"script_created", "script_published", "script_assigned",
            "script_cloned"} <= set(_actions(db))
    with db.session() as s:
        assert s.get(Campaign, campaign_id).script_id == draft  # type: ignore[union-attr]

    report = InterviewReportScreen(ctx)
    qtbot.addWidget(report)
    qtbot.waitUntil(lambda: report.report is not None and not report.busy, timeout=15_000)
    heard.clear()
    report.export_to(tmp_path / "report.xlsx")
    _wait(qtbot, report)
    qtbot.waitUntil(lambda: any(Topic.AUDIT in c for c in heard), timeout=15_000)
    assert "interview_report_exported" in _actions(db)


def test_agents_cannot_change_scripts(db: Any, admin: Actor) -> None:
    import pytest

    from winback_desktop.core.errors import PermissionDenied

    with db.session() as s:
        agent = Actor.of(users.add_user(s, admin, "ag1", "agent", "pw-123456"))
    with pytest.raises(PermissionDenied):
        script_actions.import_script(db, agent, SCRIPT)
    assert script_actions.list_scripts(db, agent) == []
