"""Callback picker: the agent promises a time in the CUSTOMER's clock.

"Call me back tomorrow at 10" means 10:00 where the customer lives. The dialog edits
that wall-clock time in the customer's time zone, shows what it is on the agent's own
clock, and returns the instant in UTC (what the queue stores). Personal callbacks come
back to this agent; team callbacks go to whoever is free first.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


def zone(name: str | None) -> tzinfo:
    try:
        return ZoneInfo(name or "Asia/Shanghai")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("Asia/Shanghai")


def customer_wall_clock_to_utc(wall: datetime, customer_tz: str) -> datetime:
    """A naive wall-clock time in the customer's zone → aware UTC.

    In a DST gap (a time that does not exist) the clock moves forward by the gap, the
    way a phone's alarm does; in an overlap the first occurrence is taken.
    """
    tz = zone(customer_tz)
    local = wall.replace(tzinfo=tz, fold=0)
    back = local.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) != wall:  # nonexistent local time
        local = (wall + timedelta(hours=1)).replace(tzinfo=tz, fold=0)
    return local.astimezone(UTC)


def default_callback_time(now_utc: datetime, customer_tz: str) -> datetime:
    """Tomorrow 10:00 on the customer's clock (naive wall-clock)."""
    local = now_utc.astimezone(zone(customer_tz))
    return (local + timedelta(days=1)).replace(hour=10, minute=0, second=0, microsecond=0,
                                               tzinfo=None)


class CallbackDialog(QDialog):
    """Pick a callback time in the customer's zone; personal or team."""

    def __init__(
        self,
        customer_name: str,
        customer_tz: str,
        parent: QWidget | None = None,
        *,
        agent_tz: tzinfo | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.customer_tz = customer_tz or "Asia/Shanghai"
        self.agent_tz = agent_tz or datetime.now().astimezone().tzinfo or UTC
        self._now = now or datetime.now(UTC)
        self.setWindowTitle(self.tr("Schedule a callback"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Enter the time on {name}'s clock ({zone}).").format(
            name=customer_name or "—", zone=self.customer_tz))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setTimeZone(QTimeZone(QTimeZone.Initialization.UTC))
        self.set_wall_clock(default_callback_time(self._now, self.customer_tz))
        form.addRow(self.tr("Customer's time:"), self.edit)
        self.agent_label = QLabel()
        self.agent_label.setObjectName("agentEquivalent")
        form.addRow(self.tr("Your time:"), self.agent_label)
        layout.addLayout(form)
        self.personal = QRadioButton(self.tr("&Personal callback (comes back to me)"))
        self.team = QRadioButton(self.tr("&Team callback (first free agent)"))
        self.personal.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.personal)
        group.addButton(self.team)
        layout.addWidget(self.personal)
        layout.addWidget(self.team)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Schedule"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.setMinimumWidth(420)
        layout.addWidget(buttons)
        self.edit.dateTimeChanged.connect(self._refresh)
        self._refresh()

    # -- values
    def set_wall_clock(self, wall: datetime) -> None:
        # The edit holds the customer's wall clock in a UTC-spec QDateTime, so that
        # the agent PC's own DST rules never shift or reject the value.
        qdt = QDateTime(QDate(wall.year, wall.month, wall.day),
                        QTime(wall.hour, wall.minute),
                        QTimeZone(QTimeZone.Initialization.UTC))
        self.edit.setDateTime(qdt)

    def wall_clock(self) -> datetime:
        qdt = self.edit.dateTime()
        d, t = qdt.date(), qdt.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    def callback_at_utc(self) -> datetime:
        return customer_wall_clock_to_utc(self.wall_clock(), self.customer_tz)

    def is_team(self) -> bool:
        return self.team.isChecked()

    # -- behaviour
    def _refresh(self) -> None:
        at = self.callback_at_utc()
        mine = at.astimezone(self.agent_tz)
        self.agent_label.setText(mine.strftime("%Y-%m-%d %H:%M (%Z)"))
        if at <= self._now:
            self.warning.setText(self.tr("This time is in the past."))
            self.ok_button.setEnabled(False)
        else:
            self.warning.setText("")
            self.ok_button.setEnabled(True)

    def _accept(self) -> None:
        if self.callback_at_utc() > self._now:
            self.accept()
