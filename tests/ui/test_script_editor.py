"""Supervisor edits and publishes a script; an agent runs it; the segment changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from sqlalchemy import select

from winback_desktop.core import interview as iv
from winback_desktop.db.models import Call, CallTask, Campaign, Customer, InterviewScript
from winback_desktop.io import interview_json
from winback_desktop.services import users
from winback_desktop.services.context import Actor
from winback_desktop.ui.screens.interviews.report_screen import InterviewReportScreen
from winback_desktop.ui.screens.interviews.runner import PAGE_CONFIRM, InterviewRunner
from winback_desktop.ui.screens.interviews.script_editor import ScriptEditorScreen
from winback_desktop.ui.shell.context import AppContext


def _wait(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not widget.busy, timeout=10_000)


def _set_cell(editor: ScriptEditorScreen, row: int, col: int, text: str) -> None:
    editor.choices.item(row, col).setText(text)


def test_edit_publish_run_and_resegment(qtbot, db, admin, tmp_path: Path) -> None:
    with db.session() as s:
        sup = Actor.of(users.add_user(s, admin, "sup1", "supervisor", "pw-123456"))
        agent = Actor.of(users.add_user(s, admin, "agent1", "agent", "pw-123456"))
        campaign = Campaign(name="Q4 win-back", kind="win_back", status="running")
        customer = Customer(name="Wang Fang", status="lost", defection_reason="unknown",
                            sltv_minor=1_000_000, sltv_tier="C", segment="quick")
        s.add_all([campaign, customer])
        s.flush()
        task = CallTask(campaign_id=campaign.id, customer_id=customer.id, status="claimed",
                        sltv_tier="C")
        s.add(task)
        s.flush()
        call = Call(task_id=task.id, customer_id=customer.id, campaign_id=campaign.id,
                    agent_id=agent.user_id)
        s.add(call)
        s.flush()
        ids = {"campaign": campaign.id, "customer": customer.id, "call": call.id,
               "task": task.id}

    sup_ctx = AppContext(db=db, actor=sup)
    editor = ScriptEditorScreen(sup_ctx)
    qtbot.addWidget(editor)
    editor.resize(1300, 800)
    editor.show()
    _wait(qtbot, editor)
    editor.new_script("Why customers left", "win_back", "en")
    _wait(qtbot, editor)
    qtbot.waitUntil(lambda: editor.script is not None and not editor.busy, timeout=10_000)
    assert editor.editable and editor.script.name == "Why customers left"
    assert editor.qlist.count() == 1

    # question 1: single choice with weights toward two reasons
    editor.qlist.setCurrentRow(0)
    editor.key_edit.setText("why")
    editor._form_changed()
    editor.text_edit.setPlainText("Why did you stop buying from us?")
    _set_cell(editor, 0, 0, "A competitor offered more")
    _set_cell(editor, 0, 1, "competitor")
    pulled = 2 + iv.SCORED_REASONS.index("pulled_away")
    moved = 2 + iv.SCORED_REASONS.index("moved_away")
    _set_cell(editor, 0, pulled, "3")
    _set_cell(editor, 1, 0, "Moved house")
    _set_cell(editor, 1, 1, "moved")
    _set_cell(editor, 1, moved, "2")
    # question 2: free text, tagged as the competitor named
    editor.add_question()
    assert editor.row == 1
    editor.key_edit.setText("who")
    editor._form_changed()
    editor.text_edit.setPlainText("Which company?")
    editor.type_combo.setCurrentIndex(editor.type_combo.findData(iv.TEXT))
    editor.tag_combo.setCurrentIndex(editor.tag_combo.findData(iv.TAG_COMPETITOR))
    # question 3: added, then made a loop back to "why": the checks refuse to publish
    editor.add_question()
    editor.key_edit.setText("again")
    editor._form_changed()
    editor.goto_combo.setCurrentIndex(editor.goto_combo.findData("why"))
    assert any("makes a loop" in editor.issues.item(i).text()
               for i in range(editor.issues.count()))
    editor.publish()
    assert "Fix the problems" in editor.message.text()
    editor.remove_question()
    assert [q.key for q in editor.questions] == ["why", "who"]
    # drag "who" above "why" and back again: the order follows the list
    model = editor.qlist.model()
    assert model.moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert [q.key for q in editor.questions] == ["who", "why"]
    editor.qlist.setCurrentRow(0)
    editor.move_question(1)
    assert [q.key for q in editor.questions] == ["why", "who"]
    assert editor.issues.item(0).text().startswith("✓")

    editor.publish()  # saves the draft first, then publishes
    _wait(qtbot, editor)
    qtbot.waitUntil(lambda: editor.info is not None and editor.info.status == "published"
                    and not editor.busy, timeout=10_000)
    assert not editor.key_edit.isEnabled() and editor.text_edit.isReadOnly()
    editor.assign_to(ids["campaign"])
    _wait(qtbot, editor)
    with db.session() as s:
        script = s.scalar(select(InterviewScript).where(
            InterviewScript.name == "Why customers left"))
        assert script.status == "published"
        assert [q.key for q in script.questions] == ["why", "who"]
        assert s.get(Campaign, ids["campaign"]).script_id == script.id
    editor.export_file(tmp_path / "why.json")
    _wait(qtbot, editor)
    assert interview_json.script_from_json((tmp_path / "why.json").read_text("utf-8")).questions[0].key \
        == "why"

    # the agent runs it in the call
    runner = InterviewRunner(AppContext(db=db, actor=agent))
    qtbot.addWidget(runner)
    runner.show()
    runner.start(ids["customer"], ids["call"])
    qtbot.waitUntil(lambda: runner.state is not None and not runner.busy, timeout=10_000)
    assert runner.state.script.name == "Why customers left"
    runner._pick(1)
    runner.go_next()
    _wait(qtbot, runner)
    runner._answer_widget.setText("Rival Mart")
    runner.go_next()
    qtbot.waitUntil(lambda: runner.pages.currentIndex() == PAGE_CONFIRM and not runner.busy,
                    timeout=10_000)
    assert runner.proposal.proposed_reason == "pulled_away"
    assert runner.treatment_label.text() == "Long-term nurture"  # pulled_away × C
    with qtbot.waitSignal(runner.completed, timeout=10_000) as sig:
        runner.confirm()
    assert sig.args == ["pulled_away", "long_term"]
    with db.session() as s:
        c = s.get(Customer, ids["customer"])
        assert (c.defection_reason, c.segment, c.competitor) == ("pulled_away", "long_term",
                                                                 "Rival Mart")
        assert s.get(CallTask, ids["task"]).defection_reason == "pulled_away"

    report = InterviewReportScreen(sup_ctx)
    qtbot.addWidget(report)
    qtbot.waitUntil(lambda: report.report is not None and not report.busy, timeout=10_000)
    assert report.report.completed == 1
    assert report.competitors.item(0, 0).text() == "Rival Mart"
    report.export_to(tmp_path / "report.xlsx")
    _wait(qtbot, report)
    assert (tmp_path / "report.xlsx").stat().st_size > 0


def test_preview_walks_a_draft_without_saving(qtbot, db, admin) -> None:
    with db.session() as s:
        from winback_desktop.services import interviews as I

        I.ensure_default_scripts(s, admin)
    editor = ScriptEditorScreen(AppContext(db=db, actor=admin))
    qtbot.addWidget(editor)
    _wait(qtbot, editor)
    first = editor.tree.topLevelItem(0).child(0)
    editor.tree.setCurrentItem(first)
    qtbot.waitUntil(lambda: editor.script is not None and not editor.busy, timeout=10_000)
    assert not editor.editable  # shipped scripts are published
    editor.preview()
    runner = editor._preview_runner
    assert runner.state.current_key == runner.state.script.first_key
    runner._pick(1)
    runner.go_next()
    assert runner.state.done == 1
    with db.session() as s:
        from winback_desktop.db.models import InterviewResponse

        assert s.scalar(select(InterviewResponse.id)) is None
    editor._preview_dialog.close()


def test_interview_report_switches_language_live(qtbot, demo_db) -> None:  # type: ignore[no-untyped-def]
    """The open report follows a live language switch (it stayed English before)."""
    from tests.ui.conftest import make_ctx
    from winback_desktop.ui.shell import i18n

    report = InterviewReportScreen(make_ctx(demo_db, "supervisor1"))
    qtbot.addWidget(report)
    qtbot.waitUntil(lambda: report.report is not None and not report.busy, timeout=10_000)
    english = (report.refresh_button.text(), report.tabs.tabText(0),
               report.agents.horizontalHeaderItem(0).text(), report.campaign.itemText(0))
    i18n.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: report.refresh_button.text() != english[0], timeout=5_000)
        chinese = (report.refresh_button.text(), report.tabs.tabText(0),
                   report.agents.horizontalHeaderItem(0).text(), report.campaign.itemText(0))
        assert all(a != b for a, b in zip(english, chinese, strict=True)), chinese
    finally:
        i18n.install("en")
