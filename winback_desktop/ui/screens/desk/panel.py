"""The agent's desk around the call workspace (issue 16).

``AgentDesk`` owns the pieces the workspace embeds with a few hooks:

* ``not_ready_button``: "Not ready ▾" — a click toggles not-ready with the last reason,
  the arrow picks break, lunch, training, meeting, admin work (or an admin's own);
* ``help_button``: "Ask for help" lights the agent's row on the supervisor's board;
* ``status_label``: the state with its timer ("Not ready · Lunch 3:12", the wrap-up
  countdown), ``figures_label``: today's calls, contacts, win-backs, saves, talk time
  (the scorecard's own definitions);
* ``home``: what the left side shows between customers: "My callbacks" (overdue, today,
  later; opening one claims it) and "My customers" (search of those I worked).

A poll every ``POLL_MS`` reads the agent's own presence row, so a supervisor who forces
not-ready or logs the agent out is obeyed within a second or two. Every database call
runs off the GUI thread.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.domain import PresenceState
from winback_desktop.services import desk
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.kit.service_op import OpError, OpGroup, ServiceOp
from winback_desktop.ui.screens.desk.labels import not_ready_text, reason_name
from winback_desktop.ui.shell.context import AppContext

#: how often the desk reads its own presence row (a supervisor's forced change)
POLL_MS = 1500
#: the wrap-up countdown turns amber this many seconds before the limit
WRAP_WARN_S = 15


def _local(value: datetime) -> str:
    return value.astimezone().strftime("%H:%M")


class CallbacksView(QWidget):
    """My callbacks: overdue (red), today, later; double-click or Enter opens one."""

    open_requested = Signal(int)  # task id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: desk.MyCallbacks | None = None
        self.summary = QLabel()
        self.summary.setObjectName("callbacksSummary")
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("myCallbacks")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(lambda _i: self.open_selected())
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCallback")
        self.open_button.clicked.connect(self.open_selected)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Due"), self.tr("Customer"),
                                              self.tr("Campaign"), self.tr("When")])
        self.open_button.setText(self.tr("Call back now"))
        self.open_button.setToolTip(self.tr("Take this customer now (Enter)"))
        if self.data is not None:
            self.show_callbacks(self.data)

    def show_callbacks(self, data: desk.MyCallbacks) -> None:
        self.data = data
        keep = self.selected_task()
        self.table.setRowCount(len(data.rows))
        for i, r in enumerate(data.rows):
            when = (self.tr("Overdue") if r.overdue else self.tr("Today") if r.today
                    else vocab.day(r.callback_at))
            items = [QTableWidgetItem(_local(r.callback_at)),
                     QTableWidgetItem(r.customer_name if r.mine else
                                      self.tr("{name} (team)").format(name=r.customer_name)),
                     QTableWidgetItem(r.campaign_name), QTableWidgetItem(when)]
            items[0].setData(Qt.ItemDataRole.UserRole, r.task_id)
            if r.overdue:
                for item in items:
                    item.setForeground(Qt.GlobalColor.darkRed)
            for j, item in enumerate(items):
                self.table.setItem(i, j, item)
            if r.task_id == keep:
                self.table.selectRow(i)
        if self.table.currentRow() < 0 and data.rows:
            self.table.selectRow(0)
        self.summary.setText(self.tr("{overdue} overdue · {today} today · {later} later").format(
            overdue=len(data.overdue), today=len(data.today), later=len(data.later))
            if data.rows else self.tr("No callbacks waiting for you."))

    def selected_task(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return int(value) if value is not None else None

    def open_selected(self) -> None:
        task_id = self.selected_task()
        if task_id is not None and self.open_button.isEnabled():
            self.open_requested.emit(task_id)


class WorkedCustomersView(QWidget):
    """Search of the customers this agent has called (name, number or phone)."""

    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[desk.WorkedCustomer] = []
        self.search = QLineEdit()
        self.search.setObjectName("myCustomersSearch")
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(lambda: self.search_requested.emit(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("myCustomers")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name, customer number or phone"))
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Last call"),
                                              self.tr("Last outcome"), self.tr("Calls")])
        self.show_rows(self.rows)

    def show_rows(self, rows: list[desk.WorkedCustomer]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, w in enumerate(rows):
            name = f"{w.name} ({w.external_id})" if w.external_id else w.name
            items = [QTableWidgetItem(name), QTableWidgetItem(vocab.clock(w.last_call_at)),
                     QTableWidgetItem(vocab.name(w.last_disposition)),
                     QTableWidgetItem(str(w.calls))]
            items[0].setData(Qt.ItemDataRole.UserRole, w.customer_id)
            items[0].setToolTip(vocab.name(w.status))
            for j, item in enumerate(items):
                self.table.setItem(i, j, item)
        self.note.setText(
            self.tr("Only customers you have called are listed (the newest {n}).").format(
                n=desk.MAX_SEARCH_ROWS) if rows or not self.search.text().strip()
            else self.tr("None of the customers you called matches '{text}'.").format(
                text=self.search.text().strip()))


class DeskHome(QWidget):
    """The left side between customers: the next-step message above the desk's tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.callbacks = CallbacksView()
        self.customers = WorkedCustomersView()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("deskTabs")
        self.tabs.addTab(self.callbacks, "")
        self.tabs.addTab(self.customers, "")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.tabs, 1)
        self.retranslate(0)

    def with_message(self, message: QWidget) -> DeskHome:
        """Put the workspace's next-step message above the tabs; returns self."""
        self._layout.insertWidget(0, message)
        return self

    def retranslate(self, callbacks: int) -> None:
        self.tabs.setTabText(0, self.tr("My callbacks ({n})").format(n=callbacks)
                             if callbacks else self.tr("My callbacks"))
        self.tabs.setTabText(1, self.tr("My customers"))


class AgentDesk(QObject):
    """Controller of the desk widgets; the workspace calls ``phase_changed`` and
    ``set_talking`` and connects ``open_callback`` / ``not_ready_changed``."""

    #: a callback the agent chose to open (task id): the workspace claims and shows it
    open_callback = Signal(int)
    #: the desk went not ready (True) or ready (False) — by the agent or a supervisor
    not_ready_changed = Signal(bool)
    #: a supervisor logged this agent out
    logged_out = Signal()
    #: the wrap-up limit ran out (the agent shows ready again on the board)
    wrap_up_expired = Signal()
    #: text (or a function wording it, so a language switch words it again), kind
    message = Signal(object, str)

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host
        self._ops = OpGroup(host, ctx.hub)
        self.reasons: list[desk.Reason] = []
        self.reason = "break"
        self.not_ready = False
        self.status: desk.DeskStatus | None = None
        self.forced_seen: datetime | None = None
        self._pending_seen: datetime | None = None
        self.phase = "idle"
        self.talking = False
        self.help_on = False
        self.wrap_limit_s = desk.DEFAULT_WRAP_UP_LIMIT_S
        self.wrap_started: float | None = None
        self.wrap_expired = False
        self._not_ready_since: float | None = None
        self.figures: desk.TodayFigures | None = None
        self._status_op: ServiceOp[desk.DeskStatus] | None = None

        self.not_ready_button = QToolButton()
        self.not_ready_button.setObjectName("notReadyButton")
        self.not_ready_button.setCheckable(True)
        self.not_ready_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.not_ready_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.reason_menu = QMenu(self.not_ready_button)
        self.not_ready_button.setMenu(self.reason_menu)
        self.not_ready_button.toggled.connect(lambda _on: self._button_text())
        self._names: dict[str, str | None] = {}
        self.help_button = QPushButton()
        self.help_button.setObjectName("askForHelp")
        self.help_button.setCheckable(True)
        self.help_button.toggled.connect(self._help_toggled)
        self.status_label = QLabel()
        self.status_label.setObjectName("deskStatus")
        self.status_label.setWordWrap(True)
        #: coaching notes sit here, inside the desk, when the workspace is on screen
        self.coaching_area = QWidget()
        self.coaching_area.setObjectName("coachingArea")
        area = QVBoxLayout(self.coaching_area)
        area.setContentsMargins(0, 0, 0, 0)
        area.setSpacing(4)
        self.figures_label = QLabel()
        self.figures_label.setObjectName("todayFigures")
        self.figures_label.setStyleSheet("color:#37474f;")
        self.home = DeskHome()
        self.home.callbacks.open_requested.connect(self.open_callback)
        self.home.customers.search_requested.connect(self.search)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(1000)
        self.tick_timer.timeout.connect(self.tick)
        ctx.hub.subscribe(self.home, [Topic.CALLS, Topic.QUEUE, Topic.SETTINGS,
                                      Topic.PRESENCE], self._changed)
        host.installEventFilter(self)
        self.retranslate()
        self.reload()
        self.poll_timer.start()
        self.tick_timer.start()

    # ---------------------------------------------------------------- lifecycle
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host:
            if event.type() == QEvent.Type.LanguageChange:
                self.retranslate()
            elif event.type() == QEvent.Type.Show:
                # coaching waits while the agent is talking (ui.coaching.CoachingInbox)
                inbox = getattr(self.host.window(), "coaching", None)
                if inbox is not None:
                    inbox.hold = self.is_talking
                    inbox.area = self.coaching_area
        return False

    def is_talking(self) -> bool:
        return self.talking

    def stop(self) -> None:
        self.poll_timer.stop()
        self.tick_timer.stop()

    def idle(self) -> bool:
        """No desk operation is running (tests and shutdown)."""
        return self._ops.idle()

    def retranslate(self) -> None:
        self.help_button.setText(self.tr("Ask for help"))
        self.help_button.setToolTip(self.tr("Your row lights up on the supervisor's board"))
        self.not_ready_button.setToolTip(self.tr(
            "Stop taking customers (F9); the arrow picks the reason"))
        self._fill_reasons()
        self.home.callbacks.retranslate()
        self.home.customers.retranslate()
        self.home.retranslate(len(self.home.callbacks.data.rows)
                              if self.home.callbacks.data else 0)
        self._show_figures()
        self.tick()

    def _changed(self, changes: Changes) -> None:
        if Topic.SETTINGS in changes:
            self._load_settings()
        if changes.touches([Topic.CALLS, Topic.QUEUE]):
            self.refresh_callbacks()
            self.refresh_figures()

    def reload(self) -> None:
        self._load_settings()
        self.refresh_callbacks()
        self.refresh_figures()
        self.search(self.home.customers.search.text())
        self.poll()

    def _run(self, work: Callable[[], Any], ok: Callable[[Any], None] | None = None,
             fail: Callable[[OpError], None] | None = None) -> ServiceOp[Any]:
        op = self._ops.op(lambda _c: work())
        if ok is not None:
            op.success(ok)
        op.failure(fail or (lambda e: self.message.emit(e.text, "error")))
        return op.run()

    # ---------------------------------------------------------------- data
    def _load_settings(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(result: tuple[list[desk.Reason], int]) -> None:
            self.reasons, self.wrap_limit_s = result
            if self.reasons and self.reason not in {r.code for r in self.reasons}:
                self.reason = self.reasons[0].code
            self._fill_reasons()

        self._run(lambda: (desk.reasons(db, actor), desk.wrap_up_limit(db)), done,
                  lambda _e: None)

    def refresh_callbacks(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(data: desk.MyCallbacks) -> None:
            self.home.callbacks.show_callbacks(data)
            self.home.retranslate(len(data.overdue) + len(data.today))

        self._run(lambda: desk.my_callbacks(db, actor), done, lambda _e: None)

    def refresh_figures(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(figures: desk.TodayFigures) -> None:
            self.figures = figures
            self._show_figures()

        self._run(lambda: desk.my_figures_today(db, actor), done, lambda _e: None)

    def search(self, text: str) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: desk.search_my_customers(db, actor, text),
                  self.home.customers.show_rows)

    def _show_figures(self) -> None:
        f = self.figures
        if f is None:
            self.figures_label.setText("")
            return
        self.figures_label.setText(self.tr(
            "Today — calls {calls} · contacts {contacts} · win-backs {winbacks} · "
            "saves {saves} · talk {talk}").format(
            calls=f.calls, contacts=f.contacts, winbacks=f.win_backs, saves=f.saves,
            talk=vocab.duration(f.talk_seconds)))
        self.figures_label.setToolTip(self.tr(
            "Your figures for today, counted as on your scorecard"))

    # ---------------------------------------------------------------- not ready
    def _fill_reasons(self) -> None:
        self.reason_menu.clear()
        for r in self.reasons:
            action = self.reason_menu.addAction(reason_name(r.code, r.name))
            action.setData(r.code)
            action.setCheckable(True)
            action.setChecked(r.code == self.reason)
            action.triggered.connect(lambda _c=False, code=r.code: self.choose_reason(code))
        self._names = {r.code: r.name for r in self.reasons}
        self._button_text()

    def _button_text(self) -> None:
        self.not_ready_button.setText(
            self.tr("Ready again (F9)") if self.not_ready_button.isChecked()
            else self.tr("Not ready (F9)"))

    def not_ready_message(self, key: str) -> str:
        """The idle page's line while not ready: which reason, and how to come back."""
        return self.tr("You are not ready ({reason}). Press {key} to come back.").format(
            reason=reason_name(self.reason, self._names.get(self.reason)), key=key)

    def choose_reason(self, code: str) -> None:
        """The agent picked a reason from the menu: not ready now, for that reason."""
        self.reason = code
        self._fill_reasons()
        if self.not_ready_button.isEnabled():
            if self.not_ready_button.isChecked():
                self.set_not_ready(True)  # a new reason while already not ready
            else:
                self.not_ready_button.setChecked(True)

    def set_not_ready(self, on: bool) -> None:
        """Report not ready (with the chosen reason) or ready; the workspace calls this
        from its break toggle."""
        db, actor, reason = self.ctx.db, self.ctx.actor, self.reason
        self.not_ready = on
        self._not_ready_since = time.monotonic() if on else None
        self.tick()

        def fail(error: OpError) -> None:
            self.message.emit(error.text, "error")

        if on:
            self._run(lambda: desk.go_not_ready(db, actor, reason), None, fail)
        else:
            self._run(lambda: desk.go_ready(db, actor), None, fail)

    # ---------------------------------------------------------------- help
    def _help_toggled(self, on: bool) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.help_on = on
        self._style_help()
        self._run(lambda: desk.ask_for_help(db, actor, on))
        if on:
            self.message.emit(lambda: self.tr("Your supervisor sees that you asked for help."),
                              "info")

    def _style_help(self) -> None:
        self.help_button.setStyleSheet(
            "QPushButton#askForHelp { background:#ffca28; font-weight:bold; }"
            if self.help_on else "")

    # ---------------------------------------------------------------- polling
    def poll(self) -> None:
        """Read my presence row: a supervisor may have forced not-ready or logout, or
        answered my raised hand."""
        if self._status_op is not None and not self._status_op.done:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._status_op = self._run(lambda: desk.my_status(db, actor), self._got_status,
                                    lambda _e: None)

    def _got_status(self, status: desk.DeskStatus) -> None:
        self.status = status
        if status.help_requested_at is None and self.help_on:
            self.help_on = False
            self.help_button.blockSignals(True)
            self.help_button.setChecked(False)
            self.help_button.blockSignals(False)
            self._style_help()
        if status.forced_at is None or status.forced_at == self.forced_seen:
            return
        who = status.forced_by_name or ""
        if status.state in (PresenceState.ON_CALL.value, PresenceState.WRAP_UP.value):
            # set during this call: it waits for the end of the call (services.presence)
            if status.reason and status.forced_at != self._pending_seen:
                self._pending_seen = status.forced_at
                pending = status.reason
                self.message.emit(lambda: self.tr(
                    "{name} set you to not ready ({reason}) from the end of this call."
                ).format(name=who, reason=reason_name(pending, self._names.get(pending))),
                    "info")
            return
        self.forced_seen = status.forced_at
        if status.logged_out_by_supervisor:
            self.stop()
            self.message.emit(lambda: self.tr("{name} logged you out.").format(name=who), "info")
            self.logged_out.emit()
        elif status.state == PresenceState.BREAK.value and not self.not_ready:
            self.reason = status.reason or self.reason
            self._fill_reasons()
            self.not_ready = True
            self._not_ready_since = time.monotonic()
            self.not_ready_changed.emit(True)
            reason = self.reason
            self.message.emit(lambda: self.tr("{name} set you to not ready ({reason}).").format(
                name=who, reason=reason_name(reason, self._names.get(reason))), "info")
        self.tick()

    # ---------------------------------------------------------------- the call
    def phase_changed(self, phase: str) -> None:
        """The workspace moved to ``phase`` (idle, holding, calling, outcome, wrap_up).

        The wrap-up clock starts only at ``wrap_up`` (after the hang-up): at ``outcome``
        the customer is still on the line."""
        if phase == self.phase:
            return
        self.phase = phase
        self.talking = phase in ("calling", "outcome")
        if phase == "wrap_up":
            self.wrap_started = time.monotonic()
            self.wrap_expired = False
        else:
            self.wrap_started = None
        self.home.callbacks.open_button.setEnabled(phase == "idle")
        if phase == "idle":
            self.refresh_callbacks()
            self.poll()  # a not-ready set during the call starts now
        self.tick()

    def wrap_left(self) -> float | None:
        if self.wrap_started is None or not self.wrap_limit_s:
            return None
        return self.wrap_limit_s - (time.monotonic() - self.wrap_started)

    def tick(self) -> None:
        left = self.wrap_left()
        if left is not None:
            if left <= 0 and not self.wrap_expired:
                self.wrap_expired = True
                self._auto_ready()
            if self.wrap_expired:
                self._status(self.tr("Wrap-up time is up: you show as ready — record the "
                                     "outcome"), "#c62828")
            else:
                self._status(self.tr("Wrap-up: {left} left").format(
                    left=vocab.duration(max(left, 0))),
                    "#ef6c00" if left <= WRAP_WARN_S else "#37474f")
            return
        if self.not_ready:
            since = self._not_ready_since or time.monotonic()
            self._status(f"{not_ready_text(self.reason, self._names)} "
                         f"{vocab.duration(time.monotonic() - since)}", "#6a1b9a")
            return
        self._status("", "")

    def _status(self, text: str, colour: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(f"color:{colour}; font-weight:bold;" if colour else "")
        self.status_label.setVisible(bool(text))

    def _auto_ready(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        self.wrap_up_expired.emit()
        self._run(lambda: desk.auto_ready(db, actor), None, lambda _e: None)
