"""Finding texts left in the other language after a live language switch.

Every fixed message the app ships is known (the ``.ts`` catalogues): a text on screen that
is a message's English source while Chinese is installed (or its Chinese translation while
English is) was not set again when the language changed. Messages with placeholders match
with any value in their place. Data (names, numbers, notes) matches no message and is left
alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from winback_desktop.ui.shell.i18n import LANGUAGES, TRANSLATIONS_DIR

_PLACEHOLDER = re.compile(r"(%n|%L?\d+|\{[^{}]*\})")
_WORD = re.compile(r"[A-Za-z]{3,}")
_TAGS = re.compile(r"<[^>]+>")
#: Words that read the same in both languages (abbreviations, the product, units).
_SAME = {"SLTV", "Winback", "Desktop", "Excel", "CSV", "PDF", "xlsx", "SIP", "URL", "OK", "NPS",
         "PostgreSQL", "SQLite", "Python", "PySide", "SQLAlchemy", "CRM", "QA", "AHT", "ID",
         "Ctrl", "F2", "F6", "F9", "Enter", "Esc", "CNY", "USD", "Qt"}


def _clean(text: str) -> str:
    text = _TAGS.sub(" ", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).strip(" :：")


@cache
def _messages() -> list[tuple[str, str]]:
    found: set[tuple[str, str]] = set()
    for ts in sorted(TRANSLATIONS_DIR.glob("*_zh_CN.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.findtext("translation") or ""
            if source and translation and _clean(source) != _clean(translation):
                found.add((source, translation))
    return sorted(found)


def _pattern(text: str) -> re.Pattern[str] | None:
    parts = _PLACEHOLDER.split(_clean(text))
    literal = [p for i, p in enumerate(parts) if i % 2 == 0]
    return re.compile("".join(re.escape(p) if i % 2 == 0 else ".+?" for i, p in enumerate(parts))
                      + r"\Z", re.S) if any(literal) else None


@cache
def _patterns(language: str) -> tuple[dict[str, str], list[tuple[re.Pattern[str], str]]]:
    """Texts of the *other* language: exact ones and ones with placeholders."""
    exact: dict[str, str] = {}
    fuzzy: list[tuple[re.Pattern[str], str]] = []
    for source, translation in _messages():
        foreign = source if language == "zh_CN" else translation
        if language == "zh_CN":
            # An English text is foreign only if it has a real word in it.
            literal = _PLACEHOLDER.sub(" ", source)
            if not [w for w in _WORD.findall(literal) if w not in _SAME]:
                continue
        elif not re.search(r"[\u4e00-\u9fff]", _PLACEHOLDER.sub("", translation)):
            continue
        if _PLACEHOLDER.search(foreign):
            pattern = _pattern(foreign)
            if pattern is not None:
                fuzzy.append((pattern, source))
        else:
            exact[_clean(foreign)] = source
    return exact, fuzzy


def _model_texts(view: QAbstractItemView, rows: int = 30) -> list[str]:
    """Headers and the first rows of a view (Qt's own item models through their views)."""
    out: list[str] = []
    if isinstance(view, QListWidget):
        return [view.item(r).text() for r in range(min(rows, view.count()))]
    if isinstance(view, QTableWidget):
        for col in range(view.columnCount()):
            head = view.horizontalHeaderItem(col)
            out.append(head.text() if head is not None else "")
            for row in range(min(rows, view.rowCount())):
                item = view.item(row, col)
                out.append(item.text() if item is not None else "")
        return out
    if isinstance(view, QTreeWidget):
        header = view.headerItem()
        out.extend(header.text(c) for c in range(view.columnCount()))

        def items(item: QTreeWidgetItem, depth: int) -> None:
            out.extend(item.text(c) for c in range(view.columnCount()))
            if depth < 2:
                for i in range(min(rows, item.childCount())):
                    items(item.child(i), depth + 1)

        for i in range(min(rows, view.topLevelItemCount())):
            items(view.topLevelItem(i), 0)
        return out
    model = view.model()
    if model is None:
        return out
    root = QModelIndex()
    tree = isinstance(view, QTreeView)
    try:
        for col in range(model.columnCount(root)):
            value = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                out.append(value)

        def walk(parent: QModelIndex, depth: int) -> None:
            for row in range(min(rows, model.rowCount(parent))):
                for col in range(model.columnCount(parent)):
                    index = model.index(row, col, parent)
                    value = model.data(index, Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        out.append(value)
                    if tree and col == 0 and depth < 2 and model.rowCount(index) > 0:
                        walk(index, depth + 1)

        walk(root, 0)
    except TypeError:  # one of Qt's internal models (e.g. a combo box's list)
        pass
    return out


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every fixed-looking text under ``root``."""
    out: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}:{widget.objectName()}"
        if isinstance(widget, QLabel | QAbstractButton):
            out.append((name, widget.text()))
        elif isinstance(widget, QGroupBox):
            out.append((name, widget.title()))
        elif isinstance(widget, QLineEdit):
            out.append((name, widget.placeholderText()))
        elif isinstance(widget, QComboBox):
            out.extend((name, widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabWidget):
            out.extend((name, widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            out.extend((name, text) for text in _model_texts(widget))
    return list(dict.fromkeys((where, text) for where, text in out if text and text.strip()))


def foreign_texts(root: QWidget, language: str) -> list[tuple[str, str]]:
    """Texts under ``root`` that belong to the language *not* installed (``language``)."""
    exact, fuzzy = _patterns(language)
    left: list[tuple[str, str]] = []
    for where, text in shown_texts(root):
        clean = _clean(text)
        if not clean or clean in LANGUAGES.values():  # each language named in its own
            continue
        if clean in exact or any(p.match(clean) for p, _s in fuzzy):
            left.append((where, text))
    return left
