"""The supervisor's approval inbox (issue 7, DESIGN §6).

Pending offer requests oldest first, with a badge count (``pending_count`` signal for
the main window's navigation item) and a notification when new ones arrive; the
request's customer card, SLTV explain, interview answers and agent note; approve,
reject or counter-offer with a note, one or many at once. Expired requests stay
visible, greyed, for a day. The inbox refreshes every two seconds in a worker thread.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import offer_actions, offers
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.service_op import OpError, OpGroup
from winback_desktop.ui.screens.offers import texts as T
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

POLL_MS = 2000
COLUMNS = [
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Requested"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Agent"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Customer"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Tier"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Offer"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Cost"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "SLTV"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Status"),
    QT_TRANSLATE_NOOP("ApprovalsScreen", "Expires"),
]


class ApprovalsScreen(QWidget):
    pending_count = Signal(int)
    new_requests = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[offers.OfferRequestInfo] = []
        self.count = 0
        self.details: offers.RequestDetails | None = None
        self._seen: set[int] | None = None
        self._loading = False
        self._ops = OpGroup(self, ctx.hub)
        self._tray: QSystemTrayIcon | None = None
        self._catalogue: list[offers.TemplateInfo] = []

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.badge = QLabel(self)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setMinimumWidth(28)
        self.banner = QLabel(self)
        self.banner.setStyleSheet("background:#fff4ce; border:1px solid #e0c060; padding:3px 8px;")
        self.banner.hide()
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.title)
        top.addWidget(self.badge)
        top.addWidget(self.banner)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.table = QTableWidget(0, len(COLUMNS), splitter)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setMaximumSectionSize(150)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        right = QWidget(splitter)
        rlay = QVBoxLayout(right)
        rlay.setContentsMargins(6, 0, 0, 0)
        self.detail = QTextBrowser(right)
        self.detail.setMinimumWidth(250)
        rlay.addWidget(self.detail, 1)
        self.decision_box = QGroupBox(right)
        form = QFormLayout(self.decision_box)
        self.note = QLineEdit(self.decision_box)
        self.note_label = QLabel(self.decision_box)
        form.addRow(self.note_label, self.note)
        self.counter_offer = QComboBox(self.decision_box)
        # long catalogue names must not widen the panel (and push the list off screen)
        self.counter_offer.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.counter_offer.setMinimumContentsLength(14)
        self.counter_offer_label = QLabel(self.decision_box)
        form.addRow(self.counter_offer_label, self.counter_offer)
        self.counter_cost = QDoubleSpinBox(self.decision_box)
        self.counter_cost.setRange(0, 10_000_000)
        self.counter_cost.setDecimals(2)
        self.counter_cost.setPrefix("¥")
        self.counter_cost_label = QLabel(self.decision_box)
        form.addRow(self.counter_cost_label, self.counter_cost)
        self.counter_text = QLineEdit(self.decision_box)
        self.counter_text_label = QLabel(self.decision_box)
        form.addRow(self.counter_text_label, self.counter_text)
        buttons = QHBoxLayout()
        self.approve_button = QPushButton(self.decision_box)
        self.reject_button = QPushButton(self.decision_box)
        self.counter_button = QPushButton(self.decision_box)
        self.approve_button.clicked.connect(lambda: self.decide("approve"))
        self.reject_button.clicked.connect(lambda: self.decide("reject"))
        self.counter_button.clicked.connect(lambda: self.decide("counter"))
        for b in (self.approve_button, self.reject_button, self.counter_button):
            buttons.addWidget(b)
        form.addRow(buttons)
        self.counter_offer.currentIndexChanged.connect(self._counter_chosen)
        rlay.addWidget(self.decision_box)
        self.message = QLabel(right)
        self.message.setWordWrap(True)
        rlay.addWidget(self.message)
        # The inbox is what a supervisor scans: it takes the width, the details pane
        # keeps what its form needs (at 1280x800 every column up to the status shows).
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([10_000, 250])
        layout.addWidget(splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        ctx.hub.subscribe(self, [Topic.OFFERS], self._offers_changed)
        ctx.hub.language_changed.connect(lambda _l: self.retranslate())
        self.retranslate()
        self._load_catalogue()
        self.refresh()

    # ----------------------------------------------------------------- texts

    def retranslate(self) -> None:
        self.title.setText(self.tr("Offer approvals"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("ApprovalsScreen", c) for c in COLUMNS])
        self.decision_box.setTitle(self.tr("Decision"))
        self.note_label.setText(self.tr("Note to the agent"))
        self.note.setPlaceholderText(self.tr("Why; what to tell the customer"))
        self.counter_offer_label.setText(self.tr("Counter-offer"))
        self.counter_cost_label.setText(self.tr("Counter cost"))
        self.counter_text_label.setText(self.tr("Counter wording"))
        self.counter_text.setPlaceholderText(self.tr("e.g. ¥300 credit instead"))
        self._fill_counter_offers()
        self._update_badge()
        self._update_buttons()
        self._render_table()
        self._render_details()

    def _update_badge(self) -> None:
        self.badge.setText(str(self.count))
        color = "#c62828" if self.count else "#9e9e9e"
        self.badge.setStyleSheet(f"background:{color}; color:white; border-radius:10px;"
                                 "padding:2px 8px; font-weight:bold;")
        self.badge.setToolTip(self.tr("{n} request(s) waiting for you").format(n=self.count))

    # ----------------------------------------------------------------- loading

    def _offers_changed(self, _changes: object) -> None:
        """A decision or a catalogue edit anywhere: new inbox, new counter-offers."""
        self._load_catalogue()
        self.refresh()

    def _load_catalogue(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(result: list[offers.TemplateInfo]) -> None:
            self._catalogue = result
            self._fill_counter_offers()

        self._ops.op(lambda _c: offer_actions.catalogue(db, actor, include_inactive=False)
                     ).success(done).failure(self._failed).run()

    def _failed(self, error: OpError) -> None:
        self.message.setText(error.text)

    def _fill_counter_offers(self) -> None:
        current = self.counter_offer.currentData()
        self.counter_offer.blockSignals(True)
        self.counter_offer.clear()
        self.counter_offer.addItem(self.tr("(custom: cost and wording below)"), None)
        for t in self._catalogue:
            self.counter_offer.addItem(f"{t.code} · {T.offer_name(t.name, self.ctx.language)}",
                                       t.code)
        index = self.counter_offer.findData(current)
        self.counter_offer.setCurrentIndex(max(index, 0))
        self.counter_offer.blockSignals(False)

    def _counter_chosen(self) -> None:
        custom = self.counter_offer.currentData() is None
        self.counter_cost.setEnabled(custom)

    def refresh(self) -> None:
        """Expire stale requests, then reload the inbox (worker thread, no overlap)."""
        if self._loading:
            return
        self._loading = True
        db, actor = self.ctx.db, self.ctx.actor

        def done(inbox: offers.Inbox) -> None:
            self._apply_inbox(inbox)

        def finished() -> None:
            self._loading = False

        self._ops.op(lambda _c: offer_actions.approvals_inbox(db, actor)).success(
            done).failure(self._failed).finally_(finished).run()

    def _apply_inbox(self, inbox: offers.Inbox) -> None:
        selected = self.selected_ids()
        now = datetime.now(UTC)
        # Open requests first (oldest first), then the greyed expired ones.
        self.items = sorted(inbox.items, key=lambda i: (i.expired_at(now), i.requested_at))
        if self.count != inbox.count:
            self.count = inbox.count
            self._update_badge()
        self.pending_count.emit(inbox.count)
        open_ids = {i.id for i in inbox.items if i.is_open and not i.expired_at(now)}
        if self._seen is not None:
            new = open_ids - self._seen
            if new:
                self._notify(len(new))
        self._seen = open_ids if self._seen is None else self._seen | open_ids
        self._render_table(selected)

    def _notify(self, n: int) -> None:
        text = self.tr("{n} new offer request(s) waiting for approval").format(n=n)
        self.banner.setText(text)
        self.banner.show()
        QTimer.singleShot(15_000, self.banner, self.banner.hide)
        self.new_requests.emit(n)
        window = self.window()
        if window is not None and window.isVisible():
            QApplication.alert(window, 0)
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.show()
            self._tray.showMessage(self.tr("Offer approvals"), text)

    # ---------------------------------------------------------------- table

    def _render_table(self, keep: list[int] | None = None) -> None:
        now = datetime.now(UTC)
        lang = self.ctx.language
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.items))
        grey = QBrush(QColor("#9e9e9e"))
        for row, r in enumerate(self.items):
            expired = r.expired_at(now)
            values = [T.local_time(r.requested_at), r.agent_name or r.agent_login or "-",
                      r.customer_name, T.tier_text(r.tier), T.offer_name(r.offer_name, lang),
                      T.money(r.cost_minor), T.money(r.sltv_minor),
                      T.status_text("expired" if expired else r.status),
                      T.local_time(r.expires_at)]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                item.setToolTip(value)
                if col in (5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if expired:
                    item.setForeground(grey)
                    font = QFont(item.font())
                    font.setItalic(True)
                    item.setFont(font)
                elif r.status == "escalated":
                    item.setForeground(QBrush(QColor("#a15c00")))
                self.table.setItem(row, col, item)
        self.table.clearSelection()
        if keep:
            model = self.table.selectionModel()
            for row, r in enumerate(self.items):
                if r.id in keep:
                    self.table.selectRow(row) if len(keep) == 1 else model.select(
                        self.table.model().index(row, 0),
                        model.SelectionFlag.Select | model.SelectionFlag.Rows)
        self.table.blockSignals(False)
        self._selection_changed(reload=False)

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.items[r].id for r in rows if r < len(self.items)]

    def select_request(self, request_id: int) -> None:
        for row, r in enumerate(self.items):
            if r.id == request_id:
                self.table.selectRow(row)

    def _selection_changed(self, reload: bool = True) -> None:
        ids = self.selected_ids()
        self._update_buttons()
        if len(ids) == 1:
            if reload or self.details is None or self.details.request.id != ids[0]:
                self._load_details(ids[0])
        else:
            self.details = None
            self._render_details()

    def _decidable(self) -> list[offers.OfferRequestInfo]:
        now = datetime.now(UTC)
        ids = set(self.selected_ids())
        return [r for r in self.items if r.id in ids and r.is_open and not r.expired_at(now)]

    def _update_buttons(self) -> None:
        chosen = self._decidable()
        n = len(chosen)
        if n > 1:
            self.approve_button.setText(self.tr("Approve {n}").format(n=n))
            self.reject_button.setText(self.tr("Reject {n}").format(n=n))
        else:
            self.approve_button.setText(self.tr("Approve"))
            self.reject_button.setText(self.tr("Reject"))
        self.counter_button.setText(self.tr("Counter-offer"))
        allowed = self.ctx.actor.can(Permission.APPROVE_OFFERS)
        self.approve_button.setEnabled(allowed and n >= 1)
        self.reject_button.setEnabled(allowed and n >= 1)
        self.counter_button.setEnabled(allowed and n == 1)
        for w in (self.counter_offer, self.counter_text):
            w.setEnabled(n == 1)
        self.counter_cost.setEnabled(n == 1 and self.counter_offer.currentData() is None)

    # -------------------------------------------------------------- details

    def _load_details(self, request_id: int) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(details: offers.RequestDetails) -> None:
            if self.selected_ids() == [request_id]:
                self.details = details
                self._render_details()

        self._ops.op(lambda _c: offer_actions.request_details(db, actor, request_id)).success(
            done).failure(self._failed).run()

    def _render_details(self) -> None:
        d = self.details
        if d is None:
            n = len(self.selected_ids())
            text = (self.tr("{n} requests selected.").format(n=n) if n > 1
                    else self.tr("Choose a request to see the customer."))
            self.detail.setHtml(f"<p>{escape(text)}</p>")
            return
        r, c, x = d.request, d.customer, d.sltv_explain
        lang = self.ctx.language
        rows = [
            (self.tr("Customer"), f"{c['name']} ({c['external_id'] or c['id']})"),
            (self.tr("Defection reason"), T.reason_text(c["defection_reason"])),
            (self.tr("Lost since"), str(c["defection_date"] or "-")),
            (self.tr("SLTV tier"), T.tier_text(c["tier"])),
            (self.tr("Annual revenue"), T.money(c["annual_revenue_minor"])),
            (self.tr("Annual margin"), T.money(c["annual_margin_minor"])),
            (self.tr("City"), c["city"] or "-"),
        ]
        if c.get("competitor"):
            rows.append((self.tr("Competitor"), c["competitor"]))
        requested = self.tr("Requested by {agent} at {when}").format(
            agent=r.agent_name or r.agent_login or "-",
            when=T.local_time(r.requested_at, "%Y-%m-%d %H:%M"))
        parts = [f"<h3>{escape(T.offer_name(r.offer_name, lang))} · "
                 f"{escape(T.money(r.cost_minor))}</h3>",
                 f"<p>{escape(requested)}<br>{escape(T.status_text(r.status))}</p>"]
        if r.agent_note:
            label = self.tr("Agent note")
            parts.append(f"<p><b>{escape(label)}:</b> {escape(r.agent_note)}</p>")
        parts.append(_table(rows))
        heading = self.tr("SLTV explained")
        parts.append(f"<h4>{escape(heading)}</h4>")
        sources = {"margin": self.tr("last 12 months' margin"),
                   "revenue_x_rate": self.tr("revenue × margin rate"),
                   "none": self.tr("no revenue or margin known")}
        model = self.tr("Annual margin {m} ({source}); retention {r}, discount {d}, "
                        "{t} years").format(
            m=T.money(x.margin_minor), source=sources.get(x.margin_source, x.margin_source),
            r=f"{x.params.retention_rate:.0%}", d=f"{x.params.discount_rate:.0%}",
            t=x.params.horizon_years)
        parts.append(f"<p>{escape(model)}</p>")
        year_rows = [(escape(self.tr("Year {n}").format(n=y.year)), T.money(y.value_minor))
                     for y in x.years]
        year_rows.append((escape(self.tr("Less expected win-back cost")),
                          T.money(-x.cost_minor)))
        total = self.tr("SLTV")
        year_rows.append((f"<b>{escape(total)}</b>", f"<b>{T.money(x.sltv_minor)}</b>"))
        parts.append(_table(year_rows, escape_keys=False))
        if x.imported_sltv_minor is not None:
            imported = self.tr("Imported SLTV: {v}").format(v=T.money(x.imported_sltv_minor))
            parts.append(f"<p>{escape(imported)}</p>")
        back = self.tr("Return if won back: {v}").format(v=T.money(r.sltv_minor - r.cost_minor))
        parts.append(f"<p>{escape(back)}</p>")
        heading = self.tr("Exit interview")
        parts.append(f"<h4>{escape(heading)}</h4>")
        if d.interview:
            parts.append(_table(d.interview))
        else:
            none = self.tr("No interview answers yet.")
            parts.append(f"<p><i>{escape(none)}</i></p>")
        if d.past_offers:
            heading = self.tr("Earlier offers")
            parts.append(f"<h4>{escape(heading)}</h4>")
            parts.append(_table([
                (f"{T.local_time(p.requested_at)} {T.offer_name(p.offer_name, lang)}",
                 f"{T.money(p.final_cost_minor)} · {T.status_text(p.status)}")
                for p in d.past_offers[:10]]))
        self.detail.setHtml("".join(parts))

    # -------------------------------------------------------------- actions

    def decide(self, decision: str) -> None:
        chosen = self._decidable()
        if not chosen:
            return
        ctx, note = self.ctx, self.note.text()
        counter: dict[str, Any] | None = None
        if decision == "counter":
            if len(chosen) != 1:
                return
            code = self.counter_offer.currentData()
            counter = {"code": code, "text": self.counter_text.text()}
            if code is None:
                counter["cost_minor"] = round(self.counter_cost.value() * 100)
        ids = [r.id for r in chosen]
        self._set_enabled(False)
        db, actor = ctx.db, ctx.actor

        def done(decisions: offer_actions.Decisions) -> None:
            errors = [T.error_text(r.error) for r in decisions.results if r.error is not None]
            lines = []
            if decisions.decided:
                escalated = decisions.escalated
                lines.append(self.tr("Done: {n} request(s).").format(
                    n=len(decisions.decided) - escalated))
                if escalated:
                    lines.append(self.tr("{n} request(s) above your authority were sent to an "
                                         "admin.").format(n=escalated))
            lines.extend(errors)
            self.message.setStyleSheet("color:#b00020" if errors else "color:#1b7f3b")
            self.message.setText("\n".join(lines))
            self.note.clear()
            self.counter_text.clear()

        def failed(error: OpError) -> None:
            self.message.setStyleSheet("color:#b00020")
            self.message.setText(error.text)

        self._ops.op(lambda _c: offer_actions.decide_requests(
            db, actor, ids, decision, note, counter)).success(done).failure(failed).finally_(
            lambda: self._set_enabled(True)).run()

    def _set_enabled(self, on: bool) -> None:
        for b in (self.approve_button, self.reject_button, self.counter_button):
            b.setEnabled(on)
        if on:
            self._update_buttons()


def _table(rows: list[tuple[str, str]], *, escape_keys: bool = True) -> str:
    cells = "".join(
        f"<tr><td style='color:#555;padding-right:12px'>{escape(k) if escape_keys else k}</td>"
        f"<td>{escape(v) if escape_keys else v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='2'>{cells}</table>"


register(ScreenSpec(
    key="approvals",
    title=QT_TRANSLATE_NOOP("Screens", "Offer approvals"),
    permission=Permission.APPROVE_OFFERS,
    factory=lambda ctx: ApprovalsScreen(ctx),
    order=40,
))
