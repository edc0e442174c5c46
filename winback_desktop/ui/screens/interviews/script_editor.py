"""Supervisor screen: exit-interview scripts, their versions, and the draft editor.

Left: every script and version (status, language, campaigns using it). Right: the
selected version: questions in order (drag to reorder), the selected question's form
(type, required, help text for the agent, tag, branch, choices with weights toward
the five defection reasons and a branch per choice), and the live validation list.
A published version is shown read-only: "Clone to new version" makes an editable
draft. Preview walks through the draft in the real runner without saving anything.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import interview as iv
from winback_desktop.core.domain import CampaignKind
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import interviews as svc
from winback_desktop.services import script_actions as actions
from winback_desktop.ui.kit.relabel import relabel
from winback_desktop.ui.screens.interviews import labels
from winback_desktop.ui.screens.interviews.runner import InterviewRunner
from winback_desktop.ui.screens.interviews.script_editor_view import (
    LANGUAGES,
    ROLE,
    ScriptEditorView,
)
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register


class ScriptEditorScreen(ScriptEditorView):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = labels.DbTasks(ctx, self, self._error, self._set_busy)
        self.scripts: list[svc.ScriptInfo] = []
        self.script_id: int | None = None
        self.info: svc.ScriptInfo | None = None
        self.script: iv.Script | None = None
        self.questions: list[iv.Question] = []
        self.row = -1
        self.dirty = False
        self._loading = False
        self._build()
        self._wire()
        ctx.hub.changed.connect(self._hub_changed)
        self.refresh()

    # ------------------------------------------------------------------ wiring

    def _wire(self) -> None:
        """Connect the view's widgets to the handlers below."""
        self.tree.itemSelectionChanged.connect(self._tree_selected)
        self.new_button.clicked.connect(self._new_dialog)
        self.import_button.clicked.connect(self._import_dialog)
        self.export_button.clicked.connect(self._export_dialog)
        self.clone_button.clicked.connect(self.clone)
        self.publish_button.clicked.connect(self.publish)
        self.retire_button.clicked.connect(self.retire)
        self.assign_button.clicked.connect(self._assign_dialog)
        self.delete_button.clicked.connect(self.delete_draft)
        for w in (self.kind_combo, self.language_combo):
            w.currentIndexChanged.connect(self._meta_changed)
        self.description.textEdited.connect(self._meta_changed)
        self.qlist.currentRowChanged.connect(self._question_selected)
        model = self.qlist.model()
        assert model is not None
        model.rowsMoved.connect(self._rows_moved)
        self.add_button.clicked.connect(self.add_question)
        self.remove_button.clicked.connect(self.remove_question)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(1))
        for seq, step in (("Alt+Up", -1), ("Alt+Down", 1)):
            sc = QShortcut(QKeySequence(seq), self.qlist)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(lambda step=step: self.move_question(step))
        self.choices.itemChanged.connect(self._form_changed)
        self.add_choice_button.clicked.connect(self.add_choice)
        self.remove_choice_button.clicked.connect(self.remove_choice)
        self.key_edit.textEdited.connect(self._form_changed)
        self.text_edit.textChanged.connect(self._form_changed)
        self.help_edit.textChanged.connect(self._form_changed)
        self.required_check.toggled.connect(self._form_changed)
        self.tag_combo.currentIndexChanged.connect(self._form_changed)
        self.goto_combo.currentIndexChanged.connect(self._form_changed)
        self.min_spin.valueChanged.connect(self._form_changed)
        self.max_spin.valueChanged.connect(self._form_changed)
        self.type_combo.currentIndexChanged.connect(self._type_changed)
        self.issues.itemActivated.connect(self._issue_activated)
        self.issues.itemClicked.connect(self._issue_activated)
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save)
        sc = QShortcut(QKeySequence.StandardKey.Save, self)
        sc.activated.connect(self.save)
        self._update_buttons()

    # ------------------------------------------------------------------ helpers

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def _set_busy(self, busy: bool) -> None:
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def _error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(text)
        self.message.show()

    def _info(self, text: str) -> None:
        self.message.setStyleSheet("color: #1b5e20")
        self.message.setText(text)
        self.message.show()

    def _hub_changed(self, topics: set[str]) -> None:
        if "scripts" in topics and not self.dirty:
            self.refresh(select_id=self.script_id)

    def changeEvent(self, event: QEvent) -> None:
        """A live language switch: fixed texts, then the list's states and kinds."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tasks"):
            relabel(self)
            self.refresh(select_id=self.script_id)

    # ------------------------------------------------------------------ list

    def refresh(self, select_id: int | None = None) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.tasks.run(lambda: actions.list_scripts(db, actor),
                       lambda rows: self._fill_tree(rows, select_id))

    def _fill_tree(self, rows: list[svc.ScriptInfo], select_id: int | None) -> None:
        self.scripts = rows
        self.tree.blockSignals(True)
        self.tree.clear()
        parents: dict[str, QTreeWidgetItem] = {}
        chosen: QTreeWidgetItem | None = None
        for info in rows:
            parent = parents.get(info.name)
            if parent is None:
                parent = QTreeWidgetItem([info.name])
                parent.setData(0, ROLE, None)
                parent.setToolTip(0, info.name)
                self.tree.addTopLevelItem(parent)
                parent.setFirstColumnSpanned(True)
                parents[info.name] = parent
                parent.setExpanded(True)
            item = QTreeWidgetItem([
                self.tr("Version {version}").format(version=info.version),
                labels.name(info.status), labels.name(info.language),
                ", ".join(info.campaigns)])
            item.setToolTip(3, "\n".join(info.campaigns))
            item.setData(0, ROLE, info.id)
            if info.status == iv.STATUS_PUBLISHED:
                item.setForeground(1, QBrush(QColor("#1b5e20")))
            elif info.status == iv.STATUS_RETIRED:
                item.setForeground(1, QBrush(QColor("#777777")))
            parent.addChild(item)
            if info.id == select_id:
                chosen = item
        for c in (1, 2):
            self.tree.resizeColumnToContents(c)
        self.tree.blockSignals(False)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        else:
            self._update_buttons()

    def _tree_selected(self) -> None:
        item = self.tree.currentItem()
        script_id = item.data(0, ROLE) if item is not None else None
        if script_id is None and item is not None and item.childCount():
            child = item.child(0)
            script_id = child.data(0, ROLE) if child is not None else None
        if script_id is None or script_id == self.script_id:
            return
        if self.dirty and not self._confirm_discard():
            return
        self.load(int(script_id))

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The draft has unsaved changes. Discard them?"))
        return answer == QMessageBox.StandardButton.Yes

    def load(self, script_id: int) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(script: iv.Script) -> None:
            self.script_id = script_id
            self.info = next((i for i in self.scripts if i.id == script_id), None)
            self._show_script(script)

        self.tasks.run(lambda: actions.get_script(db, actor, script_id), done)

    def _show_script(self, script: iv.Script) -> None:
        self._loading = True
        self.script = script
        self.questions = list(script.questions)
        self.dirty = False
        self.title.setText(f"{script.name} · v{script.version}")
        status = self.info.status if self.info else script.status
        self.status_badge.setText(labels.name(status))
        colour = {"draft": "#fff3cd", "published": "#c8e6c9"}.get(status, "#e0e0e0")
        self.status_badge.setStyleSheet(f"background: {colour}; padding: 2px 8px; "
                                        "border-radius: 3px")
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(script.kind), 0))
        lang = script.language.split("_")[0]
        if self.language_combo.findData(lang) < 0:
            self.language_combo.addItem(lang, lang)
        self.language_combo.setCurrentIndex(self.language_combo.findData(lang))
        self.description.setText(script.description)
        self.description.setCursorPosition(0)
        self._fill_questions(0 if self.questions else -1)
        self._loading = False
        self._set_editable(self.editable)
        self._validate()
        self._update_buttons()
        self.message.hide()

    def _set_editable(self, editable: bool) -> None:
        for w in (self.kind_combo, self.language_combo, self.description, self.add_button,
                  self.remove_button, self.up_button, self.down_button, self.key_edit,
                  self.type_combo, self.required_check, self.tag_combo, self.goto_combo,
                  self.min_spin, self.max_spin, self.add_choice_button,
                  self.remove_choice_button):
            w.setEnabled(editable)
        self.text_edit.setReadOnly(not editable)
        self.help_edit.setReadOnly(not editable)
        self.choices.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers)
        self.qlist.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove if editable
                                   else QAbstractItemView.DragDropMode.NoDragDrop)

    def _update_buttons(self) -> None:
        has = self.info is not None
        status = self.info.status if self.info else None
        self.clone_button.setEnabled(has)
        self.export_button.setEnabled(has)
        self.publish_button.setEnabled(status == iv.STATUS_DRAFT)
        self.delete_button.setEnabled(status == iv.STATUS_DRAFT)
        self.retire_button.setEnabled(status == iv.STATUS_PUBLISHED)
        self.assign_button.setEnabled(status == iv.STATUS_PUBLISHED)
        self.save_button.setEnabled(status == iv.STATUS_DRAFT and self.dirty)
        self.preview_button.setEnabled(bool(self.questions))

    # ------------------------------------------------------------------ questions

    def _fill_questions(self, select: int) -> None:
        self.qlist.blockSignals(True)
        self.qlist.clear()
        for q in self.questions:
            item = QListWidgetItem(self._question_title(q))
            item.setData(ROLE, id(q))
            self.qlist.addItem(item)
        self.qlist.blockSignals(False)
        self.row = -1
        if 0 <= select < len(self.questions):
            self.qlist.setCurrentRow(select)
        else:
            self._show_question(None)

    def _question_selected(self, row: int) -> None:
        self.row = row
        self._show_question(self.questions[row] if 0 <= row < len(self.questions) else None)

    def _type_changed(self) -> None:
        if self._loading:
            return
        qtype = str(self.type_combo.currentData())
        self.choices.blockSignals(True)
        if qtype == iv.YES_NO:
            self.choices.setRowCount(0)
            for c in iv.yes_no_choices(self.tr("Yes"), self.tr("No")):
                self._append_choice_row(c, self.key_edit.text())
        elif qtype in iv.CHOICE_TYPES and self.choices.rowCount() < 2:
            for n in range(self.choices.rowCount() + 1, 3):
                self._append_choice_row(iv.Choice(self.tr("Choice {n}").format(n=n), str(n)),
                                        self.key_edit.text())
        elif qtype not in iv.CHOICE_TYPES:
            self.choices.setRowCount(0)
        self.choices.blockSignals(False)
        self._type_visibility(qtype)
        self._form_changed()

    def _form_changed(self, *_args: Any) -> None:
        if self._loading or not (0 <= self.row < len(self.questions)) or not self.editable:
            return
        old = self.questions[self.row]
        qtype = str(self.type_combo.currentData())
        new = iv.Question(
            key=self.key_edit.text().strip(), text=self.text_edit.toPlainText(), qtype=qtype,
            required=self.required_check.isChecked(), help_text=self.help_edit.toPlainText(),
            choices=self._choices_from_table() if qtype in iv.CHOICE_TYPES else (),
            goto=self.goto_combo.currentData(), tag=self.tag_combo.currentData(),
            scale_min=self.min_spin.value(), scale_max=self.max_spin.value())
        self.questions[self.row] = new
        if old.key != new.key and old.key:
            self._rename_targets(old.key, new.key)
        item = self.qlist.item(self.row)
        if item is not None:
            item.setText(self._question_title(new))
            item.setData(ROLE, id(new))
        self._mark_dirty()

    def _rename_targets(self, old: str, new: str) -> None:
        """Branches follow a renamed question."""
        def fix(target: str | None) -> str | None:
            return new if target == old else target

        self.questions = [replace(q, goto=fix(q.goto), choices=tuple(
            replace(c, goto=fix(c.goto)) for c in q.choices)) for q in self.questions]

    def _meta_changed(self, *_args: Any) -> None:
        if not self._loading and self.editable:
            self._mark_dirty()

    def _mark_dirty(self) -> None:
        self.dirty = True
        self._validate()
        self._update_buttons()

    def add_question(self) -> None:
        if not self.editable:
            return
        keys = {q.key for q in self.questions}
        n = len(self.questions) + 1
        while f"q{n}" in keys:
            n += 1
        q = iv.Question(f"q{n}", self.tr("New question"), iv.SINGLE, choices=(
            iv.Choice(self.tr("Choice {n}").format(n=1), "1"),
            iv.Choice(self.tr("Choice {n}").format(n=2), "2")))
        at = self.row + 1 if self.row >= 0 else len(self.questions)
        self.questions.insert(at, q)
        self._fill_questions(at)
        self._mark_dirty()
        self.key_edit.setFocus()

    def remove_question(self) -> None:
        if not self.editable or not (0 <= self.row < len(self.questions)):
            return
        del self.questions[self.row]
        self._fill_questions(min(self.row, len(self.questions) - 1))
        self._mark_dirty()

    def move_question(self, step: int) -> None:
        row = self.row
        target = row + step
        if not self.editable or not (0 <= row < len(self.questions)) or not (
                0 <= target < len(self.questions)):
            return
        self.questions[row], self.questions[target] = self.questions[target], self.questions[row]
        self._fill_questions(target)
        self._mark_dirty()

    def _rows_moved(self, *_args: Any) -> None:
        """Drag and drop reordered the list: reorder the questions the same way."""
        by_id = {id(q): q for q in self.questions}
        order = [by_id[int(self.qlist.item(i).data(ROLE))] for i in range(self.qlist.count())
                 if int(self.qlist.item(i).data(ROLE)) in by_id]
        if len(order) == len(self.questions):
            self.questions = order
            self.row = self.qlist.currentRow()
            self._mark_dirty()

    def add_choice(self) -> None:
        if not self.editable:
            return
        n = self.choices.rowCount() + 1
        self.choices.blockSignals(True)
        self._append_choice_row(iv.Choice(self.tr("Choice {n}").format(n=n), str(n)),
                                self.key_edit.text())
        self.choices.blockSignals(False)
        self._form_changed()

    def remove_choice(self) -> None:
        row = self.choices.currentRow()
        if not self.editable or row < 0:
            return
        self.choices.removeRow(row)
        self._form_changed()

    # ------------------------------------------------------------------ validation

    def current_script(self) -> iv.Script | None:
        if self.script is None:
            return None
        return replace(self.script, questions=tuple(self.questions),
                       kind=str(self.kind_combo.currentData()),
                       language=str(self.language_combo.currentData()),
                       description=self.description.text().strip())

    def _validate(self) -> list[iv.Issue]:
        self.issues.clear()
        script = self.current_script()
        if script is None:
            return []
        problems = iv.validate(script)
        translate = QCoreApplication.translate
        if not problems:
            item = QListWidgetItem(self.tr("✓ No problems: the script can be published."))
            item.setForeground(QBrush(QColor("#1b5e20")))
            self.issues.addItem(item)
        for issue in problems:
            item = QListWidgetItem("⚠ " + issue.render(translate))
            item.setForeground(QBrush(QColor("#b00020")))
            item.setData(ROLE, issue.question_key)
            self.issues.addItem(item)
        flagged = {i.question_key for i in problems}
        for i, q in enumerate(self.questions):
            item = self.qlist.item(i)
            if item is not None:
                item.setForeground(QBrush(QColor("#b00020")) if q.key in flagged else QBrush())
        return problems

    def _issue_activated(self, item: QListWidgetItem) -> None:
        key = item.data(ROLE)
        for i, q in enumerate(self.questions):
            if q.key == key:
                self.qlist.setCurrentRow(i)
                return

    # ------------------------------------------------------------------ actions

    def save(self, then: Any = None) -> None:
        script = self.current_script()
        if script is None or not self.editable or self.script_id is None:
            return
        db, actor, script_id = self.ctx.db, self.ctx.actor, self.script_id

        def done(_r: Any) -> None:
            self.dirty = False
            self.script = script
            self._update_buttons()
            self._info(self.tr("Draft saved."))
            if callable(then):
                then()

        self.tasks.run(lambda: actions.save_draft(db, actor, script_id, script), done)

    def publish(self) -> None:
        if not self.editable or self.script_id is None:
            return
        problems = self._validate()
        if problems:
            self._error(self.tr("Fix the problems listed under Checks before publishing."))
            return
        if self.dirty:
            self.save(then=self.publish)
            return
        db, actor, script_id = self.ctx.db, self.ctx.actor, self.script_id

        def done(_r: Any) -> None:
            self._info(self.tr("Published. This version can no longer be changed."))
            self.script_id = None
            self.refresh(select_id=script_id)

        self.tasks.run(lambda: actions.publish(db, actor, script_id), done)

    def clone(self) -> None:
        if self.script_id is None:
            return
        db, actor, script_id = self.ctx.db, self.ctx.actor, self.script_id

        def done(new_id: int) -> None:
            self._info(self.tr("New draft version created."))
            self.script_id = None
            self.refresh(select_id=new_id)

        self.tasks.run(lambda: actions.clone(db, actor, script_id),
                       lambda r: done(r.script_id))

    def retire(self) -> None:
        if self.script_id is None:
            return
        db, actor, script_id = self.ctx.db, self.ctx.actor, self.script_id

        def done(_r: Any) -> None:
            self.script_id = None
            self.refresh(select_id=script_id)

        self.tasks.run(lambda: actions.retire(db, actor, script_id), done)

    def delete_draft(self) -> None:
        if not self.editable or self.script_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete draft"),
                                      self.tr("Delete this draft version?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor, script_id = self.ctx.db, self.ctx.actor, self.script_id

        def done(_r: Any) -> None:
            self.script_id = None
            self.info = None
            self.script = None
            self.questions = []
            self.dirty = False
            self._fill_questions(-1)
            self.title.setText(self.tr("Select a script"))
            self.refresh()

        self.tasks.run(lambda: actions.delete_draft(db, actor, script_id), done)

    def new_script(self, name: str, kind: str, language: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        script = iv.Script(name=name.strip(), kind=kind, language=language, questions=(
            iv.Question("q1", self.tr("New question"), iv.SINGLE, required=True, choices=(
                iv.Choice(self.tr("Choice {n}").format(n=1), "1"),
                iv.Choice(self.tr("Choice {n}").format(n=2), "2"))),))

        def done(new_id: int) -> None:
            self.script_id = None
            self.refresh(select_id=new_id)

        self.tasks.run(lambda: actions.create_draft(db, actor, script),
                       lambda r: done(r.script_id))

    def _new_dialog(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("New script"))
        form = QFormLayout(dialog)
        name = QLineEdit()
        kind = QComboBox()
        for k in CampaignKind:
            kind.addItem(labels.name(k.value), k.value)
        language = QComboBox()
        for lang in LANGUAGES:
            language.addItem(labels.name(lang), lang)
        form.addRow(self.tr("Name"), name)
        form.addRow(self.tr("Kind"), kind)
        form.addRow(self.tr("Language"), language)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted and name.text().strip():
            self.new_script(name.text(), str(kind.currentData()), str(language.currentData()))

    def import_file(self, path: str | Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            self._error(self.tr("Cannot read {file}: {detail}").format(file=file.name,
                                                                       detail=exc))
            return

        def done(new_id: int) -> None:
            self._info(self.tr("Imported as a new draft version."))
            self.script_id = None
            self.refresh(select_id=new_id)

        self.tasks.run(lambda: actions.import_script(db, actor, text, source=file.name),
                       lambda r: done(r.script_id))

    def _import_dialog(self) -> None:
        path, _f = QFileDialog.getOpenFileName(self, self.tr("Import script"), "",
                                               self.tr("Interview scripts (*.json)"))
        if path:
            self.import_file(path)

    def export_file(self, path: str | Path) -> None:
        if self.info is None:
            return
        db, actor = self.ctx.db, self.ctx.actor
        name, version = self.info.name, self.info.version
        file = Path(path)

        self.tasks.run(lambda: actions.export_script_file(db, actor, name, version, file),
                       lambda _r: self._info(
            self.tr("Wrote {file}.").format(file=file.name)))

    def _export_dialog(self) -> None:
        if self.info is None:
            return
        suggested = f"{self.info.name}-v{self.info.version}.json"
        for bad in '<>:"/\\|?*':
            suggested = suggested.replace(bad, "_")
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export script"), suggested,
                                               self.tr("Interview scripts (*.json)"))
        if path:
            self.export_file(path)

    def assign_to(self, campaign_id: int) -> None:
        if self.script_id is None:
            return
        db, actor, script_id = self.ctx.db, self.ctx.actor, self.script_id

        def done(_r: Any) -> None:
            self._info(self.tr("The campaign now uses this script."))
            self.refresh(select_id=script_id)

        self.tasks.run(lambda: actions.assign(db, actor, script_id, campaign_id), done)

    def _assign_dialog(self) -> None:
        if self.info is None:
            return
        db, actor, kind = self.ctx.db, self.ctx.actor, self.info.kind

        def show(campaigns: list[svc.CampaignInfo]) -> None:
            fitting = [c for c in campaigns if c.kind == kind]
            if not fitting:
                self._error(self.tr("No {kind} campaign exists.").format(
                    kind=labels.name(kind)))
                return
            dialog = QDialog(self)
            dialog.setWindowTitle(self.tr("Assign to campaign"))
            layout = QVBoxLayout(dialog)
            layout.addWidget(QLabel(self.tr(
                "Campaign ({kind} campaigns only):").format(kind=labels.name(kind))))
            combo = QComboBox()
            for c in fitting:
                combo.addItem(c.name, c.id)
            layout.addWidget(combo)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                       | QDialogButtonBox.StandardButton.Cancel)
            buttons.accepted.connect(dialog.accept)
            buttons.rejected.connect(dialog.reject)
            layout.addWidget(buttons)
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.assign_to(int(combo.currentData()))

        self.tasks.run(lambda: actions.list_campaigns(db, actor), show)

    def preview(self) -> None:
        script = self.current_script()
        if script is None or not script.questions:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Preview: {name}").format(name=script.name))
        layout = QVBoxLayout(dialog)
        note = QLabel(self.tr("Walk through the script as an agent would. Nothing is saved; "
                              "the proposal uses the default grid for an SLTV tier B "
                              "customer."))
        note.setWordWrap(True)
        layout.addWidget(note)
        runner = InterviewRunner(self.ctx, dialog)
        layout.addWidget(runner, 1)
        runner.preview(script)
        dialog.resize(720, 560)
        self._preview_dialog = dialog
        self._preview_runner = runner
        dialog.open()


def _factory(ctx: AppContext) -> QWidget:
    return ScriptEditorScreen(ctx)


SPEC = register(ScreenSpec(
    key="scripts",
    title=QT_TRANSLATE_NOOP("Screens", "Interview scripts"),
    permission=Permission.EDIT_SCRIPTS,
    factory=_factory,
    order=60,
))
