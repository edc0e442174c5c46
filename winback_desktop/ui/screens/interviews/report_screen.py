"""Supervisor screen: what the exit interviews say.

Why customers left (by campaign, month and SLTV tier), the triggers, competitors and
competitor offers they named, what would bring them back, and each agent's interview
completion and script adherence (required questions answered). Export to xlsx.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP
from winback_desktop.core.permissions import Permission
from winback_desktop.services import interviews as svc
from winback_desktop.services import script_actions as actions
from winback_desktop.ui.kit.widgets import read_only_table
from winback_desktop.ui.screens.interviews import labels
from winback_desktop.ui.shell.context import AppContext
from winback_desktop.ui.shell.registry import ScreenSpec, register


def _fill(table: QTableWidget, rows: Sequence[Sequence[Any]]) -> None:
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem()
            if isinstance(value, int | float) and not isinstance(value, bool):
                item.setData(Qt.ItemDataRole.DisplayRole, value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                      | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setText(str(value))
                if str(value).endswith("%"):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.setSortingEnabled(True)
    for c in range(1, table.columnCount()):
        table.resizeColumnToContents(c)


def _report_table(headers: list[str]) -> QTableWidget:
    # keep the report's own order (largest first) until the user clicks a header
    return read_only_table(headers, stretch="first", sortable=True)


class InterviewReportScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = labels.DbTasks(ctx, self, self._error)
        self.report: svc.InterviewReport | None = None
        self._build()
        ctx.hub.changed.connect(self._hub_changed)
        self._load_campaigns()
        self.refresh()

    def _build(self) -> None:
        root = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.campaign_label = QLabel()
        filters.addWidget(self.campaign_label)
        self.campaign = QComboBox()
        self.campaign.addItem(self.tr("All campaigns"), None)
        self.campaign.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addWidget(self.campaign)
        self.use_dates = QCheckBox()
        self.date_from = QDateEdit(QDate.currentDate().addMonths(-3))
        self.date_to = QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        self.to_label = QLabel()
        filters.addWidget(self.to_label)
        filters.addWidget(self.date_to)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self._export_dialog)
        filters.addWidget(self.export_button)
        root.addLayout(filters)
        self.summary = QLabel()
        root.addWidget(self.summary)
        self.tabs = QTabWidget()
        reason_h = [self.tr("Reason"), self.tr("Interviews")]
        self.by_campaign = _report_table([self.tr("Campaign"), *reason_h])
        self.by_period = _report_table([self.tr("Month"), *reason_h])
        self.by_tier = _report_table([self.tr("SLTV tier"), *reason_h])
        named = [self.tr("In the customer's words"), self.tr("Times named")]
        self.triggers = _report_table(named)
        self.competitors = _report_table(named)
        self.offers = _report_table(named)
        self.comeback = _report_table(named)
        self.agents = _report_table([self.tr("Agent"), self.tr("Login"), self.tr("Started"),
                              self.tr("Completed"), self.tr("Completion"),
                              self.tr("Adherence"), self.tr("Fully adherent"),
                              self.tr("Reason overridden")])
        self.tabs.addTab(self.by_campaign, self.tr("Reasons by campaign"))
        self.tabs.addTab(self.by_period, self.tr("Reasons by month"))
        self.tabs.addTab(self.by_tier, self.tr("Reasons by SLTV tier"))
        self.tabs.addTab(self.triggers, self.tr("Triggers"))
        self.tabs.addTab(self.competitors, self.tr("Competitors"))
        self.tabs.addTab(self.offers, self.tr("Competitor offers"))
        self.tabs.addTab(self.comeback, self.tr("What would bring them back"))
        self.tabs.addTab(self.agents, self.tr("Agents"))
        root.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        root.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        """Every fixed text in the current language (also on a live switch)."""
        self.campaign_label.setText(self.tr("Campaign:"))
        self.campaign.setItemText(0, self.tr("All campaigns"))
        self.use_dates.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.refresh_button.setText(self.tr("Show"))
        self.export_button.setText(self.tr("Export xlsx…"))
        reason_h = [self.tr("Reason"), self.tr("Interviews")]
        self.by_campaign.setHorizontalHeaderLabels([self.tr("Campaign"), *reason_h])
        self.by_period.setHorizontalHeaderLabels([self.tr("Month"), *reason_h])
        self.by_tier.setHorizontalHeaderLabels([self.tr("SLTV tier"), *reason_h])
        named = [self.tr("In the customer's words"), self.tr("Times named")]
        for table in (self.triggers, self.competitors, self.offers, self.comeback):
            table.setHorizontalHeaderLabels(named)
        self.agents.setHorizontalHeaderLabels([
            self.tr("Agent"), self.tr("Login"), self.tr("Started"), self.tr("Completed"),
            self.tr("Completion"), self.tr("Adherence"), self.tr("Fully adherent"),
            self.tr("Reason overridden")])
        for i, title in enumerate((
                self.tr("Reasons by campaign"), self.tr("Reasons by month"),
                self.tr("Reasons by SLTV tier"), self.tr("Triggers"), self.tr("Competitors"),
                self.tr("Competitor offers"), self.tr("What would bring them back"),
                self.tr("Agents"))):
            self.tabs.setTabText(i, title)
        if self.report is not None:
            self._show(self.report)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "agents"):
            self.retranslate()
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        return self.tasks.busy

    def _error(self, text: str) -> None:
        self.message.setStyleSheet("color: #b00020")
        self.message.setText(text)
        self.message.show()

    def _hub_changed(self, topics: set[str]) -> None:
        if "interviews" in topics:
            self.refresh()

    def _load_campaigns(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor

        def done(rows: list[svc.CampaignInfo]) -> None:
            for c in rows:
                self.campaign.addItem(c.name, c.id)

        self.tasks.run(lambda: actions.list_campaigns(db, actor), done)

    def filters(self) -> tuple[int | None, date | None, date | None]:
        campaign_id = self.campaign.currentData()
        if not self.use_dates.isChecked():
            return campaign_id, None, None
        return (campaign_id, self.date_from.date().toPython(),  # type: ignore[return-value]
                self.date_to.date().toPython())

    def refresh(self) -> None:
        db, actor = self.ctx.db, self.ctx.actor
        campaign_id, date_from, date_to = self.filters()
        self.tasks.run(lambda: actions.interview_report(db, actor, campaign_id, date_from,
                                                        date_to), self._show)

    def _show(self, report: svc.InterviewReport) -> None:
        self.report = report
        self.message.hide()
        rate = report.overridden / report.completed if report.completed else 0.0
        self.summary.setText(self.tr(
            "Completed interviews: {completed}. Reason overridden by the agent: {overridden} "
            "({rate:.0%}).").format(completed=report.completed, overridden=report.overridden,
                                    rate=rate))
        _fill(self.by_campaign, [(r["campaign"], labels.name(r["reason"]), r["count"])
                                 for r in report.by_campaign])
        _fill(self.by_period, [(r["period"], labels.name(r["reason"]), r["count"])
                               for r in report.by_period])
        _fill(self.by_tier, [(r["tier"], labels.name(r["reason"]), r["count"])
                             for r in report.by_tier])
        for table, rows in ((self.triggers, report.triggers),
                            (self.competitors, report.competitors),
                            (self.offers, report.competitor_offers),
                            (self.comeback, report.comeback)):
            _fill(table, [(r["text"], r["count"]) for r in rows])
        _fill(self.agents, [(a.name, a.login, a.started, a.completed,
                             f"{a.completion_rate:.0%}", f"{a.adherence_rate:.0%}",
                             a.fully_adherent, a.overridden) for a in report.agents])

    def _headers(self) -> dict[str, str]:
        """English names of the xlsx sheets and columns → the UI language."""
        names = ["By campaign", "By month", "By SLTV tier", "Triggers", "Competitors",
                 "Competitor offers", "Agents", "Campaign", "Reason", "Interviews", "Month",
                 "SLTV tier", "Trigger", "Times named", "Competitor",
                 "What the competitor offers", "Login", "Name", "Started", "Completed",
                 "Completion rate", "Adherence rate", "Reason overridden"]
        out = {n: self.tr(n) for n in names}
        for code in ("pushed_intentional", "pushed_unintentional", "pulled_away",
                     "bought_away", "moved_away", "unknown"):
            out[code] = labels.name(code)
        return out

    def export_to(self, path: str | Path) -> None:
        report = self.report
        if report is None:
            return
        db, actor, file, headers = self.ctx.db, self.ctx.actor, Path(path), self._headers()

        def done(_r: Any) -> None:
            self.message.setStyleSheet("color: #1b5e20")
            self.message.setText(self.tr("Wrote {file}.").format(file=file.name))
            self.message.show()

        self.tasks.run(lambda: actions.export_report(db, actor, report, file, headers), done)

    def _export_dialog(self) -> None:
        path, _f = QFileDialog.getSaveFileName(self, self.tr("Export xlsx"),
                                               "interview-report.xlsx",
                                               self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)


# Sheet and column names of the xlsx export, for lupdate (translated by _headers).
_EXPORT_NAMES = [
    QT_TRANSLATE_NOOP("InterviewReportScreen", "By campaign"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "By month"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "By SLTV tier"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "Trigger"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "Competitor"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "What the competitor offers"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "Name"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "Completion rate"),
    QT_TRANSLATE_NOOP("InterviewReportScreen", "Adherence rate"),
]


def _factory(ctx: AppContext) -> QWidget:
    return InterviewReportScreen(ctx)


SPEC = register(ScreenSpec(
    key="interview_report",
    title=QT_TRANSLATE_NOOP("Screens", "Interview report"),
    permission=Permission.VIEW_TEAM_SCORECARDS,
    factory=_factory,
    order=70,
))
