"""The customer card of the call workspace and the SLTV "explain" dialog.

Everything an agent needs in the first ten seconds of a call: who, where (and what time
it is there), why they left, what they were worth and what they may be worth again,
and what happened on earlier calls and offers. Read-only: it shows a
``services.customer_card.CustomerCard`` the workspace loaded in the background.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
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

from winback_desktop.core import risk
from winback_desktop.core.offers import localized_name
from winback_desktop.core.sltv import SltvExplanation, SltvParams
from winback_desktop.services import plans
from winback_desktop.services.customer_card import CustomerCard, PhoneInfo
from winback_desktop.services.win_model import PWinExplanation
from winback_desktop.ui.kit import vocabulary as vocab
from winback_desktop.ui.screens.workspace.callback_dialog import zone
from winback_desktop.ui.screens.workspace.win_chance_view import WinChancePanel
from winback_desktop.ui.shell.i18n import current_language


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


class BoxRow(QWidget):
    """The card's phones, value and spend boxes: side by side when they fit, else the
    phones above the other two.

    At the default 1280×800 window the card's column is about 650 px wide; three boxes in
    a row need over 800, which put the customer's local time and spend history behind a
    horizontal scroll bar. The row reports the narrow arrangement's width as its minimum
    and chooses the arrangement from the width it is given.
    """

    def __init__(self, first: QWidget, *rest: QWidget, stretches: Sequence[int] = ()) -> None:
        super().__init__()
        self._boxes = [first, *rest]
        self._stretches = list(stretches) or [1] * len(self._boxes)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.wide: bool | None = None
        self._arrange(True)

    def _spacing(self) -> int:
        return max(self.grid.spacing(), 0)

    def wide_width(self) -> int:
        widths = [box.minimumSizeHint().width() for box in self._boxes]
        return sum(widths) + self._spacing() * (len(widths) - 1)

    def narrow_width(self) -> int:
        rest = [box.minimumSizeHint().width() for box in self._boxes[1:]]
        return max(self._boxes[0].minimumSizeHint().width(),
                   sum(rest) + self._spacing() * (len(rest) - 1))

    def _arrange(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for box in self._boxes:
            self.grid.removeWidget(box)
        for col in range(len(self._boxes)):
            self.grid.setColumnStretch(col, 0)
        if wide:
            for col, (box, stretch) in enumerate(zip(self._boxes, self._stretches, strict=True)):
                self.grid.addWidget(box, 0, col)
                self.grid.setColumnStretch(col, stretch)
        else:
            rest = self._boxes[1:]
            self.grid.addWidget(self._boxes[0], 0, 0, 1, len(rest))
            for col, box in enumerate(rest):
                self.grid.addWidget(box, 1, col)
                self.grid.setColumnStretch(col, self._stretches[col + 1])
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.narrow_width(), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.wide_width(), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width() >= self.wide_width())
        super().resizeEvent(event)


class CustomerCardView(QWidget):
    """Shows one customer card; emits ``dial_requested(e164)`` and ``explain_requested``."""

    dial_requested = Signal(str)
    explain_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: CustomerCard | None = None
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

        # early warning and long-term plan (issue 19): why they are at risk, where the
        # plan stands; hidden when neither applies
        self.watch = QLabel()
        self.watch.setObjectName("customerWatch")
        self.watch.setWordWrap(True)
        self.watch.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.watch)

        # phones
        self.phone_box = QGroupBox(self.tr("Phones"))
        self.phone_grid = QGridLayout(self.phone_box)
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
        self.boxes = BoxRow(self.phone_box, value_box, spend_box, stretches=(2, 3, 3))
        outer.addWidget(self.boxes)

        self.history = QTabWidget()
        self.calls_table = _read_only_table([
            self.tr("When"), self.tr("Agent"), self.tr("Disposition"), self.tr("Talk"),
            self.tr("Notes")])
        self.offers_table = _read_only_table([
            self.tr("When"), self.tr("Offer"), self.tr("Status"), self.tr("Cost"),
            self.tr("Agent")])
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
        self.watch.setText("")
        self.watch.setVisible(False)
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

    def show_card(self, card: CustomerCard) -> None:
        self.card = card
        currency = card.currency or "CNY"
        self.name_label.setText(card.name or "—")
        parts = []
        if card.sltv_tier:
            parts.append(badge(vocab.name(card.sltv_tier),
                               vocab.TIER_COLOURS.get(card.sltv_tier, "#757575"), "#ffffff"))
        if card.segment:
            parts.append(badge(vocab.name(card.segment),
                               vocab.TREATMENT_COLOURS.get(card.segment, "#ffffff")))
        if card.status:
            parts.append(badge(vocab.name(card.status), "#e3f2fd"))
        if card.do_not_call:
            parts.append(badge(vocab.name("do_not_call"), "#b71c1c", "#ffffff"))
        self.badges.setText(" ".join(parts))
        ident = [card.external_id or "", card.city or "", card.timezone or "",
                 card.email or ""]
        self.ident.setText("  ·  ".join(p for p in ident if p))
        self._set_watch(card)
        self.sltv_label.setText(vocab.money(card.sltv_minor, currency))
        self.explain_button.setEnabled(True)
        reason = vocab.name(card.defection_reason)
        extra = [x for x in (card.competitor, card.trigger, card.reason_note) if x]
        if extra:
            reason += " — " + "; ".join(extra)
        self.reason_label.setText(reason)
        self.defected_label.setText(vocab.day(card.defection_date))
        self.revenue_label.setText(vocab.money(card.annual_revenue_minor, currency))
        self.margin_label.setText(vocab.money(card.annual_margin_minor, currency))
        self.last_purchase_label.setText(vocab.day(card.last_purchase_date))
        count = card.purchase_count
        self.purchase_count_label.setText("—" if count is None else str(count))
        self._set_phones(list(card.phones))
        self._fill_history(card, currency)
        self.tick()

    def _set_watch(self, card: CustomerCard) -> None:
        lines = []
        if card.risk_signals:
            words = html.escape("; ".join(risk.describe(sig, QCoreApplication.translate)
                                          for sig in card.risk_signals))
            lines.append(badge(self.tr("Warning"), "#ffe0b2") + " " + self.tr(
                "Flagged on {day}: {signals}").format(day=vocab.day(card.risk_flagged_at),
                                                      signals=words))
        plan = card.plan
        if plan is not None:
            name = html.escape(plans.localized(plan.plan_name, current_language()))
            if plan.status == plans.ACTIVE:
                text = self.tr("{plan}: {done} of {total} steps done").format(
                    plan=name, done=plan.done, total=plan.total)
                if plan.next_channel is not None:
                    text += self.tr("; next: {channel} on {day}").format(
                        channel=self._channel(plan.next_channel), day=vocab.day(plan.next_due))
            else:
                text = self.tr("{plan}: ended ({reason}), {done} of {total} steps done").format(
                    plan=name, reason=vocab.name(plan.end_reason or plan.status),
                    done=plan.done, total=plan.total)
            lines.append(badge(self.tr("Plan"), "#e1bee7") + " " + text)
        self.watch.setText("<br>".join(lines))
        self.watch.setVisible(bool(lines))

    def _channel(self, code: str) -> str:
        return {"letter": self.tr("letter"), "email": self.tr("e-mail"), "sms": self.tr("SMS"),
                "call": self.tr("call"), "visit": self.tr("visit")}.get(code, code)

    def _set_phones(self, phones: list[PhoneInfo]) -> None:
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
            shown = QLabel(phone.e164 or phone.raw)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if phone.raw and phone.raw != phone.e164:
                shown.setToolTip(phone.raw)
            self.phone_grid.addWidget(shown, row, 0)
            kind = self._phone_kind(phone.kind)
            if phone.primary:
                kind = self.tr("{kind}, primary").format(kind=kind)
            self.phone_grid.addWidget(QLabel(kind), row, 1)
            button = QPushButton(self.tr("Dial (F5)") if row == 0 else self.tr("Dial"))
            button.setEnabled(bool(phone.e164))
            button.setProperty("hasNumber", bool(phone.e164))
            if not phone.e164:
                button.setToolTip(self.tr("This number could not be read; check it first."))
            number = phone.e164 or ""
            button.clicked.connect(lambda _c=False, n=number: self.dial_requested.emit(n))
            self.phone_grid.addWidget(button, row, 2)
            self.dial_buttons.append(button)

    def _phone_kind(self, kind: str) -> str:
        return {"mobile": self.tr("mobile"), "landline": self.tr("landline"),
                "work": self.tr("work"), "home": self.tr("home")}.get(kind, kind)

    def _fill_history(self, card: CustomerCard, currency: str) -> None:
        calls = []
        for c in card.calls:
            talk = ((c.ended_at - c.answered_at).total_seconds()
                    if c.answered_at and c.ended_at else None)
            outcome = vocab.name(c.disposition)
            if c.callback_at is not None:
                outcome += " → " + vocab.day(c.callback_at)
            if c.amendments:
                # one format, so each language places its own bracket and spacing
                outcome = self.tr("{outcome} (amended)").format(outcome=outcome)
            calls.append([vocab.day(c.started_at), c.agent_login or "", outcome,
                          vocab.duration(talk) if talk is not None else "—", c.notes or ""])
        _fill(self.calls_table, calls)
        for row, c in enumerate(card.calls):
            item = self.calls_table.item(row, 2)
            if c.amendments and item is not None:
                item.setToolTip("\n".join(self.tr(
                    "{when} {who}: {old} → {new}. Reason: {reason}").format(
                        when=vocab.day(a.at), who=a.by or "", old=vocab.name(a.from_disposition),
                        new=vocab.name(a.to_disposition), reason=a.reason)
                    for a in c.amendments))
        # catalogue names are "English / 中文": the agent's language (core.offers)
        offers = [[vocab.day(o.requested_at),
                   localized_name(o.offer_name, current_language()), vocab.name(o.status),
                   vocab.money(o.cost_minor, currency), o.agent_login or ""]
                  for o in card.offers]
        _fill(self.offers_table, offers)
        self.history.setTabText(self.history.indexOf(self.calls_table),
                                self.tr("Previous calls ({n})").format(n=len(calls)))
        self.history.setTabText(self.history.indexOf(self.offers_table),
                                self.tr("Previous offers ({n})").format(n=len(offers)))

    def tick(self) -> None:
        """Refresh the customer's ticking local clock (called every second)."""
        if self.card is None:
            return
        tz_name = self.card.timezone
        local = self._now().astimezone(zone(tz_name))
        self.local_time.setText(self.tr("Their time: {time}").format(
            time=vocab.clock(local)))


class SltvExplainDialog(QDialog):
    """Why this customer is worth what the card says: every term of the SLTV sum."""

    def __init__(self, explanation: SltvExplanation, customer_name: str,
                 currency: str = "CNY", parent: QWidget | None = None,
                 chance: PWinExplanation | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SLTV explained: {name}").format(name=customer_name))
        self.resize(680, 600)
        layout = QVBoxLayout(self)
        formula = QLabel(self.tr(
            "SLTV = Σ (margin × retention^(year−1) ÷ (1 + discount)^year) − win-back cost"))
        formula.setWordWrap(True)
        layout.addWidget(formula)
        ex = explanation
        p = ex.params
        source = {
            "margin": self.tr("last 12 months' margin"),
            "revenue_x_rate": self.tr("annual revenue × margin rate"),
            "none": self.tr("no spend data"),
        }.get(ex.margin_source, ex.margin_source)
        defaulted = set(ex.defaulted)

        def value(text: str, name: str) -> QLabel:
            label = QLabel(text)
            if name in defaulted:
                label.setText(self.tr("{value}  (default)").format(value=text))
                label.setStyleSheet("color:#6d4c41;")
            return label

        params = QFormLayout()
        params.addRow(self.tr("Expected annual margin:"),
                      QLabel(f"{vocab.money(ex.margin_minor, currency)}  ({source})"))
        params.addRow(self.tr("Retention rate r:"),
                      value(f"{p.retention_rate:.0%}", "retention_rate"))
        params.addRow(self.tr("Discount rate d:"),
                      value(f"{p.discount_rate:.0%}", "discount_rate"))
        params.addRow(self.tr("Horizon T:"),
                      value(self.tr("{n} years").format(n=p.horizon_years), "horizon_years"))
        params.addRow(self.tr("Margin rate:"), value(f"{p.margin_rate:.0%}", "margin_rate"))
        params.addRow(self.tr("Contact cost:"),
                      value(vocab.money(p.contact_cost_minor, currency), "contact_cost_minor"))
        params.addRow(self.tr("Offer cost:"),
                      value(vocab.money(p.win_back_cost_minor, currency), "win_back_cost_minor"))
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
        for c in range(5):
            item = self.table.item(len(rows) - 1, c)
            if item:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
        self.table.resizeRowsToContents()
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        height = (self.table.horizontalHeader().sizeHint().height()
                  + sum(self.table.rowHeight(r) for r in range(len(rows))) + 4)
        self.table.setMinimumHeight(height)
        layout.addWidget(self.table, 1)
        names = {"margin": self.tr("annual margin"), "revenue": self.tr("annual revenue")}
        missing = [names[d] for d in ex.defaulted if d in names]
        if missing:
            text = self.tr("Missing customer data: {inputs}.").format(inputs=", ".join(missing))
        else:
            text = self.tr("All customer inputs were present.")
        if defaulted & set(SltvParams.__dataclass_fields__):
            text += " " + self.tr("Parameters marked (default) are not set by the campaign.")
        self.defaulted_label = QLabel(text)
        self.defaulted_label.setWordWrap(True)
        layout.addWidget(self.defaulted_label)
        if ex.imported_sltv_minor is not None:
            layout.addWidget(QLabel(self.tr(
                "Imported SLTV {value} overrides the model for ranking.").format(
                    value=vocab.money(ex.imported_sltv_minor, currency))))
        if chance is not None:
            layout.addWidget(WinChancePanel(chance, currency, self))
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
