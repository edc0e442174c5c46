"""Audit log (supervisor, admin): who changed what, when, with before and after."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import audit
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit import vocabulary
from winback_desktop.ui.kit.labels import audit_action, audit_entity, audit_field
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

LIMIT = 500


def _value(value: Any) -> str:
    """A stored value in words: codes through the vocabulary, lists joined, yes/no."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return QCoreApplication.translate("Audit", "Yes" if value else "No")
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value) or "—"
    if isinstance(value, dict):
        return "; ".join(f"{audit_field(str(k))}: {_value(v)}" for k, v in value.items())
    if isinstance(value, str):
        return vocabulary.name(value)
    return json.dumps(value, ensure_ascii=False)


def _pretty(data: Any) -> str:
    """An entry's before or after as "Field: value" lines, never raw JSON."""
    if data is None:
        return ""
    if not isinstance(data, dict):
        return _value(data)
    return "\n".join(f"{audit_field(str(k))}: {_value(v)}" for k, v in sorted(data.items()))


#: for lupdate: the yes/no words of ``_value``
_WORDS = (QT_TRANSLATE_NOOP("Audit", "Yes"), QT_TRANSLATE_NOOP("Audit", "No"))


class AuditScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("auditScreen")
        self.ctx = ctx
        self.entries: list[Any] = []
        self._op: ServiceOp[audit.AuditPage] | None = None
        self._error = ""

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.entity_label, self.user_label = QLabel(), QLabel()
        self.entity_combo = QComboBox()
        self.entity_combo.setObjectName("auditEntity")
        self.entity_combo.setMinimumContentsLength(12)
        self.entity_combo.addItem("", None)
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("auditUser")
        self.user_combo.setMinimumContentsLength(12)
        self.user_combo.addItem("", None)
        self.entity_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.user_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.entity_label)
        bar.addWidget(self.entity_combo)
        bar.addWidget(self.user_label)
        bar.addWidget(self.user_combo)
        bar.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 6)
        self.table.setObjectName("auditTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.itemSelectionChanged.connect(self._show_detail)

        detail = QWidget()
        grid = QGridLayout(detail)
        grid.setContentsMargins(0, 0, 0, 0)
        self.before_label, self.after_label = QLabel(), QLabel()
        self.before_text = QPlainTextEdit()
        self.before_text.setObjectName("auditBefore")
        self.before_text.setReadOnly(True)
        self.after_text = QPlainTextEdit()
        self.after_text.setObjectName("auditAfter")
        self.after_text.setReadOnly(True)
        grid.addWidget(self.before_label, 0, 0)
        grid.addWidget(self.after_label, 0, 1)
        grid.addWidget(self.before_text, 1, 0)
        grid.addWidget(self.after_text, 1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        # every change is audited, so any change may add entries
        ctx.hub.subscribe(self, list(Topic), lambda _changes: self.refresh())
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Audit log"))
        for i in range(1, self.entity_combo.count()):
            self.entity_combo.setItemText(i, audit_entity(self.entity_combo.itemData(i)))
        if self.entries:
            self._loaded(audit.AuditPage(self.entries, self._entities(), self._logins()))
        self.entity_label.setText(self.tr("What:"))
        self.user_label.setText(self.tr("Who:"))
        self.entity_combo.setItemText(0, self.tr("Everything"))
        self.user_combo.setItemText(0, self.tr("Everyone"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("User"), self.tr("Action"), self.tr("Entity"),
            self.tr("ID"), self.tr("Workstation")])
        self.before_label.setText(self.tr("Before"))
        self.after_label.setText(self.tr("After"))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        if self._op is not None and not self._op.done:
            self._again = True
            return
        self._again = False
        db, actor = self.ctx.db, self.ctx.actor
        entity = self.entity_combo.currentData()
        login = self.user_combo.currentData()

        self._op = ServiceOp(
            self, lambda _c: audit.browse(db, actor, entity=entity, user_login=login,
                                          limit=LIMIT),
            hub=self.ctx.hub).success(self._loaded).failure(self._failed).run()

    def _failed(self, error: OpError) -> None:
        self._error = error.text
        self._show_status()

    def _loaded(self, page: audit.AuditPage) -> None:
        self.entries, entities, logins = page.entries, page.entities, page.logins
        self._error = ""
        self._sync_combo(self.entity_combo, entities, audit_entity)
        self._sync_combo(self.user_combo, logins, str)
        self.table.setRowCount(len(self.entries))
        for r, e in enumerate(self.entries):
            when = e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            values = [when, e.user_login or "", audit_action(e.action), audit_entity(e.entity),
                      e.entity_id or "", e.workstation or ""]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c in (2, 3):
                    item.setToolTip(e.action if c == 2 else e.entity)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if self.entries:
            self.table.selectRow(0)
            self._show_detail()
        else:
            self.before_text.clear()
            self.after_text.clear()
        self._show_status()
        if getattr(self, "_again", False):
            self.refresh()

    def _sync_combo(self, combo: QComboBox, values: list[str],
                    label: Callable[[str], str]) -> None:
        current = combo.currentData()
        existing = [combo.itemData(i) for i in range(1, combo.count())]
        if existing == values:
            return
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(label(value), value)
        index = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def _entities(self) -> list[str]:
        return [self.entity_combo.itemData(i) for i in range(1, self.entity_combo.count())]

    def _logins(self) -> list[str]:
        return [self.user_combo.itemData(i) for i in range(1, self.user_combo.count())]

    def _show_detail(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.entries):
            return
        entry = self.entries[rows[0].row()]
        self.before_text.setPlainText(_pretty(entry.before))
        self.after_text.setPlainText(_pretty(entry.after))

    def _show_status(self) -> None:
        if self._error:
            self.status.setText(self._error)
        else:
            self.status.setText(self.tr("{n} entries, newest first (at most {limit}).")
                                .format(n=len(self.entries), limit=LIMIT))


register(ScreenSpec(
    key="audit",
    title=QT_TRANSLATE_NOOP("Screens", "Audit log"),
    permission=Permission.VIEW_AUDIT_LOG,
    factory=AuditScreen,
    order=910,
))
