"""Rewards: leaderboards, points and redemptions for agents; spot awards, approvals,
ledger corrections for supervisors; reward rules for admins."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
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
from winback_desktop.core.domain import Role
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import rewards
from winback_desktop.ui.context import AppContext
from winback_desktop.ui.ops import OpControl, Operation
from winback_desktop.ui.screens import ScreenSpec, register

_KINDS = {
    "event": QT_TRANSLATE_NOOP("RewardsScreen", "Rule points"),
    "spot": QT_TRANSLATE_NOOP("RewardsScreen", "Spot award"),
    "correction": QT_TRANSLATE_NOOP("RewardsScreen", "Correction"),
    "redemption": QT_TRANSLATE_NOOP("RewardsScreen", "Redemption"),
}
_SOURCES = {
    "call": QT_TRANSLATE_NOOP("RewardsScreen", "Win-back"),
    "interview": QT_TRANSLATE_NOOP("RewardsScreen", "Exit interview"),
    "qa": QT_TRANSLATE_NOOP("RewardsScreen", "QA score"),
    "streak": QT_TRANSLATE_NOOP("RewardsScreen", "Win-back streak"),
    "team_goal": QT_TRANSLATE_NOOP("RewardsScreen", "Team goal"),
}


def _table(headers: int) -> QTableWidget:
    table = QTableWidget(0, headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class RewardsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        actor = ctx.actor
        self.supervising = actor.can(Permission.GRANT_SPOT_REWARDS)
        self.admin = actor.can(Permission.MANAGE_REWARD_RULES)
        self._ops: list[Operation[Any]] = []

        # leaderboard
        self.board_period = QComboBox()
        self.board_metric = QComboBox()
        self.board = _table(4)
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
        self.catalogue = _table(2)
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
        self.pending = _table(4)
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
        self.ledger = _table(5)
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
        self.rules = _table(5)
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
        ctx.hub.changed.connect(lambda topics: self.reload() if "rewards" in topics else None)
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
                                 ("sltv_recovered_minor", self.tr("SLTV recovered"))]),
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
        super().changeEvent(event)

    # ---------------------------------------------------------------- helpers

    def _run(self, fn: Any, done: Any) -> Operation[Any]:
        op: Operation[Any] = Operation(fn, on_success=done, on_failure=self._failed,
                                       parent=self).start()
        self._ops = [o for o in self._ops if not o.done] + [op]
        return op

    def _failed(self, exc: BaseException) -> None:
        text = exc.render(QCoreApplication.translate) if isinstance(exc, WinbackError) \
            else str(exc)
        self.message.setText(text)
        self.message.setStyleSheet("color: #B3261E;")

    def _done(self, text: str) -> None:
        self._ok(text)
        self.ctx.hub.notify("rewards")

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
        supervising, admin = self.supervising, self.admin

        def work(control: OpControl) -> dict[str, Any]:
            with db.session() as s:
                out: dict[str, Any] = {
                    "board": rewards.leaderboard(s, actor, period, metric),
                    "catalogue": rewards.catalogue(s),
                }
                if actor.user_id is not None and actor.role == Role.AGENT:
                    out["balance"] = rewards.balance(s, actor, actor.user_id)
                    out["pending_points"] = rewards.pending_redemption_points(s, actor.user_id)
                if supervising:
                    out["agents"] = rewards.active_agents(s, actor)
                    out["pending"] = [(r.id, r.agent_id, r.item, r.points, r.requested_at)
                                      for r in rewards.pending_redemptions(s, actor)]
                if admin:
                    out["rules"] = [(r.id, r.name, r.kind, r.points, r.params, r.active,
                                     r.effective_from) for r in rewards.list_rules(s)]
                return out

        self._run(work, self._loaded)

    def _loaded(self, data: dict[str, Any]) -> None:
        metric = self.board_metric.currentData()
        self.board.setRowCount(len(data["board"]))
        for i, row in enumerate(data["board"]):
            value = f"¥{row.value / 100:,.0f}" if metric == "sltv_recovered_minor" else str(
                row.value)
            for j, text in enumerate((str(row.rank), row.login, row.display_name, value)):
                item = QTableWidgetItem(text)
                if row.agent_id == self.ctx.actor.user_id:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.board.setItem(i, j, item)
        if "balance" in data:
            mine = next((r for r in data["board"] if r.agent_id == self.ctx.actor.user_id), None)
            self.my_points.setText(self.tr("Your balance: {balance} points · rank {rank}").format(
                balance=data["balance"], rank=mine.rank if mine else "–"))
            self.available = data["balance"] - data["pending_points"]
        zh = self.ctx.language.startswith("zh")
        self.catalogue.setRowCount(len(data["catalogue"]))
        for i, item in enumerate(data["catalogue"]):
            name = item.get("name_zh") if zh and item.get("name_zh") else item["name"]
            cell = QTableWidgetItem(name)
            cell.setData(Qt.ItemDataRole.UserRole, item["item"])
            self.catalogue.setItem(i, 0, cell)
            self.catalogue.setItem(i, 1, QTableWidgetItem(str(item["points"])))
        if "agents" in data:
            names = {aid: f"{name} ({login})" for aid, login, name in data["agents"]}
            for combo in (self.award_agent, self.ledger_agent):
                keep = combo.currentData()
                combo.blockSignals(True)
                combo.clear()
                for aid, text in names.items():
                    combo.addItem(text, aid)
                if keep is not None and combo.findData(keep) >= 0:
                    combo.setCurrentIndex(combo.findData(keep))
                combo.blockSignals(False)
            self.pending.setRowCount(len(data["pending"]))
            for i, (rid, agent_id, item_key, points, at) in enumerate(data["pending"]):
                cell = QTableWidgetItem(names.get(agent_id, str(agent_id)))
                cell.setData(Qt.ItemDataRole.UserRole, rid)
                self.pending.setItem(i, 0, cell)
                self.pending.setItem(i, 1, QTableWidgetItem(item_key))
                self.pending.setItem(i, 2, QTableWidgetItem(str(points)))
                self.pending.setItem(i, 3, QTableWidgetItem(
                    at.astimezone().strftime("%Y-%m-%d %H:%M")))
            self.reload_ledger()
        if "rules" in data:
            self.rules.setRowCount(len(data["rules"]))
            for i, (rid, name, kind, points, params, active, _eff) in enumerate(data["rules"]):
                cell = QTableWidgetItem(name)
                cell.setData(Qt.ItemDataRole.UserRole, rid)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.rules.setItem(i, 0, cell)
                kind_item = QTableWidgetItem(kind)
                kind_item.setFlags(kind_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.rules.setItem(i, 1, kind_item)
                self.rules.setItem(i, 2, QTableWidgetItem(str(points)))
                self.rules.setItem(i, 3, QTableWidgetItem(json.dumps(params or {})))
                check = QTableWidgetItem()
                check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                check.setCheckState(Qt.CheckState.Checked if active else Qt.CheckState.Unchecked)
                self.rules.setItem(i, 4, check)

    def reload_ledger(self) -> None:
        agent_id = self.ledger_agent.currentData()
        if agent_id is None:
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> list[tuple[Any, ...]]:
            with db.session() as s:
                return [(e.id, e.created_at, e.points, e.kind, e.reason, e.source_type)
                        for e in rewards.ledger(s, actor, agent_id)]

        def show(rows: list[tuple[Any, ...]]) -> None:
            self.ledger.setRowCount(len(rows))
            translate = QCoreApplication.translate
            for i, (eid, at, points, kind, reason, source) in enumerate(rows):
                why = reason if kind != "event" or not source else translate(
                    "RewardsScreen", _SOURCES.get(source, source))
                values = (at.astimezone().strftime("%Y-%m-%d"), f"{points:+d}",
                          translate("RewardsScreen", _KINDS.get(kind, kind)), why or "",
                          str(eid))
                for j, text in enumerate(values):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, eid)
                    self.ledger.setItem(i, j, item)

        self._run(work, show)

    # --------------------------------------------------------------- actions

    def redeem(self) -> None:
        row = self.catalogue.currentRow()
        if row < 0:
            return
        item_key = self._item(self.catalogue, row, 0).data(Qt.ItemDataRole.UserRole)
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> None:
            with db.session() as s:
                rewards.request_redemption(s, actor, item_key)

        self._run(work, lambda _r: self._done(self.tr("Request sent to your supervisor.")))

    def award(self) -> None:
        agent_id = self.award_agent.currentData()
        points, reason = self.award_points.value(), self.award_reason.text()
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> None:
            with db.session() as s:
                rewards.grant_spot_award(s, actor, agent_id, points, reason)

        def done(_r: Any) -> None:
            self.award_reason.clear()
            self._ok(self.tr("Awarded {points} points.").format(points=points))
            self.ctx.hub.notify("rewards")

        self._run(work, done)

    def decide(self, approve: bool) -> None:
        row = self.pending.currentRow()
        if row < 0:
            return
        rid = self._item(self.pending, row, 0).data(Qt.ItemDataRole.UserRole)
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> None:
            with db.session() as s:
                rewards.decide_redemption(s, actor, rid, approve)

        self._run(work, lambda _r: self._done(self.tr("Decision saved.")))

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

        def work(control: OpControl) -> None:
            with db.session() as s:
                rewards.reverse_entry(s, actor, eid, "corrected by supervisor")

        self._run(work, lambda _r: self._done(self.tr("Entry reversed.")))

    def save_rules(self) -> None:
        changes = []
        try:
            for i in range(self.rules.rowCount()):
                changes.append((
                    self._item(self.rules, i, 0).data(Qt.ItemDataRole.UserRole),
                    self._item(self.rules, i, 0).text(), self._item(self.rules, i, 1).text(),
                    int(self._item(self.rules, i, 2).text()),
                    json.loads(self._item(self.rules, i, 3).text() or "{}"),
                    self._item(self.rules, i, 4).checkState() == Qt.CheckState.Checked))
        except (ValueError, json.JSONDecodeError):
            self._failed(WinbackError(QT_TRANSLATE_NOOP(
                "Errors", "Points must be whole numbers and parameters valid JSON.")))
            return
        db, actor = self.ctx.db, self.ctx.actor

        def work(control: OpControl) -> None:
            with db.session() as s:
                existing = {r.id: r for r in rewards.list_rules(s)}
                for rid, name, kind, points, params, active in changes:
                    rule = existing[rid]
                    rewards.save_rule(s, actor, rule_id=rid, name=name, kind=kind, points=points,
                                      params=params, effective_from=rule.effective_from or
                                      date.today(), effective_to=rule.effective_to,
                                      active=active)

        self._run(work, lambda _r: self._done(self.tr("Rules saved.")))


register(ScreenSpec(
    key="rewards",
    title=QT_TRANSLATE_NOOP("Screens", "Rewards"),
    permission=Permission.VIEW_OWN_SCORECARD,
    factory=RewardsScreen,
    order=65,
))
