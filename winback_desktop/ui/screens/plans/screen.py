"""Long-term plans screen: the to-dos due today and the admin's plan editor.

To-dos are the letters, e-mails, SMS and visits of active plans that are due (call
steps are in the call queue on their day); each can be marked done or skipped, and the
letters and e-mails exported as a workbook for a mail merge. The editor lists the plan
templates; an admin edits a plan's steps (channel, wait days, text, who), the reasons it
is the default for, the campaign its calls go to, and whether it is active.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.domain import DefectionReason
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import plans
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.screens.customers import labels
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.i18n import current_language
from winback_desktop.ui.shell.registry import ScreenSpec, register

CHANNEL_NAMES = {
    "letter": QT_TRANSLATE_NOOP("PlansScreen", "Letter"),
    "email": QT_TRANSLATE_NOOP("PlansScreen", "E-mail"),
    "sms": QT_TRANSLATE_NOOP("PlansScreen", "SMS"),
    "call": QT_TRANSLATE_NOOP("PlansScreen", "Call"),
    "visit": QT_TRANSLATE_NOOP("PlansScreen", "Visit"),
}
ROLE_NAMES = {
    "agent": QT_TRANSLATE_NOOP("PlansScreen", "Agent"),
    "supervisor": QT_TRANSLATE_NOOP("PlansScreen", "Supervisor"),
    "admin": QT_TRANSLATE_NOOP("PlansScreen", "Administrator"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("PlansScreen", text)


def shown(text: str) -> str:
    """A default plan's name or text in the screen's language (the admin's own as written);
    the editor shows what everyone sees, so saving keeps what was shown."""
    return plans.localized(text, current_language())


def channel_name(code: str) -> str:
    return _t(CHANNEL_NAMES.get(code, code))


class TodoTab(QWidget):
    COLUMNS = (QT_TRANSLATE_NOOP("PlansScreen", "Due"),
               QT_TRANSLATE_NOOP("PlansScreen", "Channel"),
               QT_TRANSLATE_NOOP("PlansScreen", "Customer ID"),
               QT_TRANSLATE_NOOP("PlansScreen", "Name"),
               QT_TRANSLATE_NOOP("PlansScreen", "Plan"),
               QT_TRANSLATE_NOOP("PlansScreen", "Step"),
               QT_TRANSLATE_NOOP("PlansScreen", "Who"),
               QT_TRANSLATE_NOOP("PlansScreen", "Text"))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[plans.TodoRow] = []
        root = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.due_label = QLabel()
        self.due_by = QDateEdit(QDate.currentDate())
        self.due_by.setCalendarPopup(True)
        self.due_by.setDisplayFormat("yyyy-MM-dd")
        self.due_by.dateChanged.connect(lambda _d: self.refresh())
        self.mine = QCheckBox()
        self.mine.toggled.connect(lambda _on: self.refresh())
        self.done_button = QPushButton()
        self.skip_button = QPushButton()
        self.export_button = QPushButton()
        may_work = ctx.actor.can(Permission.MANAGE_PLANS)
        self.done_button.setVisible(may_work)
        self.skip_button.setVisible(may_work)
        self.export_button.setVisible(ctx.actor.can(Permission.EXPORT_DATA))
        self.done_button.clicked.connect(lambda: self.complete(False))
        self.skip_button.clicked.connect(lambda: self.complete(True))
        self.export_button.clicked.connect(self.ask_export)
        for widget in (self.due_label, self.due_by, self.mine):
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.done_button, self.skip_button, self.export_button):
            bar.addWidget(button)
        root.addLayout(bar)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("todoTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((90, 70, 90, 130, 140, 50, 90)):
            self.table.setColumnWidth(col, width)
        root.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        root.addWidget(self.message)
        self._due_count: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.due_label.setText(self.tr("Due by:"))
        self.mine.setText(self.tr("Only mine"))
        self.done_button.setText(self.tr("Done"))
        self.skip_button.setText(self.tr("Skip"))
        self.export_button.setText(self.tr("Export letters and e-mails…"))
        self.table.setHorizontalHeaderLabels([_t(c) for c in self.COLUMNS])
        self._fill()
        if self._due_count is not None:
            self.message.setText(self.tr("{n} steps due.").format(n=self._due_count))

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        due = self.due_by.date().toPython()
        mine = self.mine.isChecked()

        def work(_c: Any) -> list[plans.TodoRow]:
            return plans.due_todos(db, actor, due_by=due, mine=mine)  # type: ignore[arg-type]

        ServiceOp(self, work, hub=self.ctx.hub).success(self._loaded).failure(
            self._failed).run()

    def _failed(self, error: OpError) -> None:
        self._due_count = None
        self.message.setText(error.text)

    def _loaded(self, rows: list[plans.TodoRow]) -> None:
        self.rows = rows
        self._fill()
        self._due_count = len(rows)
        self.message.setText(self.tr("{n} steps due.").format(n=len(rows)))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            who = _t(ROLE_NAMES.get(row.owner_role or "", "")) if row.owner_role else ""
            values = [row.due_on.isoformat(), channel_name(row.channel), row.external_id or "",
                      row.name, shown(row.plan_name), f"{row.position}/{row.steps_total}", who,
                      row.text]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c == len(values) - 1:
                    item.setToolTip(value)
                self.table.setItem(r, c, item)

    def selected(self) -> plans.TodoRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def complete(self, skipped: bool) -> None:
        row = self.selected()
        if row is None:
            self.message.setText(self.tr("Select a step first."))
            return
        db, actor = self.ctx.db, self.ctx.actor
        (ServiceOp(self, lambda _c: plans.complete_step(db, actor, row.run_id, skipped=skipped),
                   hub=self.ctx.hub)
         .success(lambda _r: self.refresh()).failure(self._failed).run())

    def ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export for a mail merge"),
                                              str(Path.home() / "mail_merge.xlsx"),
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export(Path(path if path.lower().endswith(".xlsx") else path + ".xlsx"))

    def export(self, path: Path) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        due = self.due_by.date().toPython()

        def work(_c: Any) -> int:
            return plans.export_mail_merge(db, actor, path, due_by=due,  # type: ignore[arg-type]
                                           translate=QCoreApplication.translate)

        (ServiceOp(self, work, hub=self.ctx.hub)
         .success(lambda n: self.message.setText(self.tr(
             "Exported {n} letters and e-mails to {path}.").format(n=n, path=str(path))))
         .failure(self._failed).run())


class ProgressTab(QWidget):
    """Where each enrolled customer stands: steps done, the next step and its day."""

    COLUMNS = (QT_TRANSLATE_NOOP("PlansScreen", "Customer ID"),
               QT_TRANSLATE_NOOP("PlansScreen", "Name"),
               QT_TRANSLATE_NOOP("PlansScreen", "Plan"),
               QT_TRANSLATE_NOOP("PlansScreen", "Steps done"),
               QT_TRANSLATE_NOOP("PlansScreen", "Next step"),
               QT_TRANSLATE_NOOP("PlansScreen", "Due"))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[plans.ProgressRow] = []
        root = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("progressTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((100, 140, 200, 90, 110, 100)):
            self.table.setColumnWidth(col, width)
        root.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([_t(c) for c in self.COLUMNS])
        self._fill()

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_c: Any) -> list[plans.ProgressRow]:
            return plans.progress(db, actor)

        ServiceOp(self, work, hub=self.ctx.hub).success(self._loaded).failure(
            lambda _e: None).run()

    def _loaded(self, rows: list[plans.ProgressRow]) -> None:
        self.rows = rows
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [row.external_id or "", row.name, shown(row.plan_name),
                      f"{row.done}/{row.total}",
                      channel_name(row.next_channel) if row.next_channel else "",
                      row.next_due.isoformat() if row.next_due else ""]
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))


class PlanEditor(QWidget):
    STEP_COLUMNS = (QT_TRANSLATE_NOOP("PlansScreen", "Channel"),
                    QT_TRANSLATE_NOOP("PlansScreen", "Wait (days)"),
                    QT_TRANSLATE_NOOP("PlansScreen", "Who"),
                    QT_TRANSLATE_NOOP("PlansScreen", "Script or text ({name} = the customer)"))

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.may_edit = ctx.actor.can(Permission.MANAGE_CAMPAIGNS)
        self.plans: list[plans.PlanInfo] = []
        self.campaigns: list[tuple[int, str]] = []
        self.current: plans.PlanInfo | None = None
        root = QHBoxLayout(self)
        splitter = QSplitter()
        left = QWidget()
        lv = QVBoxLayout(left)
        self.list = QListWidget()
        self.list.setObjectName("planList")
        self.list.currentRowChanged.connect(self._show)
        lv.addWidget(self.list, 1)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_plan)
        self.new_button.setVisible(self.may_edit)
        lv.addWidget(self.new_button)
        splitter.addWidget(left)
        right = QWidget()
        rv = QVBoxLayout(right)
        form = QFormLayout()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.active = QCheckBox()
        self.campaign = QComboBox()
        self.reasons = QListWidget()
        self.reasons.setMaximumHeight(150)
        self.description = QLineEdit()
        self.form_labels = [QLabel() for _ in range(6)]
        for label, widget in zip(self.form_labels, (self.name, self.kind, self.active,
                                                    self.campaign, self.reasons,
                                                    self.description), strict=True):
            form.addRow(label, widget)
        rv.addLayout(form)
        self.steps = QTableWidget(0, len(self.STEP_COLUMNS))
        self.steps.setObjectName("stepTable")
        self.steps.verticalHeader().setVisible(True)
        self.steps.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.steps.setColumnWidth(0, 110)
        self.steps.setColumnWidth(1, 90)
        self.steps.setColumnWidth(2, 120)
        rv.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.up_button = QPushButton()
        self.down_button = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setObjectName("savePlan")
        self.add_button.clicked.connect(lambda: self.add_step())
        self.remove_button.clicked.connect(self.remove_step)
        self.up_button.clicked.connect(lambda: self.move_step(-1))
        self.down_button.clicked.connect(lambda: self.move_step(1))
        self.save_button.clicked.connect(self.save)
        for b in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        rv.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        rv.addWidget(self.message)
        for w in (self.add_button, self.remove_button, self.up_button, self.down_button,
                  self.save_button):
            w.setVisible(self.may_edit)
        for field in (self.name, self.kind, self.active, self.campaign, self.reasons,
                      self.description, self.steps):
            field.setEnabled(self.may_edit)
        splitter.addWidget(right)
        splitter.setSizes([230, 900])
        root.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (self.tr("Name:"), self.tr("Kind:"), self.tr("Active:"),
                 self.tr("Calls go to:"), self.tr("Default plan for:"), self.tr("Description:"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.new_button.setText(self.tr("New plan"))
        self.add_button.setText(self.tr("Add step"))
        self.remove_button.setText(self.tr("Remove step"))
        self.up_button.setText(self.tr("Up"))
        self.down_button.setText(self.tr("Down"))
        self.save_button.setText(self.tr("Save plan"))
        self.active.setText(self.tr("customers are enrolled in it"))
        self.kind.clear()
        self.kind.addItem(self.tr("Long-term win-back"), "long_term")
        self.kind.addItem(self.tr("Courtesy step for customers not pursued"), "courtesy")
        self.steps.setHorizontalHeaderLabels([_t(c) for c in self.STEP_COLUMNS])
        self._loaded((self.plans, self.campaigns))  # list labels ("inactive") follow too

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_c: Any) -> tuple[list[plans.PlanInfo], list[tuple[int, str]]]:
            choices = plans.editor_choices(db, actor)
            return choices.plans, choices.campaigns

        ServiceOp(self, work, hub=self.ctx.hub).success(self._loaded).failure(
            lambda e: self.message.setText(e.text)).run()

    def _loaded(self, result: tuple[list[plans.PlanInfo], list[tuple[int, str]]]) -> None:
        self.plans, self.campaigns = result
        keep = self.current.id if self.current is not None else None
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.plans:
            item = QListWidgetItem(shown(p.name) if p.active else self.tr(
                "{name} (inactive)").format(name=shown(p.name)))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = next((i for i, p in enumerate(self.plans) if p.id == keep), 0)
        self.list.setCurrentRow(row if self.plans else -1)
        self._show(self.list.currentRow())

    def _show(self, row: int) -> None:
        self.current = self.plans[row] if 0 <= row < len(self.plans) else None
        plan = self.current
        self.name.setText(shown(plan.name) if plan else "")
        self.description.setText((plan.description or "") if plan else "")
        self.kind.setCurrentIndex(max(0, self.kind.findData(plan.kind if plan else "long_term")))
        self.active.setChecked(plan.active if plan else True)
        self.campaign.clear()
        self.campaign.addItem(self.tr("(the enrolling campaign)"), None)
        for cid, cname in self.campaigns:
            self.campaign.addItem(cname, cid)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(
            plan.campaign_id if plan else None)))
        chosen = set(plan.default_reasons if plan else [])
        self.reasons.clear()
        for code, text in [(plans.ANY_REASON, self.tr("Any reason"))] + [
                (r.value, labels.reason(r.value)) for r in DefectionReason]:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in chosen
                               else Qt.CheckState.Unchecked)
            self.reasons.addItem(item)
        self.steps.setRowCount(0)
        for step in (plan.steps if plan else []):
            self.add_step(replace(step, text=shown(step.text)))

    def add_step(self, step: plans.StepSpec | None = None) -> None:
        step = step or plans.StepSpec("letter", 7, "", "supervisor")
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        channel = QComboBox()
        for code in plans.CHANNELS:
            channel.addItem(channel_name(code), code)
        channel.setCurrentIndex(channel.findData(step.channel))
        wait = QSpinBox()
        wait.setRange(0, 3650)
        wait.setValue(step.wait_days)
        who = QComboBox()
        who.addItem("", None)
        for code, name in ROLE_NAMES.items():
            who.addItem(_t(name), code)
        who.setCurrentIndex(max(0, who.findData(step.owner_role)))
        self.steps.setCellWidget(row, 0, channel)
        self.steps.setCellWidget(row, 1, wait)
        self.steps.setCellWidget(row, 2, who)
        self.steps.setItem(row, 3, QTableWidgetItem(step.text))

    def step_specs(self) -> list[plans.StepSpec]:
        out = []
        for row in range(self.steps.rowCount()):
            channel = self.steps.cellWidget(row, 0)
            wait = self.steps.cellWidget(row, 1)
            who = self.steps.cellWidget(row, 2)
            text = self.steps.item(row, 3)
            assert isinstance(channel, QComboBox) and isinstance(wait, QSpinBox)
            assert isinstance(who, QComboBox)
            out.append(plans.StepSpec(channel.currentData(), wait.value(),
                                      text.text() if text else "", who.currentData()))
        return out

    def remove_step(self) -> None:
        row = self.steps.currentRow()
        if row >= 0:
            self.steps.removeRow(row)

    def move_step(self, delta: int) -> None:
        row = self.steps.currentRow()
        specs = self.step_specs()
        target = row + delta
        if row < 0 or not 0 <= target < len(specs):
            return
        specs[row], specs[target] = specs[target], specs[row]
        self.steps.setRowCount(0)
        for spec in specs:
            self.add_step(spec)
        self.steps.setCurrentCell(target, 3)

    def new_plan(self) -> None:
        self.list.clearSelection()
        self.current = None
        self.name.setText(self.tr("New plan"))
        self.description.clear()
        self.steps.setRowCount(0)
        self.add_step()
        self.name.setFocus()
        self.name.selectAll()

    def chosen_reasons(self) -> list[str]:
        return [self.reasons.item(i).data(Qt.ItemDataRole.UserRole)
                for i in range(self.reasons.count())
                if self.reasons.item(i).checkState() == Qt.CheckState.Checked]

    def save(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        values = {"plan_id": self.current.id if self.current else None,
                  "name": self.name.text(), "description": self.description.text(),
                  "kind": self.kind.currentData(), "active": self.active.isChecked(),
                  "campaign_id": self.campaign.currentData(),
                  "default_reasons": self.chosen_reasons(), "steps": self.step_specs()}

        def work(_c: Any) -> plans.PlanInfo:
            return plans.save_plan_template(db, actor, **values)

        def done(info: plans.PlanInfo) -> None:
            self.current = info
            self.message.setText(self.tr("Plan \"{name}\" saved.").format(name=info.name))
            self.refresh()

        (ServiceOp(self, work, hub=self.ctx.hub).publishes(Topic.CAMPAIGNS).success(done)
         .failure(lambda e: self.message.setText(e.text)).run())


class PlansScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plansScreen")
        self.ctx = ctx
        root = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.todo = TodoTab(ctx)
        self.progress = ProgressTab(ctx)
        self.editor = PlanEditor(ctx)
        self.tabs.addTab(self.todo, "")
        self.tabs.addTab(self.progress, "")
        self.tabs.addTab(self.editor, "")
        root.addWidget(self.tabs)
        self.retranslate()
        ctx.hub.subscribe(self, (Topic.CAMPAIGNS, Topic.CUSTOMERS, Topic.QUEUE, Topic.CALLS),
                          lambda _c: self.refresh())
        ctx.hub.language_changed.connect(lambda _code: self.retranslate())
        self.refresh()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("To-dos"))
        self.tabs.setTabText(1, self.tr("Progress"))
        self.tabs.setTabText(2, self.tr("Plans"))
        self.todo.retranslate()
        self.progress.retranslate()
        self.editor.retranslate()

    def refresh(self) -> None:
        # the to-dos reconcile the plans first; progress follows the same change
        self.todo.refresh()
        self.progress.refresh()
        self.editor.refresh()


register(ScreenSpec(
    key="plans",
    title=QT_TRANSLATE_NOOP("Screens", "Long-term plans"),
    permission=Permission.VIEW_CUSTOMERS,
    factory=lambda ctx: PlansScreen(ctx),
    order=47,
))
