"""Scorecards: the agent's own numbers, the supervisor's team view, managing the managers.

Everything is computed by ``services.scorecards`` in a background operation; this
module only lays the numbers out, colours them against the team and the target, and
draws trends.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import metrics
from winback_desktop.core.errors import WinbackError
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.db.types import utcnow
from winback_desktop.services import rewards, scorecard_export, scorecards
from winback_desktop.ui.charts import SPARKLINE_ROLE, ChartWidget, SparklineDelegate
from winback_desktop.ui.context import AppContext
from winback_desktop.ui.ops import OpControl, Operation
from winback_desktop.ui.screens import ScreenSpec, register

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
GOOD = QColor("#1E7B34")
BAD = QColor("#B3261E")


_LABELS = {
    "agent": QT_TRANSLATE_NOOP("Scorecards", "Agent"),
    "team": QT_TRANSLATE_NOOP("Scorecards", "Team"),
    "team_average": QT_TRANSLATE_NOOP("Scorecards", "Team average"),
    "day": QT_TRANSLATE_NOOP("Scorecards", "Day"),
    "trend": QT_TRANSLATE_NOOP("Scorecards", "Win-backs per day"),
    "dials": QT_TRANSLATE_NOOP("Scorecards", "Dials"),
    "contacts": QT_TRANSLATE_NOOP("Scorecards", "Contacts"),
    "rpc": QT_TRANSLATE_NOOP("Scorecards", "Right-party contacts"),
    "rpc_rate": QT_TRANSLATE_NOOP("Scorecards", "Right-party rate"),
    "interviews_completed": QT_TRANSLATE_NOOP("Scorecards", "Interviews"),
    "interview_completion": QT_TRANSLATE_NOOP("Scorecards", "Interview completion"),
    "win_backs": QT_TRANSLATE_NOOP("Scorecards", "Win-backs"),
    "win_back_rate": QT_TRANSLATE_NOOP("Scorecards", "Win-back rate"),
    "sltv_recovered_minor": QT_TRANSLATE_NOOP("Scorecards", "SLTV recovered"),
    "offer_cost_minor": QT_TRANSLATE_NOOP("Scorecards", "Offer cost"),
    "offer_cost_ratio": QT_TRANSLATE_NOOP("Scorecards", "Offer cost / SLTV"),
    "avg_handle_s": QT_TRANSLATE_NOOP("Scorecards", "Avg handle (s)"),
    "avg_talk_s": QT_TRANSLATE_NOOP("Scorecards", "Avg talk (s)"),
    "avg_wrap_s": QT_TRANSLATE_NOOP("Scorecards", "Avg wrap (s)"),
    "qa_average": QT_TRANSLATE_NOOP("Scorecards", "QA average"),
    "qa_evaluations": QT_TRANSLATE_NOOP("Scorecards", "QA evaluations"),
    "qa_critical_fails": QT_TRANSLATE_NOOP("Scorecards", "Critical fails"),
    "points": QT_TRANSLATE_NOOP("Scorecards", "Points"),
    "trend_col": QT_TRANSLATE_NOOP("Scorecards", "Trend"),
    "burnout": QT_TRANSLATE_NOOP("Scorecards", "Burnout signals"),
}
_SUPERVISOR_LABELS = {
    "login": QT_TRANSLATE_NOOP("Scorecards", "Supervisor"),
    "approval_turnaround_s": QT_TRANSLATE_NOOP("Scorecards", "Approval turnaround (min)"),
    "approvals_decided": QT_TRANSLATE_NOOP("Scorecards", "Approvals decided"),
    "calls": QT_TRANSLATE_NOOP("Scorecards", "Team calls"),
    "reviewed_share": QT_TRANSLATE_NOOP("Scorecards", "Calls QA-reviewed"),
    "coaching_given": QT_TRANSLATE_NOOP("Scorecards", "Coaching given"),
    "team_win_back_rate": QT_TRANSLATE_NOOP("Scorecards", "Team win-back rate"),
    "team_burnout_signals": QT_TRANSLATE_NOOP("Scorecards", "Team burnout signals"),
}
_BURNOUT = {
    "handle_time_drift": QT_TRANSLATE_NOOP(
        "Scorecards", "Handle time up {pct}% ({recent} s vs {base} s)"),
    "long_session": QT_TRANSLATE_NOOP("Scorecards", "{minutes} minutes of calls without a break"),
    "falling_qa": QT_TRANSLATE_NOOP("Scorecards", "QA falling: {recent} from {previous}"),
    "falling_contact_rate": QT_TRANSLATE_NOOP("Scorecards", "Contact rate falling {pct}%"),
}


def metric_labels() -> dict[str, str]:
    """Translated names of every metric and export label."""
    return {k: translate("Scorecards", v) for k, v in _LABELS.items()}


def burnout_text(signal: metrics.BurnoutSignal) -> str:
    d = signal.detail
    template = translate("Scorecards", _BURNOUT.get(signal.kind, signal.kind))
    if signal.kind == "handle_time_drift":
        return template.format(pct=round(d["drift"] * 100), recent=d["recent_s"],
                               base=d["baseline_s"])
    if signal.kind == "long_session":
        return template.format(minutes=d["minutes"])
    if signal.kind == "falling_qa":
        return template.format(recent=round(d["recent"]), previous=round(d["previous"]))
    if signal.kind == "falling_contact_rate":
        return template.format(pct=round(-d["change"] * 100))
    return template


def format_metric(key: str, value: Any) -> str:
    if value is None:
        return "–"
    kind = dict(scorecard_export.COLUMNS).get(key, "int")
    if key in ("rpc", "interviews_completed", "offer_cost_minor", "qa_evaluations"):
        kind = "money" if key == "offer_cost_minor" else "int"
    if kind == "pct":
        return f"{value:.1%}"
    if kind == "money":
        return f"¥{value / 100:,.0f}"
    if kind == "num":
        return f"{value:.1f}"
    return f"{value:,.0f}"


class TeamModel(QAbstractTableModel):
    """Hand-written table model over a ``TeamView``: sortable, coloured, sparklines."""

    def __init__(self) -> None:
        super().__init__()
        self.view: scorecards.TeamView | None = None
        self.rows: list[scorecards.AgentRow] = []
        self.columns = ["agent", "team", "trend_col", *[k for k, _ in scorecard_export.COLUMNS],
                        "burnout"]
        self.labels = metric_labels()

    def set_view(self, view: scorecards.TeamView) -> None:
        self.beginResetModel()
        self.view = view
        self.rows = list(view.rows)
        self.labels = metric_labels()
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.labels.get(self.columns[section], self.columns[section])
        return None

    def _raw(self, row: scorecards.AgentRow, key: str) -> Any:
        if key == "agent":
            return row.display_name or row.login
        if key == "team":
            return row.team or ""
        if key == "trend_col":
            return sum(row.trend)
        if key == "burnout":
            return len(row.burnout)
        return getattr(row.card, key)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key in ("agent", "team"):
                return self._raw(row, key)
            if key == "trend_col":
                return ""
            if key == "burnout":
                return "⚠ " + str(len(row.burnout)) if row.burnout else ""
            return format_metric(key, getattr(row.card, key))
        if role == SPARKLINE_ROLE and key == "trend_col":
            return row.trend
        if role == Qt.ItemDataRole.ToolTipRole and key == "burnout" and row.burnout:
            return "\n".join(burnout_text(b) for b in row.burnout)
        if role == Qt.ItemDataRole.ForegroundRole and self.view and key in metrics.HIGHER_IS_BETTER:
            v = metrics.verdict(key, getattr(row.card, key), self.view.team_average.get(key))
            return GOOD if v > 0 else BAD if v < 0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("agent", "team"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.agent_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column]
        self.layoutAboutToBeChanged.emit()

        def sort_key(r: scorecards.AgentRow) -> tuple[int, Any]:
            v = self._raw(r, key)
            return (v is None, v if v is not None else 0)

        self.rows.sort(key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class MetricTiles(QWidget):
    """One agent's numbers, each against the team average and the target."""

    KEYS = ["dials", "contacts", "rpc_rate", "interview_completion", "win_backs",
            "win_back_rate", "sltv_recovered_minor", "offer_cost_ratio", "avg_handle_s",
            "avg_talk_s", "avg_wrap_s", "qa_average", "qa_critical_fails", "points"]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(18)
        self.value_labels: dict[str, QLabel] = {}
        self.name_labels: dict[str, QLabel] = {}
        self.ref_labels: dict[str, QLabel] = {}
        for i, key in enumerate(self.KEYS):
            r, c = divmod(i, 4)
            name, value, ref = QLabel(), QLabel("–"), QLabel()
            value.setObjectName(f"metric_{key}")
            value.setStyleSheet("font-size: 18px; font-weight: 600;")
            ref.setStyleSheet("color: #666; font-size: 11px;")
            box = QVBoxLayout()
            box.addWidget(name)
            box.addWidget(value)
            box.addWidget(ref)
            self.grid.addLayout(box, r, c)
            self.name_labels[key], self.value_labels[key], self.ref_labels[key] = name, value, ref
        self.retranslate()

    def retranslate(self) -> None:
        labels = metric_labels()
        for key, label in self.name_labels.items():
            label.setText(labels[key])

    def show_card(self, card: metrics.Scorecard, team: dict[str, float | None],
                  targets: dict[str, float]) -> None:
        for key in self.KEYS:
            value = getattr(card, key)
            label = self.value_labels[key]
            label.setText(format_metric(key, value))
            verdict = metrics.verdict(key, value, targets.get(key, team.get(key)))
            colour = "#1E7B34" if verdict > 0 else "#B3261E" if verdict < 0 else "#222"
            label.setStyleSheet(f"font-size: 18px; font-weight: 600; color: {colour};")
            parts = [self.tr("team {value}").format(value=format_metric(key, team.get(key)))]
            if key in targets:
                parts.append(self.tr("target {value}").format(
                    value=format_metric(key, targets[key])))
            self.ref_labels[key].setText(" · ".join(parts))


class ScorecardScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team_view: scorecards.TeamView | None = None
        self.selected_agent: str | None = None
        self._op: Operation[Any] | None = None
        self.is_team = ctx.actor.can(Permission.VIEW_TEAM_SCORECARDS)

        self.period_combo = QComboBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-29))
        self.date_to.setDate(today)
        self.refresh_button = QPushButton()
        self.export_xlsx_button = QPushButton()
        self.export_pdf_button = QPushButton()
        self.status = QLabel()
        bar = QHBoxLayout()
        self.period_label = QLabel()
        for w in (self.period_label, self.period_combo, self.date_from, self.date_to,
                  self.refresh_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.export_xlsx_button)
        bar.addWidget(self.export_pdf_button)

        self.model = TeamModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(2, SparklineDelegate(self.table))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._drill_down)

        self.tiles = MetricTiles()
        self.agent_title = QLabel()
        self.agent_title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.burnout_list = QListWidget()
        self.burnout_list.setMaximumHeight(90)
        self.points_label = QLabel()
        self._chart: ChartWidget | None = None
        self.chart_holder = QVBoxLayout()
        agent_page = QWidget()
        agent_layout = QVBoxLayout(agent_page)
        agent_layout.addWidget(self.agent_title)
        agent_layout.addWidget(self.tiles)
        self.burnout_box = QGroupBox()
        QVBoxLayout(self.burnout_box).addWidget(self.burnout_list)
        row = QHBoxLayout()
        row.addWidget(self.burnout_box, 2)
        row.addWidget(self.points_label, 1)
        agent_layout.addLayout(row)
        agent_layout.addLayout(self.chart_holder, 1)

        self.sup_table = QTableView()
        self.sup_model = SupervisorModel()
        self.sup_table.setModel(self.sup_model)
        self.sup_table.verticalHeader().hide()

        self.tabs = QTabWidget()
        if self.is_team:
            splitter = QSplitter(Qt.Orientation.Vertical)
            splitter.addWidget(self.table)
            self.tabs.addTab(splitter, "")
            self.tabs.addTab(agent_page, "")
            self.tabs.addTab(self.sup_table, "")
        else:
            self.tabs.addTab(agent_page, "")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.refresh_button.clicked.connect(self.reload)
        self.export_xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.export_pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        ctx.hub.changed.connect(self._on_changed)
        self.retranslate()
        self._period_changed()

    # ----------------------------------------------------------------- texts

    def retranslate(self) -> None:
        current = self.period_combo.currentIndex()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for key, text in (("today", self.tr("Today")), ("week", self.tr("This week")),
                          ("month", self.tr("This month")), ("last_month", self.tr("Last month")),
                          ("30d", self.tr("Last 30 days")), ("custom", self.tr("Custom"))):
            self.period_combo.addItem(text, key)
        self.period_combo.setCurrentIndex(current if current >= 0 else 2)
        self.period_combo.blockSignals(False)
        self.period_label.setText(self.tr("Period:"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.export_xlsx_button.setText(self.tr("Export Excel…"))
        self.export_pdf_button.setText(self.tr("Export PDF…"))
        self.burnout_box.setTitle(self.tr("Burnout signals"))
        if self.is_team:
            self.tabs.setTabText(0, self.tr("Team"))
            self.tabs.setTabText(1, self.tr("Agent"))
            self.tabs.setTabText(2, self.tr("Supervisors"))
        else:
            self.tabs.setTabText(0, self.tr("My scorecard"))
        self.tiles.retranslate()
        self.sup_model.retranslate()
        if self.team_view:
            self.model.set_view(self.team_view)

    def changeEvent(self, event: Any) -> None:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---------------------------------------------------------------- period

    def period(self) -> metrics.Period:
        key = self.period_combo.currentData()
        today = date.today()
        if key == "today":
            return metrics.parse_period("today", today)
        if key == "week":
            return metrics.parse_period("week", today)
        if key == "last_month":
            first = today.replace(day=1) - timedelta(days=1)
            return metrics.parse_period(first.strftime("%Y-%m"))
        if key == "30d":
            return metrics.Period(today - timedelta(days=29), today + timedelta(days=1), "30d")
        if key == "custom":
            qa, qb = self.date_from.date(), self.date_to.date()
            a = date(qa.year(), qa.month(), qa.day())
            b = date(qb.year(), qb.month(), qb.day())
            if b < a:
                a, b = b, a
            return metrics.Period(a, b + timedelta(days=1), f"{a}..{b}")
        return metrics.parse_period("month", today)

    def _period_changed(self) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_to.setVisible(custom)
        self.reload()

    # ------------------------------------------------------------------ data

    def _on_changed(self, topics: set[str]) -> None:
        if topics & {"calls", "rewards", "qa", "offers"}:
            self.reload()

    def reload(self) -> None:
        if self._op is not None and not self._op.done:
            self._reload_again = True  # the period changed while loading: load once more
            return
        self._reload_again = False
        period = self.period()
        db, actor = self.ctx.db, self.ctx.actor
        self.status.setText(self.tr("Loading…"))

        def work(control: OpControl) -> dict[str, Any]:
            with db.session() as s:
                scorecards.refresh_rollups(s)
            with db.session() as s:
                view = scorecards.team_view(s, actor, period)
                sups = scorecards.supervisor_cards(s, actor, period) if actor.can(
                    Permission.VIEW_TEAM_SCORECARDS) else []
                me = actor.user_id
                points = None
                if me is not None and any(r.agent_id == me for r in view.rows):
                    board = rewards.leaderboard(s, actor, period, "points")
                    rank = next((r.rank for r in board if r.agent_id == me), None)
                    points = (rewards.balance(s, actor, me), rank, len(board))
            return {"view": view, "sups": sups, "points": points}

        self._op = Operation(work, on_success=self._loaded, on_failure=self._failed,
                             parent=self).start()

    def _loaded(self, result: dict[str, Any]) -> None:
        if getattr(self, "_reload_again", False):
            self.reload()
            return
        view: scorecards.TeamView = result["view"]
        self.team_view = view
        self.model.set_view(view)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(2, max(self.table.columnWidth(2), 110))
        self.sup_model.set_rows(result["sups"])
        self.sup_table.resizeColumnsToContents()
        self.status.setText(self.tr("Updated {time}").format(
            time=utcnow().astimezone().strftime("%H:%M:%S")))
        if result["points"]:
            balance, rank, total = result["points"]
            self.points_label.setText(self.tr("Points balance: {balance}\nRank: {rank} of {n}")
                                      .format(balance=balance, rank=rank, n=total))
        else:
            self.points_label.setText("")
        login = self.selected_agent
        rows = [r for r in view.rows if r.login == login] or view.rows[:1]
        if rows:
            self.show_agent(rows[0])

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("")
        if getattr(self, "_reload_again", False):
            self.reload()
        text = exc.render(QCoreApplication.translate) if isinstance(exc, WinbackError) else str(
            exc)
        QMessageBox.warning(self, self.tr("Scorecards"), text)

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_agent(self.model.rows[current.row()])

    def _drill_down(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_agent(self.model.rows[index.row()])
            self.tabs.setCurrentIndex(1)

    def show_agent(self, row: scorecards.AgentRow) -> None:
        assert self.team_view is not None
        self.selected_agent = row.login
        self.agent_title.setText(f"{row.display_name or row.login} ({row.login})")
        self.tiles.show_card(row.card, self.team_view.team_average, self.team_view.targets)
        self.burnout_list.clear()
        for b in row.burnout:
            self.burnout_list.addItem("⚠ " + burnout_text(b))
        if not row.burnout:
            self.burnout_list.addItem(self.tr("None: steady pace."))
        if self._chart is None:
            self._chart = ChartWidget(self)
            self.chart_holder.addWidget(self._chart)
        start = self.team_view.period.start
        days = [(start + timedelta(days=i)).strftime("%m-%d") for i in range(len(row.trend))]
        team_avg = [sum(r.trend[i] for r in self.team_view.rows) / max(len(self.team_view.rows), 1)
                    for i in range(len(row.trend))] if self.is_team else []
        series = [(row.display_name or row.login, [float(v) for v in row.trend])]
        if team_avg:
            series.append((self.tr("Team average"), team_avg))
        self._chart.plot_series(self.tr("Win-backs per day"), days, series)

    # ---------------------------------------------------------------- export

    def export(self, fmt: str) -> None:
        if self.team_view is None:
            return
        suffix = "*.xlsx" if fmt == "xlsx" else "*.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export scorecards"), f"scorecards-{self.team_view.period.label}.{fmt}",
            suffix)
        if name:
            self.export_to(Path(name), fmt)

    def export_to(self, path: Path, fmt: str) -> Operation[Any]:
        view = self.team_view
        assert view is not None
        labels = metric_labels()
        title = self.tr("Scorecards")

        def work(control: OpControl) -> Path:
            if fmt == "pdf":
                return scorecard_export.export_pdf(view, path, labels, title)
            return scorecard_export.export_xlsx(view, path, labels, title)

        self._export_op: Operation[Any] = Operation(
            work, on_success=lambda p: self.status.setText(self.tr("Saved {path}").format(path=p)),
            on_failure=self._failed, parent=self).start()
        return self._export_op


class SupervisorModel(QAbstractTableModel):
    KEYS = ["login", "approval_turnaround_s", "approvals_decided", "calls", "reviewed_share",
            "coaching_given", "team_win_back_rate", "team_burnout_signals"]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[scorecards.SupervisorCard] = []
        self.labels: dict[str, str] = {}
        self.retranslate()

    def retranslate(self) -> None:
        self.labels = {k: translate("Scorecards", v) for k, v in _SUPERVISOR_LABELS.items()}
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)

    def set_rows(self, rows: list[scorecards.SupervisorCard]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.labels[self.KEYS[section]]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        card = self.rows[index.row()]
        key = self.KEYS[index.column()]
        value = getattr(card, key)
        if value is None:
            return "–"
        if key == "approval_turnaround_s":
            return f"{value / 60:.1f}"
        if key in ("reviewed_share", "team_win_back_rate"):
            return f"{value:.1%}"
        return str(value)


register(ScreenSpec(
    key="scorecards",
    title=QT_TRANSLATE_NOOP("Screens", "Scorecards"),
    permission=Permission.VIEW_OWN_SCORECARD,
    factory=ScorecardScreen,
    order=60,
))
