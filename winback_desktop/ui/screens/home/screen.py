"""Home: who you are and today's size of the work, for every role."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import dashboard
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.labels import role_name
from winback_desktop.ui.kit.service_op import OpError, ServiceOp
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

# What the cards count: a change to any of these refreshes them.
_COUNTED = (Topic.CUSTOMERS, Topic.IMPORTS, Topic.QUEUE, Topic.CALLS, Topic.CAMPAIGNS)
_CARDS = ("customers", "queued_tasks", "callbacks_due", "calls_today", "my_calls_today",
          "calls_last_7_days")


class HomeScreen(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("homeScreen")
        self.ctx = ctx
        self.counts: Any = None
        self._op: ServiceOp[dashboard.TodayCounts] | None = None
        self._error = ""

        self.title = QLabel()
        self.title.setObjectName("screenTitle")
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.refresh_button)

        grid = QGridLayout()
        grid.setSpacing(14)
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for i, key in enumerate(_CARDS):
            card = QFrame()
            card.setObjectName("statCard")
            card.setMinimumWidth(140)
            value = QLabel("–")
            value.setObjectName("statValue")
            value.setAlignment(Qt.AlignmentFlag.AlignLeft)
            caption = QLabel()
            caption.setObjectName("statCaption")
            caption.setWordWrap(True)
            lay = QVBoxLayout(card)
            lay.setContentsMargins(16, 12, 16, 12)
            lay.addWidget(value)
            lay.addWidget(caption)
            grid.addWidget(card, i // 3, i % 3)
            self.values[key], self.captions[key] = value, caption
        self.status = QLabel()
        self.status.setObjectName("homeStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addWidget(self.who)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self._updated: QDateTime | None = None
        ctx.hub.subscribe(self, _COUNTED, lambda _changes: self.refresh())
        ctx.hub.connection_changed.connect(self._connection_changed)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        actor = self.ctx.actor
        self.title.setText(self.tr("Home"))
        self.who.setText(self.tr("Welcome, {name}. You are logged in as {login} ({role}).")
                         .format(name=actor.display_name or actor.login, login=actor.login,
                                 role=role_name(actor.role)))
        self.refresh_button.setText(self.tr("Refresh"))
        captions = {
            "customers": self.tr("Customers"),
            "queued_tasks": self.tr("Tasks waiting in the queue"),
            "callbacks_due": self.tr("Callbacks due today"),
            "calls_today": self.tr("Calls today (team)"),
            "my_calls_today": self.tr("My calls today"),
            "calls_last_7_days": self.tr("Calls in the last 7 days (team)"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._updated is not None and self._updated.secsTo(QDateTime.currentDateTime()) > 60:
            self.refresh()

    def _connection_changed(self, ok: bool) -> None:
        if ok:
            self.refresh()

    def refresh(self) -> None:
        if self._op is not None and not self._op.done:
            return
        db, actor = self.ctx.db, self.ctx.actor

        self._op = ServiceOp(self, lambda _c: dashboard.today(db, actor), hub=self.ctx.hub)
        self._op.success(self._show).failure(self._failed).run()

    def _show(self, counts: Any) -> None:
        self.counts = counts
        self._error = ""
        self._updated = QDateTime.currentDateTime()
        for key in _CARDS:
            self.values[key].setText(f"{getattr(counts, key):,}")
        self._show_status()

    def _failed(self, error: OpError) -> None:
        self._error = error.text
        self._show_status()

    def _show_status(self) -> None:
        if self._error:
            self.status.setText(self._error)
        elif self._updated is not None:
            self.status.setText(self.tr("Updated at {time}.").format(
                time=self._updated.toString("HH:mm:ss")))
        else:
            self.status.setText(self.tr("Loading…"))


register(ScreenSpec(
    key="home",
    title=QT_TRANSLATE_NOOP("Screens", "Home"),
    # Every role holds WORK_QUEUE, so everyone has a home screen.
    permission=Permission.WORK_QUEUE,
    factory=HomeScreen,
    order=0,
))
