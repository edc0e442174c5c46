"""The offers panel of the agent's call workspace (issue 7, DESIGN §6).

Shows up to three eligible offers as choices, best expected return first, each marked
within or above the agent's authority. Proposing one inside authority approves it at
once; above it the request goes to a supervisor while the agent keeps working, and the
panel polls (every second, in a worker thread) until the decision arrives, which it
shows within two seconds. Accepted / Declined record the customer's answer.

Embedding (the workspace owns it)::

    panel = OffersPanel(ctx, parent)
    panel.set_context(customer_id, task_id, campaign_id)   # on every new customer
    panel.set_context(None, None, None)                    # between customers
    panel.won_back.connect(...)          # customer accepted: on to the call's outcome
    panel.callback_suggested.connect(...)  # request sent for approval: offer a callback
    panel.request_changed.connect(...)   # any status change (OfferRequestInfo)
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.services import offer_actions, offers
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.service_op import OpControl, OpError, OpGroup
from winback_desktop.ui.screens.offers import texts as T
from winback_desktop.ui.shell.context import AppContext

POLL_MS = 1000


def utcnow() -> datetime:
    """Now, aware, for the request's expiry (the panel reads no database clock)."""
    return datetime.now(UTC)


class OffersPanel(QWidget):
    """Offer choices, propose, live approval status and the customer's answer."""

    won_back = Signal()
    callback_suggested = Signal()
    request_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id: int | None = None
        self.task_id: int | None = None
        self.campaign_id: int | None = None
        self.choices: list[offers.OfferChoice] = []
        self.request: offers.OfferRequestInfo | None = None
        self._generation = 0
        self._polling = False
        self._busy = False
        self._ops = OpGroup(self, ctx.hub)

        self.box = QGroupBox(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.box)
        layout = QVBoxLayout(self.box)

        self.hint = QLabel(self.box)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.choice_row = QHBoxLayout()
        layout.addLayout(self.choice_row)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.choice_buttons: list[QPushButton] = []
        for i in range(3):
            button = QPushButton(self.box)
            button.setCheckable(True)
            button.setMinimumHeight(84)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.setStyleSheet("QPushButton { text-align: left; padding: 6px; }"
                                 "QPushButton:checked { background: #d7e8fb; "
                                 "border: 2px solid #2f6fb3; }")
            self.group.addButton(button, i)
            self.choice_row.addWidget(button)
            self.choice_buttons.append(button)
        self.group.idToggled.connect(lambda _i, _on: self._update_buttons())

        propose_row = QHBoxLayout()
        self.note = QLineEdit(self.box)
        self.propose_button = QPushButton(self.box)
        self.propose_button.clicked.connect(self.propose)
        propose_row.addWidget(self.note, 1)
        propose_row.addWidget(self.propose_button)
        layout.addLayout(propose_row)

        self.status = QLabel(self.box)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(40)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.status)

        outcome_row = QHBoxLayout()
        self.accepted_button = QPushButton(self.box)
        self.accepted_button.clicked.connect(lambda: self.record_outcome(True))
        self.declined_button = QPushButton(self.box)
        self.declined_button.clicked.connect(lambda: self.record_outcome(False))
        self.reason = QComboBox(self.box)
        self.reason.setEditable(True)
        self.reason.setMinimumWidth(180)
        outcome_row.addWidget(self.accepted_button)
        outcome_row.addWidget(self.declined_button)
        outcome_row.addWidget(self.reason, 1)
        layout.addLayout(outcome_row)

        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.retranslate()
        self._show_choices()
        self._show_request()
        ctx.hub.language_changed.connect(lambda _l: self._relabel())

    @property
    def busy(self) -> bool:
        """A proposal or the customer's answer is on its way to the database."""
        return self._busy

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        self.box.setTitle(self.tr("Win-back offers"))
        self.note.setPlaceholderText(self.tr("Note for the approver: why this customer"))
        self.propose_button.setText(self.tr("Propose"))
        self.accepted_button.setText(self.tr("Customer accepted"))
        self.declined_button.setText(self.tr("Customer declined"))
        current = self.reason.currentText()
        self.reason.clear()
        self.reason.addItems([self.tr("Price still too high"), self.tr("Staying with competitor"),
                              self.tr("No longer needs it"), self.tr("Wants to think about it")])
        self.reason.setEditText(current if current else "")
        line = self.reason.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Reason for declining"))

    def _relabel(self) -> None:
        self.retranslate()
        self._show_choices()
        self._show_request()

    # ---------------------------------------------------------------- context

    def set_context(self, customer_id: int | None, task_id: int | None = None,
                    campaign_id: int | None = None) -> None:
        """Show the offers for this customer (None: nothing, between customers)."""
        self._generation += 1
        self.customer_id, self.task_id, self.campaign_id = customer_id, task_id, campaign_id
        self.choices, self.request = [], None
        self.note.clear()
        self.reason.setEditText("")
        self.timer.stop()
        self._show_choices()
        self._show_request()
        if customer_id is not None:
            self.refresh()

    def refresh(self) -> None:
        """Reload the choices and this customer's latest request in the background."""
        if self.customer_id is None:
            return
        generation, cid, campaign = self._generation, self.customer_id, self.campaign_id
        ctx = self.ctx

        def load(_c: OpControl) -> offer_actions.AgentOffers:
            return offer_actions.agent_offers(ctx.db, ctx.actor, cid, campaign)

        def done(result: offer_actions.AgentOffers) -> None:
            if generation != self._generation:
                return
            self.choices = result.choices
            self._show_choices()
            self._set_request(result.latest, announce=False)

        self._ops.op(load).success(done).failure(self._failed).run()

    # --------------------------------------------------------------- display

    def _show_choices(self) -> None:
        lang = self.ctx.language
        for i, button in enumerate(self.choice_buttons):
            if i < len(self.choices):
                c = self.choices[i]
                if c.within_authority:
                    authority = self.tr("✔ Within your authority")
                elif c.approver_role == "admin":
                    authority = self.tr("▲ Needs an admin's approval")
                else:
                    authority = self.tr("▲ Needs a supervisor's approval")
                button.setText("\n".join([
                    T.offer_name(c.name, lang),
                    self.tr("Cost {cost} · SLTV back {sltv}").format(
                        cost=T.money(c.cost_minor), sltv=T.money(c.sltv_recovered_minor)),
                    self.tr("Expected return {value}").format(
                        value=T.money(c.expected_return_minor)),
                    authority]))
                button.setToolTip(T.kind_text(c.kind))
                button.setVisible(True)
            else:
                button.setVisible(False)
                button.setChecked(False)
        if self.customer_id is None:
            self.hint.setText(self.tr("Offers appear here when you take a customer."))
        elif not self.choices:
            self.hint.setText(self.tr("No offer in the catalogue fits this customer."))
        else:
            self.hint.setText(self.tr("Give the customer a choice; the best return is first."))
        if self.choices and self.group.checkedId() < 0:
            self.choice_buttons[0].setChecked(True)
        self._update_buttons()

    def _selected(self) -> offers.OfferChoice | None:
        i = self.group.checkedId()
        return self.choices[i] if 0 <= i < len(self.choices) else None

    def _update_buttons(self) -> None:
        r = self.request
        waiting = r is not None and r.is_open and not r.expired_at(utcnow())
        presentable = r is not None and r.presentable
        won = r is not None and r.status == "accepted"
        can_propose = (self.customer_id is not None and self._selected() is not None
                       and not waiting and not presentable and not won and not self._busy)
        self.propose_button.setEnabled(can_propose)
        choice = self._selected()
        if choice is not None and not choice.within_authority:
            self.propose_button.setText(self.tr("Ask for approval"))
        else:
            self.propose_button.setText(self.tr("Propose"))
        for button in (self.accepted_button, self.declined_button):
            button.setVisible(presentable)
            button.setEnabled(presentable and not self._busy)
        self.reason.setVisible(presentable)

    def _show_request(self) -> None:
        r = self.request
        if r is None:
            self.status.setText("")
            self._update_buttons()
            return
        name = T.offer_name(r.offer_name, self.ctx.language)
        cost = T.money(r.final_cost_minor)
        note = f"<br><i>{_esc(r.decision_note)}</i>" if r.decision_note else ""
        who = _esc(r.decided_by_name or r.decided_by_login or "")
        if r.expired_at(utcnow()):
            text = self.tr("<b>Expired:</b> nobody decided on {offer} in time. "
                           "Choose again or call back.").format(offer=_esc(name))
            color = "#777777"
        elif r.status == "auto_approved":
            text = self.tr("<b>Approved</b> (within your authority): present {offer} "
                           "({cost}).").format(offer=_esc(name), cost=cost)
            color = "#1b7f3b"
        elif r.status == "approved":
            text = self.tr("<b>Approved by {who}</b>: present {offer} ({cost}) now.").format(
                who=who, offer=_esc(name), cost=cost) + note
            color = "#1b7f3b"
        elif r.status == "countered":
            counter = r.counter_offer or {}
            what = counter.get("text") or T.offer_name(str(counter.get("name") or name),
                                                       self.ctx.language)
            text = self.tr("<b>Counter-offer from {who}</b>: present {offer} ({cost}) "
                           "instead.").format(who=who, offer=_esc(str(what)), cost=cost) + note
            color = "#a15c00"
        elif r.status == "rejected":
            text = self.tr("<b>Rejected by {who}</b>: {offer} cannot be given. Choose "
                           "another offer.").format(who=who, offer=_esc(name)) + note
            color = "#b00020"
        elif r.is_open:
            whom = self.tr("an admin") if r.status == "escalated" else self.tr("a supervisor")
            text = self.tr("<b>Sent for approval</b> to {whom}: {offer} ({cost}). Keep "
                           "working; suggest a callback. The answer appears here.").format(
                whom=whom, offer=_esc(name), cost=cost)
            color = "#2f6fb3"
        elif r.status == "accepted":
            text = self.tr("<b>Accepted</b>: {offer} ({cost}). Finish the call and "
                           "record its outcome.").format(offer=_esc(name), cost=cost)
            color = "#1b7f3b"
        else:
            text = self.tr("<b>Declined</b>: {offer}. {reason}").format(
                offer=_esc(name), reason=_esc(r.decline_reason or ""))
            color = "#555555"
        self.status.setText(f'<span style="color:{color}">{text}</span>')
        self._update_buttons()

    def _set_request(self, request: offers.OfferRequestInfo | None, *, announce: bool) -> None:
        changed = (request is None) != (self.request is None) or (
            request is not None and self.request is not None
            and (request.id, request.version) != (self.request.id, self.request.version))
        self.request = request
        self._show_request()
        if request is not None and request.is_open and not request.expired_at(utcnow()):
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
        if changed and announce and request is not None:
            self.request_changed.emit(request)

    def _failed(self, error: OpError) -> None:
        self._busy = False
        self.status.setText(
            f'<span style="color:#b00020">{_esc(T.error_text(error.error))}</span>')
        self._update_buttons()

    # ---------------------------------------------------------------- actions

    def propose(self) -> None:
        choice = self._selected()
        if choice is None or self.customer_id is None:
            return
        ctx, generation = self.ctx, self._generation
        task, customer, note = self.task_id, self.customer_id, self.note.text()
        self._busy = True
        self._update_buttons()

        def run(_c: OpControl) -> offers.OfferRequestInfo:
            return offers.request_offer(ctx.db, ctx.actor, choice.template_id, task_id=task,
                                        customer_id=customer, note=note)

        def done(info: offers.OfferRequestInfo) -> None:
            self._busy = False
            if generation != self._generation:
                return
            self._set_request(info, announce=True)
            if info.is_open:
                self.callback_suggested.emit()

        self._ops.op(run).publishes(Topic.OFFERS).success(done).failure(self._failed).run()

    def poll(self) -> None:
        """Fetch the open request's status (cheap, indexed); never blocks the GUI."""
        if self._polling or self.request is None or self.customer_id is None:
            return
        if self.request.expired_at(utcnow()):
            self._set_request(self.request, announce=False)
            return
        ctx, generation, rid = self.ctx, self._generation, self.request.id
        self._polling = True

        def run(_c: OpControl) -> offers.OfferRequestInfo | None:
            return offer_actions.my_request(ctx.db, ctx.actor, rid)

        def done(info: offers.OfferRequestInfo | None) -> None:
            self._polling = False
            if generation != self._generation or info is None:
                return
            self._set_request(info, announce=True)

        def failed(_error: OpError) -> None:
            self._polling = False  # a dropped connection: try again next tick

        self._ops.op(run).success(done).failure(failed).run()

    def record_outcome(self, accepted: bool) -> None:
        request = self.request
        if request is None or not request.presentable:
            return
        reason = self.reason.currentText().strip() or None
        ctx, generation = self.ctx, self._generation
        self._busy = True
        self._update_buttons()

        def run(_c: OpControl) -> offers.OfferRequestInfo:
            return offers.record_outcome(ctx.db, ctx.actor, request.id, accepted,
                                         None if accepted else reason)

        def done(info: offers.OfferRequestInfo) -> None:
            self._busy = False
            if generation != self._generation:
                return
            self._set_request(info, announce=True)
            if accepted:
                self.won_back.emit()

        (self._ops.op(run).publishes(Topic.OFFERS, Topic.CALLS).success(done)
         .failure(self._failed).run())


def _esc(text: Any) -> str:
    from html import escape

    return escape(str(text))
