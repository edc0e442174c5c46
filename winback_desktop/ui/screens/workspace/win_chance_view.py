"""P(win-back) in words, for the SLTV explain popup: the chance of the next call, what
it rests on (the cell, its wins and tries, the rate it is shrunk toward and how
strongly), and what the call is worth (expected value, to the minor unit)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from winback_desktop.services.win_model import PWinExplanation
from winback_desktop.ui.kit import vocabulary as vocab


class WinChancePanel(QGroupBox):
    """The customer's P(win) and the expected value of calling them, explained."""

    def __init__(self, chance: PWinExplanation, currency: str = "CNY",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Chance of winning them back"), parent)
        self.setObjectName("winChancePanel")
        est, value = chance.estimate, chance.value
        cell = est.cell
        levels = {"all": self.tr("all tries of this kind of campaign"),
                  "reason": self.tr("customers with the same defection reason"),
                  "reason_tier": self.tr("the same reason and SLTV tier"),
                  "cell": self.tr("this cell")}
        attempt = (self.tr("{n}th call or later").format(n=cell.attempt)
                   if cell.attempt == 5 else self.tr("call {n}").format(n=cell.attempt))
        age = (self.tr("no defection date") if cell.age == 5
               else self.tr("{days} days since defection").format(
                   days=("0-30", "31-90", "91-180", "181-365", "366+")[cell.age]))
        form = QFormLayout(self)
        self.p_label = QLabel(f"<b>{est.p_win:.1%}</b>")
        self.p_label.setObjectName("pWin")
        form.addRow(self.tr("P(win-back) of the next call:"), self.p_label)
        self.cell_label = QLabel(self.tr(
            "Customers like this one ({reason}, {tier}, {segment}, {attempt}, {age}): won "
            "back {wins} of {tries} calls.").format(
                reason=vocab.name(cell.reason), tier=vocab.name(cell.tier or None),
                segment=vocab.name(cell.segment or None), attempt=attempt, age=age,
                wins=est.own.wins, tries=est.own.tries))
        self.basis_label = QLabel(self.tr(
            "Few calls say little on their own, so this is pulled toward {parent}: "
            "{rate:.1%} ({wins} of {tries}), as if that rate had been seen on {kappa:.0f} "
            "more calls.").format(parent=levels.get(est.parent.level, est.parent.level),
                                  rate=est.parent.rate, wins=est.parent.wins,
                                  tries=est.parent.tries, kappa=est.own.prior_strength))
        for label in (self.cell_label, self.basis_label):
            label.setWordWrap(True)
        form.addRow(self.tr("Based on:"), self.cell_label)
        form.addRow("", self.basis_label)
        money = vocab.money
        self.value_label = QLabel(self.tr(
            "{p:.1%} × {value} if won − expected offer cost {offer} − contact cost {contact} "
            "= <b>{ev}</b>").format(p=value.p_win, value=money(value.value_if_won_minor, currency),
                                   offer=money(value.expected_offer_cost_minor, currency),
                                   contact=money(value.contact_cost_minor, currency),
                                   ev=money(value.expected_value_minor, currency)))
        self.value_label.setObjectName("expectedValue")
        self.value_label.setWordWrap(True)
        form.addRow(self.tr("Expected value of the call:"), self.value_label)
        self.cost_label = QLabel(money(value.expected_cost_minor, currency))
        form.addRow(self.tr("Expected cost:"), self.cost_label)
