"""Import wizard: colours, phone regions and small helpers its pages share."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
)

from winback_desktop.core.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    pass


FILE_FILTER_EXTENSIONS = "*.xlsx *.xlsm *.xls *.csv"
ERROR_BG = QColor("#f8d7da")
WARNING_BG = QColor("#fff3cd")
DUPLICATE_BG = QColor("#dbe9f6")

#: phone regions offered for numbers written without a country code
REGIONS: list[tuple[str, str]] = [
    ("CN", QT_TRANSLATE_NOOP("ImportWizard", "China (+86)")),
    ("HK", QT_TRANSLATE_NOOP("ImportWizard", "Hong Kong (+852)")),
    ("MO", QT_TRANSLATE_NOOP("ImportWizard", "Macau (+853)")),
    ("TW", QT_TRANSLATE_NOOP("ImportWizard", "Taiwan (+886)")),
    ("SG", QT_TRANSLATE_NOOP("ImportWizard", "Singapore (+65)")),
    ("MY", QT_TRANSLATE_NOOP("ImportWizard", "Malaysia (+60)")),
    ("JP", QT_TRANSLATE_NOOP("ImportWizard", "Japan (+81)")),
    ("KR", QT_TRANSLATE_NOOP("ImportWizard", "South Korea (+82)")),
    ("AU", QT_TRANSLATE_NOOP("ImportWizard", "Australia (+61)")),
    ("GB", QT_TRANSLATE_NOOP("ImportWizard", "United Kingdom (+44)")),
    ("DE", QT_TRANSLATE_NOOP("ImportWizard", "Germany (+49)")),
    ("FR", QT_TRANSLATE_NOOP("ImportWizard", "France (+33)")),
    ("US", QT_TRANSLATE_NOOP("ImportWizard", "United States / Canada (+1)")),
]


def tr(text: str) -> str:
    """Free ``tr()``: lupdate files these under the empty context (like the CLI's)."""
    return QCoreApplication.translate("", text)


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setVisible(False)
    return label

