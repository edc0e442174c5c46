"""Scorecards: the agent's own numbers, the supervisor's team view, managing the managers.

Everything is computed by ``services.scorecards`` in a background operation; this
module only lays the numbers out, colours them against the team and the target, and
draws trends.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
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
from PySide6.QtGui import QColor, QFont
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
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core import metrics
from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import scorecard_export, scorecards
from winback_desktop.services.changes import Changes, Topic
from winback_desktop.services.telephony import figures
from winback_desktop.ui.kit.charts import SPARKLINE_ROLE, ChartWidget, SparklineDelegate
from winback_desktop.ui.kit.service_op import OpControl, OpError, ServiceOp
from winback_desktop.ui.screens.scorecards.supervisor_model import SupervisorModel
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
GOOD = QColor("#1E7B34")
BAD = QColor("#B3261E")


_LABELS = {
    "agent": QT_TRANSLATE_NOOP("Scorecards", "Agent"),
    "team": QT_TRANSLATE_NOOP("Scorecards", "Team"),
    "team_total": QT_TRANSLATE_NOOP("Scorecards", "Team (all agents' calls)"),
    "agent_average": QT_TRANSLATE_NOOP("Scorecards", "Average agent"),
    "day": QT_TRANSLATE_NOOP("Scorecards", "Day"),
    "trend": QT_TRANSLATE_NOOP("Scorecards", "Win-backs per day"),
    "trend_col": QT_TRANSLATE_NOOP("Scorecards", "Trend"),
    "burnout": QT_TRANSLATE_NOOP("Scorecards", "Burnout signals"),
    "timed": QT_TRANSLATE_NOOP("Scorecards", "Timed by the phone system"),
}
_TIMED_TIP = QT_TRANSLATE_NOOP(
    "Scorecards", "Of {handled} handled calls, {measured} had their answer and hang-up "
                  "reported by the phone system; {entered} were timed with the buttons.")
_BURNOUT = {
    "handle_time_drift": QT_TRANSLATE_NOOP(
        "Scorecards", "Handle time up {pct}% ({recent} s vs {base} s)"),
    "long_session": QT_TRANSLATE_NOOP("Scorecards", "{minutes} minutes of calls without a break"),
    "falling_qa": QT_TRANSLATE_NOOP("Scorecards", "QA falling: {recent} from {previous}"),
    "falling_contact_rate": QT_TRANSLATE_NOOP("Scorecards", "Contact rate falling {pct}%"),
}


def metric_labels() -> dict[str, str]:
    """Translated names of every metric and export label."""
    labels = {k: translate("Metrics", m.label) for k, m in metrics.METRICS.items()}
    return labels | {k: translate("Scorecards", v) for k, v in _LABELS.items()}


def metric_tooltip(key: str, card: metrics.Scorecard | None = None) -> str:
    """The metric's definition; with a card, also the figures it was computed from."""
    m = metrics.METRICS[key]
    text = translate("Metrics", m.definition)
    if card is None or m.denominator is None:
        return text
    num = getattr(card.totals, m.numerator) if m.numerator != "handle_seconds" else \
        card.totals.handle_seconds
    den = metrics.denominator_value(card.totals, m)
    of = translate("Metrics", metrics.DENOMINATORS[m.denominator])
    return text + "\n" + translate("Scorecards", "{value} = {num} ÷ {den} {of}").format(
        value=format_metric(key, getattr(card, key)), num=_plain(m.numerator, num),
        den=_plain(m.denominator, den), of=of)


def _plain(name: str, value: Any) -> str:
    if value is None:
        return "–"
    if name.endswith("_minor"):
        return f"¥{value / 100:,.0f}"
    if isinstance(value, float):
        return f"{value:,.0f}"
    return f"{value:,}"


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


def format_metric(key: str, value: Any, *, average: bool = False) -> str:
    """``average``: a mean over agents, so counts keep one decimal (5 saves over 10
    agents is 0.5 a head, not 0)."""
    if value is None:
        return "–"
    kind = metrics.METRICS[key].kind if key in metrics.METRICS else metrics.COUNT
    if average and kind == metrics.COUNT:
        return f"{value:,.1f}"
    if kind == metrics.SHARE:
        return f"{value:.1%}"
    if kind == metrics.MONEY:
        return f"¥{value / 100:,.0f}"
    if kind in (metrics.SCORE, metrics.SECONDS):
        return f"{value:.1f}" if kind == metrics.SCORE else f"{value:,.0f}"
    return f"{value:,.0f}"


class TeamModel(QAbstractTableModel):
    """Hand-written table model over a ``TeamView``: one row per agent (sortable,
    coloured against what each figure is compared with, sparklines), then the team
    row and the average agent, labelled for what they are. Every figure's tooltip gives
    its definition and the numbers it was computed from."""

    SUMMARY = ("team_total", "agent_average")

    def __init__(self) -> None:
        super().__init__()
        self.view: scorecards.TeamView | None = None
        self.rows: list[scorecards.AgentRow] = []
        self.columns = ["agent", "team", "trend_col", *[k for k, _ in scorecard_export.COLUMNS],
                        "timed", "burnout"]
        self.timing: dict[int, figures.TimingSources] = {}  # agent id → measured/entered
        self.labels = metric_labels()

    def set_view(self, view: scorecards.TeamView) -> None:
        self.beginResetModel()
        self.view = view
        self.rows = list(view.rows)
        self.labels = metric_labels()
        self.endResetModel()

    def set_timing(self, timing: dict[int, figures.TimingSources]) -> None:
        self.timing = timing
        column = self.columns.index("timed")
        if self.rowCount():  # the timing may come back before the rows (two loads at once)
            self.dataChanged.emit(self.index(0, column),
                                  self.index(self.rowCount() - 1, column))

    def _timed(self, agent_id: int | None, role: int) -> str:
        t = self.timing.get(agent_id) if agent_id is not None else figures.TimingSources(
            sum(x.measured for x in self.timing.values()),
            sum(x.entered for x in self.timing.values()))
        if t is None or not t.handled:
            return "–" if role == Qt.ItemDataRole.DisplayRole else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{t.measured} / {t.handled}"
        return translate("Scorecards", _TIMED_TIP).format(
            handled=t.handled, measured=t.measured, entered=t.entered)

    def agent_at(self, row: int) -> scorecards.AgentRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.rows) + (len(self.SUMMARY) if self.view else 0)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.labels.get(key, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in metrics.METRICS:
            return metric_tooltip(key)
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
        if key == "timed":
            t = self.timing.get(row.agent_id)
            return t.measured / t.handled if t and t.handled else -1.0
        return getattr(row.card, key)

    def _summary(self, which: str, key: str, role: int) -> Any:
        assert self.view is not None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor("#F2F5F8")
        team = which == "team_total"
        if key == "timed" and team and role in (Qt.ItemDataRole.DisplayRole,
                                                Qt.ItemDataRole.ToolTipRole):
            return self._timed(None, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "agent":
                return self.labels[which]
            if key in metrics.METRICS:
                value = getattr(self.view.team, key) if team else \
                    self.view.agent_average.get(key)
                return format_metric(key, value, average=not team)
            return ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "agent":
                return translate("Scorecards", _SUMMARY_TIPS[which]).format(
                    n=self.view.agents)
            if key in metrics.METRICS:
                return metric_tooltip(key, self.view.team) if team else translate(
                    "Scorecards", "Mean over the {n} agents who have this figure.").format(
                        n=sum(1 for r in self.rows if getattr(r.card, key) is not None))
        if role == SPARKLINE_ROLE and key == "trend_col" and team:
            return self.view.team_trend
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("agent", "team"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.columns[index.column()]
        if index.row() >= len(self.rows):
            return self._summary(self.SUMMARY[index.row() - len(self.rows)], key, role)
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if key in ("agent", "team"):
                return self._raw(row, key)
            if key == "trend_col":
                return ""
            if key == "burnout":
                return "⚠ " + str(len(row.burnout)) if row.burnout else ""
            if key == "timed":
                return self._timed(row.agent_id, role)
            return format_metric(key, getattr(row.card, key))
        if role == SPARKLINE_ROLE and key == "trend_col":
            return row.trend
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "burnout" and row.burnout:
                return "\n".join(burnout_text(b) for b in row.burnout)
            if key == "timed":
                return self._timed(row.agent_id, role)
            if key in metrics.METRICS:
                return metric_tooltip(key, row.card)
        if role == Qt.ItemDataRole.ForegroundRole and self.view and key in metrics.METRICS:
            v = metrics.verdict(key, getattr(row.card, key), self.view.reference(key))
            return GOOD if v > 0 else BAD if v < 0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("agent", "team"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row.agent_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Agents only: the team row and the average agent stay at the bottom."""
        key = self.columns[column]
        self.layoutAboutToBeChanged.emit()

        def sort_key(r: scorecards.AgentRow) -> tuple[int, Any]:
            v = self._raw(r, key)
            return (v is None, v if v is not None else 0)

        self.rows.sort(key=sort_key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


_SUMMARY_TIPS = {
    "team_total": QT_TRANSLATE_NOOP(
        "Scorecards", "The team as one ({n} agents): counts are totals, rates and averages "
                      "are over all the team's calls."),
    "agent_average": QT_TRANSLATE_NOOP(
        "Scorecards", "Each figure's mean over the {n} agents: what one agent's counts are "
                      "compared with."),
}


class MetricTiles(QWidget):
    """One agent's numbers, each against what it is compared with and the target."""

    KEYS = ["dials", "contacts", "rpc_rate", "interview_completion", "win_backs",
            "win_back_rate", "sltv_recovered_minor", "saves", "save_rate", "offer_cost_ratio",
            "avg_handle_s", "avg_talk_s", "avg_hold_s", "avg_wrap_s", "qa_average", "points"]

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
            label.setToolTip(metric_tooltip(key))

    def show_card(self, card: metrics.Scorecard, view: scorecards.TeamView) -> None:
        for key in self.KEYS:
            value = getattr(card, key)
            label = self.value_labels[key]
            label.setText(format_metric(key, value))
            label.setToolTip(metric_tooltip(key, card))
            ref = view.reference(key)
            verdict = metrics.verdict(key, value, view.targets.get(key, ref))
            colour = "#1E7B34" if verdict > 0 else "#B3261E" if verdict < 0 else "#222"
            label.setStyleSheet(f"font-size: 18px; font-weight: 600; color: {colour};")
            template = (self.tr("team {value}") if metrics.METRICS[key].is_ratio
                        else self.tr("average agent {value}"))
            parts = [template.format(value=format_metric(
                key, ref, average=not metrics.METRICS[key].is_ratio))]
            if key in view.targets:
                parts.append(self.tr("target {value}").format(
                    value=format_metric(key, view.targets[key])))
            self.ref_labels[key].setText(" · ".join(parts))


class ScorecardScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.team_view: scorecards.TeamView | None = None
        self.selected_agent: str | None = None
        self._op: ServiceOp[Any] | None = None
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
        # measured by the phone system or entered with the buttons (issue 20)
        self.timing_label = QLabel()
        self.timing_label.setObjectName("timingSources")
        self.timing_label.setStyleSheet("color:#546e7a;")
        bar.addWidget(self.timing_label)
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
        ctx.hub.subscribe(self, (Topic.CALLS, Topic.REWARDS, Topic.QA, Topic.OFFERS,
                                 Topic.SCORECARDS), self._on_changed)
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
            self.reload()  # the figures' sentences ("average agent …") are built on loading
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

    def _on_changed(self, _changes: Changes) -> None:
        self.reload()

    def reload(self) -> None:
        if self._op is not None and not self._op.done:
            self._reload_again = True  # the period changed while loading: load once more
            return
        self._reload_again = False
        period = self.period()
        db, actor = self.ctx.db, self.ctx.actor
        self.status.setText(self.tr("Loading…"))
        self._op = (ServiceOp(self, lambda _c: scorecards.scorecard_view(db, actor, period),
                              hub=self.ctx.hub)
                    .success(self._loaded).failure(self._failed).run())
        ServiceOp(self, lambda _c: figures.timing_by_agent(db, actor, period), hub=None).success(
            self._timing).failure(lambda _e: self.timing_label.setText("")).run()

    def _timing(self, by_agent: dict[int, figures.TimingSources]) -> None:
        """Say whether the period's talk and handle times were measured or entered, in
        total and per agent row."""
        self.model.set_timing(by_agent)
        sources = figures.TimingSources(sum(t.measured for t in by_agent.values()),
                                        sum(t.entered for t in by_agent.values()))
        if not sources.handled:
            self.timing_label.setText("")
            return
        self.timing_label.setText(self.tr(
            "Times: {measured} calls measured by the phone system, {entered} entered by"
            " hand").format(measured=sources.measured, entered=sources.entered))

    def _loaded(self, result: scorecards.ScorecardView) -> None:
        if getattr(self, "_reload_again", False):
            self.reload()
            return
        view = result.team
        self.team_view = view
        self.model.set_view(view)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(max(self.table.columnWidth(0), 120), 220))
        self.table.setColumnWidth(2, max(self.table.columnWidth(2), 110))
        self.sup_model.set_rows(result.supervisors)
        self.sup_table.resizeColumnsToContents()
        self.status.setText(self.tr("Updated {time}").format(
            time=datetime.now().astimezone().strftime("%H:%M:%S")))
        mine = result.mine
        if mine is not None:
            self.points_label.setText(self.tr(
                "Points earned this period: {earned}\nRank: {rank} of {n}\n"
                "Balance: {balance}").format(earned=f"{mine.earned:,}", rank=mine.rank,
                                             n=mine.of, balance=f"{mine.balance:,}"))
        else:
            self.points_label.setText("")
        login = self.selected_agent
        rows = [r for r in view.rows if r.login == login] or view.rows[:1]
        if rows:
            self.show_agent(rows[0])

    def _failed(self, error: OpError) -> None:
        # A refresh runs in the background and again on every change: a failed one (the
        # shared file busy, the server gone) is said in the status line and the figures
        # already shown stay, rather than a modal box over whatever the user is doing.
        self.status.setText("")
        if getattr(self, "_reload_again", False):
            self.reload()
        elif not error.cancelled:
            self.status.setText(self.tr("Not updated: {reason}").format(reason=error.text))

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.agent_at(current.row()) if current.isValid() else None
        if row is not None:
            self.show_agent(row)

    def _drill_down(self, index: QModelIndex) -> None:
        row = self.model.agent_at(index.row()) if index.isValid() else None
        if row is not None:
            self.show_agent(row)
            self.tabs.setCurrentIndex(1)

    def show_agent(self, row: scorecards.AgentRow) -> None:
        view = self.team_view
        assert view is not None
        self.selected_agent = row.login
        self.agent_title.setText(f"{row.display_name or row.login} ({row.login})")
        self.tiles.show_card(row.card, view)
        self.burnout_list.clear()
        for b in row.burnout:
            self.burnout_list.addItem("⚠ " + burnout_text(b))
        if not row.burnout:
            self.burnout_list.addItem(self.tr("None: steady pace."))
        if self._chart is None:
            self._chart = ChartWidget(self)
            self.chart_holder.addWidget(self._chart)
        self._chart.plot_series(self.tr("Win-backs and saves per day"),
                                [d.strftime("%m-%d") for d in view.days],
                                chart_series(row, view, self.is_team))

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

    def export_to(self, path: Path, fmt: str) -> ServiceOp[Any]:
        view = self.team_view
        assert view is not None
        labels = metric_labels()
        labels |= {
            "timed_share": labels["timed"],
            "timed_by_phone": self.tr("Calls timed by the phone system"),
            "timed_by_hand": self.tr("Calls timed with the buttons")}
        title, timing = self.tr("Scorecards"), dict(self.model.timing)

        def work(_control: OpControl) -> Path:
            if fmt == "pdf":
                return scorecard_export.export_pdf(view, path, labels, title, timing=timing)
            return scorecard_export.export_xlsx(view, path, labels, title, timing=timing)

        self._export_op: ServiceOp[Any] = (
            ServiceOp(self, work, hub=self.ctx.hub)
            .success(lambda p: self.status.setText(self.tr("Saved {path}").format(path=p)))
            .failure(self._failed).run())
        return self._export_op


def chart_series(row: scorecards.AgentRow, view: scorecards.TeamView, with_team: bool
                 ) -> list[tuple[str, list[float]]]:
    """The agent's win-backs (and saves, if any) per day, and the average agent's: the
    same per-day figures the period's totals add up from."""
    name = row.display_name or row.login
    series = [(translate("Scorecards", "{name}: win-backs").format(name=name),
               [float(v) for v in row.trend])]
    if any(row.save_trend):
        series.append((translate("Scorecards", "{name}: saves").format(name=name),
                       [float(v) for v in row.save_trend]))
    if with_team and view.agents:
        series.append((translate("Scorecards", "Average agent: win-backs"),
                       [v / view.agents for v in view.team_trend]))
    return series


register(ScreenSpec(
    key="scorecards",
    title=QT_TRANSLATE_NOOP("Screens", "Scorecards"),
    permission=Permission.VIEW_OWN_SCORECARD,
    factory=ScorecardScreen,
    order=60,
))
