"""Rewards: leaderboards, points and redemptions for agents; spot awards, approvals,
ledger corrections for supervisors; reward rules for admins."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import metrics
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import reward_actions
from winback_desktop.services.changes import Topic
from winback_desktop.ui.kit.service_op import OpError, OpGroup, ServiceOp
from winback_desktop.ui.kit.widgets import read_only_table
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

_KINDS = {
    "event": QT_TRANSLATE_NOOP("RewardsScreen", "Rule points"),
    "spot": QT_TRANSLATE_NOOP("RewardsScreen", "Spot award"),
    "correction": QT_TRANSLATE_NOOP("RewardsScreen", "Correction"),
    "redemption": QT_TRANSLATE_NOOP("RewardsScreen", "Redemption"),
}
_SOURCES = {
    "call": QT_TRANSLATE_NOOP("RewardsScreen", "Win-back"),
    "save": QT_TRANSLATE_NOOP("RewardsScreen", "Save"),
    "interview": QT_TRANSLATE_NOOP("RewardsScreen", "Exit interview"),
    "qa": QT_TRANSLATE_NOOP("RewardsScreen", "QA score"),
    "streak": QT_TRANSLATE_NOOP("RewardsScreen", "Win-back streak"),
    "team_goal": QT_TRANSLATE_NOOP("RewardsScreen", "Team goal"),
}
# The rule's name as stored (the table shows a shipped name translated).
_STORED_NAME = Qt.ItemDataRole.UserRole + 1
#: what each kind of reward rule rewards (the rules table)
_RULE_KINDS = {
    "win_back": QT_TRANSLATE_NOOP("RewardsScreen", "Win-back by SLTV tier"),
    "save": QT_TRANSLATE_NOOP("RewardsScreen", "Save by SLTV tier"),
    "interview": QT_TRANSLATE_NOOP("RewardsScreen", "Exit interview"),
    "qa_bonus": QT_TRANSLATE_NOOP("RewardsScreen", "QA score"),
    "streak": QT_TRANSLATE_NOOP("RewardsScreen", "Win-back streak"),
    "team_goal": QT_TRANSLATE_NOOP("RewardsScreen", "Team goal"),
}


class RewardsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.actor
        self.supervising = actor.can(Permission.GRANT_SPOT_REWARDS)
        self.admin = actor.can(Permission.MANAGE_REWARD_RULES)
        self._ops = OpGroup(self, ctx.hub, serial=True, retry_locked=True)

        # leaderboard
        self.board_period = QComboBox()
        self.board_metric = QComboBox()
        self.board = read_only_table(4)
        self.my_points = QLabel()
        self.my_points.setObjectName("my_points")
        board_page = QWidget()
        bl = QVBoxLayout(board_page)
        top = QHBoxLayout()
        top.addWidget(self.board_period)
        top.addWidget(self.board_metric)
        top.addStretch(1)
        top.addWidget(self.my_points)
        bl.addLayout(top)
        bl.addWidget(self.board)

        # redeem (agents)
        self.catalogue = read_only_table(2)
        self.redeem_button = QPushButton()
        redeem_page = QWidget()
        rl = QVBoxLayout(redeem_page)
        rl.addWidget(self.catalogue)
        rl.addWidget(self.redeem_button, alignment=Qt.AlignmentFlag.AlignRight)

        # spot awards + approvals (supervisors)
        self.award_agent = QComboBox()
        self.award_points = QSpinBox()
        self.award_points.setRange(1, 10_000)
        self.award_points.setValue(20)
        self.award_reason = QLineEdit()
        self.award_button = QPushButton()
        self.award_box = QGroupBox()
        form = QFormLayout(self.award_box)
        self.award_agent_label, self.award_points_label, self.award_reason_label = (
            QLabel(), QLabel(), QLabel())
        form.addRow(self.award_agent_label, self.award_agent)
        form.addRow(self.award_points_label, self.award_points)
        form.addRow(self.award_reason_label, self.award_reason)
        form.addRow(self.award_button)
        self.pending = read_only_table(4)
        self.approve_button, self.reject_button = QPushButton(), QPushButton()
        self.pending_box = QGroupBox()
        pl = QVBoxLayout(self.pending_box)
        pl.addWidget(self.pending)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        pl.addLayout(buttons)
        self.ledger_agent = QComboBox()
        self.ledger = read_only_table(5)
        self.reverse_button = QPushButton()
        self.ledger_box = QGroupBox()
        ll = QVBoxLayout(self.ledger_box)
        ll.addWidget(self.ledger_agent)
        ll.addWidget(self.ledger)
        ll.addWidget(self.reverse_button, alignment=Qt.AlignmentFlag.AlignRight)
        manage_page = QWidget()
        ml = QHBoxLayout(manage_page)
        left = QVBoxLayout()
        left.addWidget(self.award_box)
        left.addWidget(self.pending_box, 1)
        ml.addLayout(left, 1)
        ml.addWidget(self.ledger_box, 1)

        # rules (admin)
        self.rules = read_only_table(5)
        self.rules.setEditTriggers(QTableWidget.EditTrigger.DoubleClicked)
        self.save_rules_button = QPushButton()
        rules_page = QWidget()
        rul = QVBoxLayout(rules_page)
        rul.addWidget(self.rules)
        rul.addWidget(self.save_rules_button, alignment=Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        # Pages a role does not use still own widgets the loaders touch: keep them alive.
        self._all_pages = (board_page, redeem_page, manage_page, rules_page)
        self.pages: list[tuple[QWidget, str]] = [(board_page, "board")]
        if not self.supervising:
            self.pages.append((redeem_page, "redeem"))
        if self.supervising:
            self.pages.append((manage_page, "manage"))
        if self.admin:
            self.pages.append((rules_page, "rules"))
        for page, _key in self.pages:
            self.tabs.addTab(page, "")
        self.message = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)

        self.board_period.currentIndexChanged.connect(self.reload)
        self.board_metric.currentIndexChanged.connect(self.reload)
        self.redeem_button.clicked.connect(self.redeem)
        self.award_button.clicked.connect(self.award)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.ledger_agent.currentIndexChanged.connect(self.reload_ledger)
        self.reverse_button.clicked.connect(self.reverse)
        self.save_rules_button.clicked.connect(self.save_rules)
        ctx.hub.subscribe(self, (Topic.REWARDS, Topic.CALLS), lambda _c: self.reload())
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        titles = {"board": self.tr("Leaderboard"), "redeem": self.tr("Redeem points"),
                  "manage": self.tr("Awards and approvals"), "rules": self.tr("Reward rules")}
        for i, (_page, key) in enumerate(self.pages):
            self.tabs.setTabText(i, titles[key])
        for combo, items in (
            (self.board_period, [("today", self.tr("Today")), ("week", self.tr("This week")),
                                 ("month", self.tr("This month"))]),
            (self.board_metric, [("points", self.tr("Points")),
                                 ("win_backs", self.tr("Win-backs")),
                                 ("sltv_recovered_minor", self.tr("SLTV recovered")),
                                 ("saves", self.tr("Saves")),
                                 ("sltv_saved_minor", self.tr("SLTV saved"))]),
        ):
            current = combo.currentIndex()
            if current < 0:
                current = 2 if combo is self.board_period else 0
            combo.blockSignals(True)
            combo.clear()
            for key, text in items:
                combo.addItem(text, key)
            combo.setCurrentIndex(current)
            combo.blockSignals(False)
        self.board.setHorizontalHeaderLabels(
            [self.tr("Rank"), self.tr("Agent"), self.tr("Name"), self.tr("Value")])
        self.catalogue.setHorizontalHeaderLabels([self.tr("Reward"), self.tr("Points")])
        self.redeem_button.setText(self.tr("Request this reward"))
        self.award_box.setTitle(self.tr("Spot award"))
        self.award_agent_label.setText(self.tr("Agent"))
        self.award_points_label.setText(self.tr("Points"))
        self.award_reason_label.setText(self.tr("Reason"))
        self.award_reason.setPlaceholderText(self.tr("What did they do well?"))
        self.award_button.setText(self.tr("Grant award"))
        self.pending_box.setTitle(self.tr("Redemption requests"))
        self.pending.setHorizontalHeaderLabels(
            [self.tr("Agent"), self.tr("Reward"), self.tr("Points"), self.tr("Requested")])
        self.approve_button.setText(self.tr("Approve"))
        self.reject_button.setText(self.tr("Reject"))
        self.ledger_box.setTitle(self.tr("Points ledger"))
        self.ledger.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Points"), self.tr("Kind"), self.tr("Reason"),
             self.tr("Entry")])
        self.reverse_button.setText(self.tr("Reverse selected entry…"))
        self.rules.setHorizontalHeaderLabels(
            [self.tr("Rule"), self.tr("Kind"), self.tr("Points"), self.tr("Parameters"),
             self.tr("Active")])
        self.save_rules_button.setText(self.tr("Save rules"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.reload()  # the balance sentence is built on loading
        super().changeEvent(event)

    # ---------------------------------------------------------------- helpers

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> ServiceOp[Any]:
        return self._ops.op(lambda _c: fn()).success(done).failure(self._failed).run()

    def idle(self) -> bool:
        return self._ops.idle()

    def _failed(self, error: OpError) -> None:
        if not error.cancelled:
            self.message.setText(error.text)
            self.message.setStyleSheet("color: #B3261E;")

    @staticmethod
    def _item(table: QTableWidget, row: int, col: int) -> QTableWidgetItem:
        item = table.item(row, col)
        assert item is not None
        return item

    def _ok(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #1E7B34;")

    # ------------------------------------------------------------------ loads

    def reload(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        period = metrics.parse_period(self.board_period.currentData() or "month")
        metric = self.board_metric.currentData() or "points"
        self._run(lambda: reward_actions.rewards_view(db, actor, period, metric), self._loaded)

    def _loaded(self, data: reward_actions.RewardsView) -> None:
        metric = self.board_metric.currentData()
        money = metric in ("sltv_recovered_minor", "sltv_saved_minor")
        self.board.setRowCount(len(data.board))
        for i, row in enumerate(data.board):
            value = f"¥{row.value / 100:,.0f}" if money else f"{row.value:,}"
            for j, text in enumerate((str(row.rank), row.login, row.display_name, value)):
                item = QTableWidgetItem(text)
                if row.agent_id == self.ctx.actor.user_id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.board.setItem(i, j, item)
        if data.balance is not None:
            mine = next((r for r in data.board if r.agent_id == self.ctx.actor.user_id), None)
            self.my_points.setText(self.tr(
                "Your balance: {balance} points · {rank} of {n} on this board").format(
                    balance=f"{data.balance:,}", rank=mine.rank if mine else "–",
                    n=len(data.board)))
            self.available = data.balance - data.pending_points
        zh = self.ctx.language.startswith("zh")
        self.catalogue.setRowCount(len(data.catalogue))
        for i, offer in enumerate(data.catalogue):
            name = str(offer.get("name_zh") if zh and offer.get("name_zh") else offer["name"])
            cell = QTableWidgetItem(name)
            cell.setData(Qt.ItemDataRole.UserRole, offer["item"])
            self.catalogue.setItem(i, 0, cell)
            self.catalogue.setItem(i, 1, QTableWidgetItem(str(offer["points"])))
        if self.supervising:
            names = {aid: f"{name} ({login})" for aid, login, name in data.agents}
            for combo in (self.award_agent, self.ledger_agent):
                keep = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                for aid, text in names.items():
                    combo.addItem(text, aid)
                if keep is not None and combo.findData(keep) >= 0:
                    combo.setCurrentIndex(combo.findData(keep))
                combo.blockSignals(False)
            self.pending.setRowCount(len(data.pending))
            for i, p in enumerate(data.pending):
                cell = QTableWidgetItem(names.get(p.agent_id, str(p.agent_id)))
                cell.setData(Qt.ItemDataRole.UserRole, p.id)
                self.pending.setItem(i, 0, cell)
                self.pending.setItem(i, 1, QTableWidgetItem(p.item))
                self.pending.setItem(i, 2, QTableWidgetItem(str(p.points)))
                self.pending.setItem(i, 3, QTableWidgetItem(
                    p.requested_at.astimezone().strftime("%Y-%m-%d %H:%M")))
            self.reload_ledger()
        if self.admin:
            self._rules = {r.id: r for r in data.rules}
            self.rules.setRowCount(len(data.rules))
            for i, r in enumerate(data.rules):
                # the shipped rules are named after their kind: shown in the UI language,
                # stored as they are
                shown = (QCoreApplication.translate("RewardsScreen", r.name)
                         if r.name in _RULE_KINDS.values() else r.name)
                cell = QTableWidgetItem(shown)
                cell.setData(Qt.ItemDataRole.UserRole, r.id)
                cell.setData(_STORED_NAME, r.name)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.rules.setItem(i, 0, cell)
                kind_item = QTableWidgetItem(QCoreApplication.translate(
                    "RewardsScreen", _RULE_KINDS.get(r.kind, r.kind)))
                kind_item.setData(Qt.ItemDataRole.UserRole, r.kind)
                kind_item.setFlags(kind_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.rules.setItem(i, 1, kind_item)
                self.rules.setItem(i, 2, QTableWidgetItem(str(r.points)))
                self.rules.setItem(i, 3, QTableWidgetItem(json.dumps(r.params)))
                check = QTableWidgetItem()
                check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                check.setCheckState(Qt.CheckState.Checked if r.active
                                    else Qt.CheckState.Unchecked)
                self.rules.setItem(i, 4, check)

    def reload_ledger(self) -> None:
        agent_id = self.ledger_agent.currentData()
        if agent_id is None:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def show(rows: list[reward_actions.LedgerLine]) -> None:
            self.ledger.setRowCount(len(rows))
            translate = QCoreApplication.translate
            for i, e in enumerate(rows):
                why = e.reason if e.kind != "event" or not e.source_type else translate(
                    "RewardsScreen", _SOURCES.get(e.source_type, e.source_type))
                values = (e.created_at.astimezone().strftime("%Y-%m-%d"), f"{e.points:+d}",
                          translate("RewardsScreen", _KINDS.get(e.kind, e.kind)), why or "",
                          str(e.id))
                for j, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, e.id)
                    self.ledger.setItem(i, j, item)

        self._run(lambda: reward_actions.ledger_lines(db, actor, agent_id), show)

    # --------------------------------------------------------------- actions

    def redeem(self) -> None:
        row = self.catalogue.currentRow()
        if row < 0:
            return
        item_key = self._item(self.catalogue, row, 0).data(Qt.ItemDataRole.UserRole)
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: reward_actions.request_redemption(db, actor, item_key),
                  lambda _r: self._ok(self.tr("Request sent to your supervisor.")))

    def award(self) -> None:
        agent_id = self.award_agent.currentData()
        points, reason = self.award_points.value(), self.award_reason.text()
        db, actor = self.ctx.db, self.ctx.actor

        def done(_r: Any) -> None:
            self.award_reason.clear()
            self._ok(self.tr("Awarded {points} points.").format(points=points))

        self._run(lambda: reward_actions.award(db, actor, agent_id, points, reason), done)

    def decide(self, approve: bool) -> None:
        row = self.pending.currentRow()
        if row < 0:
            return
        rid = self._item(self.pending, row, 0).data(Qt.ItemDataRole.UserRole)
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: reward_actions.decide_redemption(db, actor, rid, approve),
                  lambda _r: self._ok(self.tr("Decision saved.")))

    def reverse(self) -> None:
        row = self.ledger.currentRow()
        if row < 0:
            return
        eid = self._item(self.ledger, row, 0).data(Qt.ItemDataRole.UserRole)
        answer = QMessageBox.question(self, self.tr("Reverse entry"),
                                      self.tr("Add a reversal for entry {id}?").format(id=eid))
        if answer != QMessageBox.StandardButton.Yes:
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: reward_actions.reverse_entry(db, actor, eid,
                                                       "corrected by supervisor"),
                  lambda _r: self._ok(self.tr("Entry reversed.")))

    def save_rules(self) -> None:
        edits = []
        try:
            for i in range(self.rules.rowCount()):
                edits.append((
                    int(self._item(self.rules, i, 0).data(Qt.ItemDataRole.UserRole)),
                    str(self._item(self.rules, i, 0).data(_STORED_NAME)
                        or self._item(self.rules, i, 0).text()),
                    str(self._item(self.rules, i, 1).data(Qt.ItemDataRole.UserRole)),
                    int(self._item(self.rules, i, 2).text()),
                    json.loads(self._item(self.rules, i, 3).text() or "{}"),
                    self._item(self.rules, i, 4).checkState() == Qt.CheckState.Checked))
        except (ValueError, json.JSONDecodeError):
            self.message.setText(self.tr("Points must be whole numbers and parameters valid "
                                         "JSON."))
            self.message.setStyleSheet("color: #B3261E;")
            return
        db, actor = self.ctx.db, self.ctx.actor
        self._run(lambda: reward_actions.save_rules(db, actor, edits),
                  lambda _r: self._ok(self.tr("Rules saved.")))


register(ScreenSpec(
    key="rewards",
    title=QT_TRANSLATE_NOOP("Screens", "Rewards"),
    permission=Permission.VIEW_OWN_SCORECARD,
    factory=RewardsScreen,
    order=65,
))
