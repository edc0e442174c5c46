"""The customer card of the call workspace and the SLTV "explain" dialog.

Everything an agent needs in the first ten seconds of a call: who, where (and what time
it is there), why they left, what they were worth and what they may be worth again,
and what happened on earlier calls and offers. Read-only: it shows a
``services.customer_card.CustomerCard`` the workspace loaded in the background.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.sltv import SltvExplanation
from winback_desktop.ui import vocabulary as vocab
from winback_desktop.ui.callback_dialog import zone


def field(obj: Any, *names: str, default: Any = None) -> Any:
    """First present attribute (or mapping key) among ``names``."""
    for n in names:
        if isinstance(obj, dict):
            if n in obj:
                return obj[n]
        elif hasattr(obj, n):
            return getattr(obj, n)
    return default


def _read_only_table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def badge(text: str, background: str, foreground: str = "#000000") -> str:
    return (f"<span style='background:{background}; color:{foreground};'>"
            f"&nbsp;{text}&nbsp;</span>")


class CustomerCardView(QWidget):
    """Shows one customer card; emits ``dial_requested(e164)`` and ``explain_requested``."""

    dial_requested = Signal(str)
    explain_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: Any = None
        self.dial_buttons: list[QPushButton] = []
        self._now: Callable[[], datetime] = lambda: datetime.now(UTC)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        head = QHBoxLayout()
        self.name_label = QLabel()
        font = QFont(self.name_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        head.addWidget(self.name_label)
        self.badges = QLabel()
        self.badges.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(self.badges)
        head.addStretch(1)
        self.local_time = QLabel()
        self.local_time.setObjectName("customerLocalTime")
        lt_font = QFont(self.local_time.font())
        lt_font.setPointSizeF(lt_font.pointSizeF() * 1.2)
        self.local_time.setFont(lt_font)
        head.addWidget(self.local_time)
        outer.addLayout(head)

        self.ident = QLabel()
        self.ident.setStyleSheet("color: #555;")
        outer.addWidget(self.ident)

        middle = QHBoxLayout()
        # phones
        self.phone_box = QGroupBox(self.tr("Phones"))
        self.phone_grid = QGridLayout(self.phone_box)
        middle.addWidget(self.phone_box, 2)
        # value
        value_box = QGroupBox(self.tr("Value and reason"))
        value_form = QFormLayout(value_box)
        sltv_row = QHBoxLayout()
        self.sltv_label = QLabel()
        self.sltv_label.setObjectName("sltvValue")
        bold = QFont(self.sltv_label.font())
        bold.setBold(True)
        self.sltv_label.setFont(bold)
        sltv_row.addWidget(self.sltv_label)
        self.explain_button = QPushButton(self.tr("E&xplain…"))
        self.explain_button.setToolTip(self.tr("How this second lifetime value was computed"))
        self.explain_button.clicked.connect(self.explain_requested)
        sltv_row.addWidget(self.explain_button)
        sltv_row.addStretch(1)
        value_form.addRow(self.tr("SLTV:"), sltv_row)
        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        value_form.addRow(self.tr("Defection reason:"), self.reason_label)
        self.defected_label = QLabel()
        value_form.addRow(self.tr("Defected on:"), self.defected_label)
        middle.addWidget(value_box, 3)
        # spend
        spend_box = QGroupBox(self.tr("Spend history"))
        spend_form = QFormLayout(spend_box)
        self.revenue_label = QLabel()
        self.margin_label = QLabel()
        self.last_purchase_label = QLabel()
        self.purchase_count_label = QLabel()
        spend_form.addRow(self.tr("Annual revenue:"), self.revenue_label)
        spend_form.addRow(self.tr("Annual margin:"), self.margin_label)
        spend_form.addRow(self.tr("Last purchase:"), self.last_purchase_label)
        spend_form.addRow(self.tr("Purchases:"), self.purchase_count_label)
        middle.addWidget(spend_box, 3)
        outer.addLayout(middle)

        self.history = QTabWidget()
        self.calls_table = _read_only_table([
            self.tr("When"), self.tr("Agent"), self.tr("Disposition"), self.tr("Talk"),
            self.tr("Notes")])
        self.offers_table = _read_only_table([
            self.tr("When"), self.tr("Offer"), self.tr("Status"), self.tr("Cost"),
            self.tr("Note")])
        self.history.addTab(self.calls_table, self.tr("Previous calls"))
        self.history.addTab(self.offers_table, self.tr("Previous offers"))
        outer.addWidget(self.history, 1)
        self.clear()

    # -- content
    def clear(self) -> None:
        self.card = None
        self.name_label.setText("")
        self.badges.setText("")
        self.local_time.setText("")
        self.ident.setText("")
        self.sltv_label.setText("")
        self.reason_label.setText("")
        self.defected_label.setText("")
        for lbl in (self.revenue_label, self.margin_label, self.last_purchase_label,
                    self.purchase_count_label):
            lbl.setText("")
        self._set_phones([])
        _fill(self.calls_table, [])
        _fill(self.offers_table, [])
        self.explain_button.setEnabled(False)

    def show_card(self, card: Any) -> None:
        self.card = card
        currency = field(card, "currency", default="CNY") or "CNY"
        self.name_label.setText(field(card, "name", default="") or "—")
        tier = field(card, "sltv_tier")
        segment = field(card, "segment")
        status = field(card, "status")
        parts = []
        if tier:
            parts.append(badge(vocab.name(tier), vocab.TIER_COLOURS.get(tier, "#757575"),
                               "#ffffff"))
        if segment:
            parts.append(badge(vocab.name(segment),
                               vocab.TREATMENT_COLOURS.get(segment, "#ffffff")))
        if status:
            parts.append(badge(vocab.name(status), "#e3f2fd"))
        self.badges.setText(" ".join(parts))
        ident = [str(field(card, "external_id", default="") or "")]
        city = field(card, "city")
        if city:
            ident.append(str(city))
        ident.append(str(field(card, "timezone", default="") or ""))
        self.ident.setText("  ·  ".join(p for p in ident if p))
        self.sltv_label.setText(vocab.money(field(card, "sltv_minor"), currency))
        self.explain_button.setEnabled(True)
        self.reason_label.setText(vocab.name(field(card, "defection_reason")))
        self.defected_label.setText(vocab.day(field(card, "defection_date")))
        self.revenue_label.setText(vocab.money(
            field(card, "revenue_minor", "annual_revenue_minor"), currency))
        self.margin_label.setText(vocab.money(
            field(card, "margin_minor", "annual_margin_minor"), currency))
        self.last_purchase_label.setText(vocab.day(field(card, "last_purchase_date",
                                                         "last_purchase")))
        count = field(card, "purchase_count")
        self.purchase_count_label.setText("—" if count is None else str(count))
        self._set_phones(list(field(card, "phones", default=[]) or []))
        self._fill_history(card, currency)
        self.tick()

    def _set_phones(self, phones: list[Any]) -> None:
        while self.phone_grid.count():
            item = self.phone_grid.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        self.dial_buttons = []
        if not phones:
            self.phone_grid.addWidget(QLabel(self.tr("No phone number on file.")), 0, 0)
            return
        for row, phone in enumerate(phones):
            e164 = field(phone, "e164", default=None) if not isinstance(phone, str) else phone
            raw = field(phone, "raw", default="") if not isinstance(phone, str) else phone
            kind = field(phone, "kind", default="") if not isinstance(phone, str) else ""
            shown = QLabel(f"{e164 or raw}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if raw and raw != e164:
                shown.setToolTip(raw)
            self.phone_grid.addWidget(shown, row, 0)
            self.phone_grid.addWidget(QLabel(str(kind or "")), row, 1)
            button = QPushButton(self.tr("Dial"))
            if row == 0:
                button.setText(self.tr("Dial (F5)"))
            button.setEnabled(bool(e164))
            button.setProperty("hasNumber", bool(e164))
            number = str(e164 or "")
            button.clicked.connect(lambda _c=False, n=number: self.dial_requested.emit(n))
            self.phone_grid.addWidget(button, row, 2)
            self.dial_buttons.append(button)

    def _fill_history(self, card: Any, currency: str) -> None:
        calls = []
        for c in field(card, "previous_calls", "calls", default=[]) or []:
            talk = field(c, "talk_seconds")
            if talk is None:
                answered, ended = field(c, "answered_at"), field(c, "ended_at")
                talk = (ended - answered).total_seconds() if answered and ended else None
            calls.append([
                vocab.day(field(c, "started_at")),
                str(field(c, "agent", "agent_name", "agent_login", default="") or ""),
                vocab.name(field(c, "disposition")),
                vocab.duration(talk) if talk is not None else "—",
                str(field(c, "notes", default="") or ""),
            ])
        _fill(self.calls_table, calls)
        offers = []
        for o in field(card, "previous_offers", "offers", default=[]) or []:
            offers.append([
                vocab.day(field(o, "requested_at", "at")),
                str(field(o, "offer", "offer_name", "name", default="") or ""),
                vocab.name(field(o, "status")),
                vocab.money(field(o, "cost_minor"), currency),
                str(field(o, "note", "decision_note", "agent_note", default="") or ""),
            ])
        _fill(self.offers_table, offers)

    def tick(self) -> None:
        """Refresh the customer's ticking local clock (called every second)."""
        if self.card is None:
            return
        tz_name = field(self.card, "timezone", default="Asia/Shanghai")
        local = self._now().astimezone(zone(tz_name))
        self.local_time.setText(self.tr("Their time: {time}").format(
            time=local.strftime("%a %H:%M:%S")))


class SltvExplainDialog(QDialog):
    """Why this customer is worth what the card says: every term of the SLTV sum."""

    def __init__(self, explanation: SltvExplanation, customer_name: str,
                 currency: str = "CNY", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SLTV explained: {name}").format(name=customer_name))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        formula = QLabel(self.tr(
            "SLTV = Σ (margin × retention^(year−1) ÷ (1 + discount)^year) − win-back cost"))
        formula.setWordWrap(True)
        layout.addWidget(formula)
        ex = explanation
        p = ex.params
        params = QFormLayout()
        source = {
            "margin": self.tr("last 12 months' margin"),
            "revenue_x_rate": self.tr("annual revenue × margin rate"),
            "none": self.tr("no spend data"),
        }.get(ex.margin_source, ex.margin_source)
        params.addRow(self.tr("Expected annual margin:"),
                      QLabel(f"{vocab.money(ex.margin_minor, currency)}  ({source})"))
        params.addRow(self.tr("Retention rate r:"), QLabel(f"{p.retention_rate:.0%}"))
        params.addRow(self.tr("Discount rate d:"), QLabel(f"{p.discount_rate:.0%}"))
        params.addRow(self.tr("Horizon T:"),
                      QLabel(self.tr("{n} years").format(n=p.horizon_years)))
        params.addRow(self.tr("Margin rate:"), QLabel(f"{p.margin_rate:.0%}"))
        params.addRow(self.tr("Contact cost:"),
                      QLabel(vocab.money(p.contact_cost_minor, currency)))
        params.addRow(self.tr("Offer cost:"),
                      QLabel(vocab.money(p.win_back_cost_minor, currency)))
        layout.addLayout(params)
        self.table = _read_only_table([
            self.tr("Year"), self.tr("Margin"), self.tr("Retention factor"),
            self.tr("Discount factor"), self.tr("Discounted value")])
        rows = [[str(y.year), vocab.money(y.margin_minor, currency),
                 f"{y.retention_factor:.4f}", f"{y.discount_factor:.4f}",
                 vocab.money(y.value_minor, currency)] for y in ex.years]
        rows.append([self.tr("Total"), "", "", "", vocab.money(ex.gross_minor, currency)])
        rows.append([self.tr("Win-back cost"), "", "", "", vocab.money(-ex.cost_minor, currency)])
        rows.append([self.tr("SLTV"), "", "", "", vocab.money(ex.sltv_minor, currency)])
        _fill(self.table, rows)
        for r in range(len(rows)):
            for c in range(1, 5):
                item = self.table.item(r, c)
                if item:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
        last = self.table.item(len(rows) - 1, 4)
        if last:
            f = last.font()
            f.setBold(True)
            last.setFont(f)
        layout.addWidget(self.table, 1)
        names = {"margin": self.tr("margin"), "revenue": self.tr("revenue")}
        if ex.defaulted:
            text = self.tr("Defaulted inputs: {inputs}").format(
                inputs=", ".join(names.get(d, d) for d in ex.defaulted))
        else:
            text = self.tr("No input was defaulted.")
        self.defaulted_label = QLabel(text)
        layout.addWidget(self.defaulted_label)
        if ex.imported_sltv_minor is not None:
            layout.addWidget(QLabel(self.tr(
                "Imported SLTV {value} overrides the model for ranking.").format(
                    value=vocab.money(ex.imported_sltv_minor, currency))))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
