"""The application's look: Fusion with a calm light palette and CJK-capable fonts."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

#: Windows' Chinese UI font first; Noto CJK on Linux; then whatever the system has.
FONT_FAMILIES = ["Microsoft YaHei UI", "Noto Sans CJK SC", "Noto Sans", "Segoe UI"]

ACCENT = "#2f6fb3"
DANGER = "#c62828"
OK = "#2e7d32"

STYLE_SHEET = f"""
QListWidget#navigation {{
    background: #eef2f7;
    border: none;
    border-right: 1px solid #d5dbe3;
    font-size: 10.5pt;
    padding-top: 6px;
    outline: 0;
}}
QListWidget#navigation::item {{
    padding: 8px 14px;
    border-radius: 4px;
    margin: 1px 6px;
}}
QListWidget#navigation::item:selected {{
    background: {ACCENT};
    color: white;
}}
QListWidget#navigation::item:hover:!selected {{
    background: #dde5ef;
}}
QLabel#connectionBanner {{
    background: {DANGER};
    color: white;
    padding: 8px 12px;
    font-weight: bold;
}}
QLabel#screenTitle {{
    font-size: 15pt;
    font-weight: 600;
    color: #1f2a37;
}}
QLabel#formError {{
    color: {DANGER};
}}
QLabel#dialogTitle {{
    font-size: 14pt;
    font-weight: 600;
    color: #1f2a37;
}}
QFrame#statCard {{
    background: white;
    border: 1px solid #d5dbe3;
    border-radius: 6px;
}}
QLabel#statValue {{
    font-size: 22pt;
    font-weight: 600;
    color: {ACCENT};
}}
QLabel#statCaption {{
    color: #52606d;
}}
QStatusBar QLabel {{
    padding: 0 6px;
}}
"""


def app_font(point_size: float | None = None) -> QFont:
    font = QFont(QApplication.font())
    available = set(QFontDatabase.families())
    families = [f for f in FONT_FAMILIES if f in available]
    families.append(font.family())
    font.setFamilies(families)
    if point_size:
        font.setPointSizeF(point_size)
    return font


def apply(app: QApplication) -> None:
    """Style the application once.

    Idempotent on purpose: re-applying style, palette and font thousands of times in
    one process (the GUI test suite did, once per test) trips a reference-count bug in
    the Qt bindings that ends in "deallocating None" and an abort.
    """
    if app.property("winback_styled"):
        return
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    pal = QPalette()
    pal.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    pal.setColor(QPalette.ColorRole.WindowText, QColor("#1f2a37"))
    pal.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#f1f4f8"))
    pal.setColor(QPalette.ColorRole.Text, QColor("#1f2a37"))
    pal.setColor(QPalette.ColorRole.Button, QColor("#f0f2f5"))
    pal.setColor(QPalette.ColorRole.ButtonText, QColor("#1f2a37"))
    pal.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffe1"))
    pal.setColor(QPalette.ColorRole.ToolTipText, QColor("#1f2a37"))
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a94a3"))
    pal.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(pal)
    app.setFont(app_font(10))
    app.setStyleSheet(STYLE_SHEET)
    app.setProperty("winback_styled", True)
