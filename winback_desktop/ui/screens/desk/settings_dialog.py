"""Admins set up the desk: the not-ready reasons agents pick from and the wrap-up limit.

Each change is its own use case (``services.desk``: permission checked, audited) run off
the GUI thread; the dialog reloads from the database after each, so what it shows is
what agents get.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.services import desk
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.screens.desk.labels import reason_name
from winback_desktop.ui.shell.context import AppContext


class DeskSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._ops = OpGroup(self, ctx.hub)
        self.rows: list[desk.Reason] = []
        self.setWindowTitle(self.tr("Agent desk settings"))
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("reasonsTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels([self.tr("Reason"), self.tr("Code"),
                                              self.tr("Offered")])
        self.retire_button = QPushButton(self.tr("Retire / offer again"))
        self.retire_button.clicked.connect(self.toggle_selected)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("code, e.g. coaching"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("name agents see, e.g. Coaching session"))
        self.add_button = QPushButton(self.tr("Add reason"))
        self.add_button.clicked.connect(self.add_reason)
        add_row = QHBoxLayout()
        add_row.addWidget(self.code)
        add_row.addWidget(self.name, 1)
        add_row.addWidget(self.add_button)
        self.limit = QSpinBox()
        self.limit.setObjectName("wrapUpLimit")
        self.limit.setRange(0, desk.MAX_WRAP_UP_LIMIT_S)
        self.limit.setSingleStep(15)
        self.limit.setSuffix(self.tr(" s"))
        self.limit.setSpecialValueText(self.tr("no limit"))
        self.limit_button = QPushButton(self.tr("Apply"))
        self.limit_button.clicked.connect(self.save_limit)
        limit_row = QHBoxLayout()
        limit_row.addWidget(self.limit)
        limit_row.addWidget(self.limit_button)
        limit_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Wrap-up limit:"), limit_row)
        hint = QLabel(self.tr("When the limit runs out after a hang-up, the agent shows as "
                              "ready on the live board again."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#546e7a;")
        self.message = QLabel()
        self.message.setObjectName("deskSettingsMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Not-ready reasons agents pick from:")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.retire_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(add_row)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 460)
        self.reload()

    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._ops.op(lambda _c: (desk.reasons(db, actor, include_inactive=True),
                                 desk.wrap_up_limit(db))).success(self._show).failure(
            self._failed).run()

    def _show(self, result: tuple[list[desk.Reason], int]) -> None:
        self.rows, limit = result
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            items = [QTableWidgetItem(reason_name(r.code, r.name)), QTableWidgetItem(r.code),
                     QTableWidgetItem(self.tr("yes") if r.active else self.tr("retired"))]
            for j, item in enumerate(items):
                if not r.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(i, j, item)
        self.limit.setValue(limit)

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.text)

    def _save(self, code: str, name: str | None, active: bool, text: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(_r: object) -> None:
            self.message.setText(text)
            self.reload()

        self._ops.op(lambda _c: desk.save_reason(db, actor, code, name, active=active)
                     ).success(done).failure(self._failed).run()

    def add_reason(self) -> None:
        code, name = self.code.text().strip(), self.name.text().strip()
        self._save(code, name, True, self.tr("Reason added: agents see it at once."))
        self.code.clear()
        self.name.clear()

    def toggle_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.rows):
            self.message.setText(self.tr("Select a reason first."))
            return
        r = self.rows[row]
        self._save(r.code, None, not r.active,
                   self.tr("Reason retired.") if r.active else self.tr("Reason offered again."))

    def save_limit(self) -> None:
        db, actor, seconds = self.ctx.db, self.ctx.actor, self.limit.value()
        self._ops.op(lambda _c: desk.set_wrap_up_limit(db, actor, seconds)).success(
            lambda _r: self.message.setText(self.tr("Wrap-up limit saved."))).failure(
            self._failed).run()
