"""Retranslating a screen's fixed texts when the language changes while it is open.

Large forms (campaigns, the script editor, the programme figures) set dozens of fixed
labels once, through ``self.tr``. Rather than keep a second list of every one of them
in a ``retranslate`` method, a screen's ``changeEvent(LanguageChange)`` calls
``relabel(self, contexts)``: every label, button, group title, tab, table header,
placeholder and tool tip whose text is a message of those contexts (in English or in
its shipped translation) is set again in the language now installed. Texts built with
``format`` (numbers, names, keys) are the screen's own job: it sets them again itself.
A text no context of the screen knows is looked up in every shipped context (a shared
vocabulary such as the interview labels).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from winback_desktop.ui.shell.i18n import TRANSLATIONS_DIR

#: context -> {text as shown in any shipped language: English source}
_SOURCES: dict[str, dict[str, str]] = {}


#: any context: {text as shown in any shipped language: (context, English source)}
_ANY: dict[str, tuple[str, str]] = {}


def _catalogue() -> dict[str, dict[str, str]]:
    if not _SOURCES:
        for ts in sorted(TRANSLATIONS_DIR.glob("*.ts")):
            for context in ET.parse(ts).getroot().iter("context"):
                known = _SOURCES.setdefault(context.findtext("name") or "", {})
                for message in context.iter("message"):
                    source = message.findtext("source") or ""
                    known.setdefault(source, source)
                    translation = message.findtext("translation") or ""
                    if translation:
                        known.setdefault(translation, source)
        for context_name, texts in _SOURCES.items():
            for text, english in texts.items():
                _ANY.setdefault(text, (context_name, english))
    return _SOURCES


def translated(text: str, contexts: Iterable[str]) -> str | None:
    """``text`` in the installed language if it is a fixed message of ``contexts``."""
    if not text:
        return None
    catalogue = _catalogue()
    for context in contexts:
        source = catalogue.get(context, {}).get(text)
        if source is not None:
            return QCoreApplication.translate(context, source)
    # Words of a shared vocabulary (a module's QT_TRANSLATE_NOOP context, e.g. the
    # interview labels on the script editor): any context that knows the text.
    found = _ANY.get(text)
    if found is not None:
        return QCoreApplication.translate(*found)
    return None


def relabel(root: QWidget, extra_contexts: Iterable[str] = ()) -> None:
    """Set every fixed text under ``root`` again in the language now installed.

    The contexts searched are the project's widget classes found under ``root`` (``tr``
    uses the calling class's name), the shared vocabulary of stored codes and
    ``extra_contexts``."""
    widgets = [root, *root.findChildren(QWidget)]
    names = list(dict.fromkeys(
        [cls.__name__ for w in widgets for cls in type(w).__mro__
         if cls.__module__.startswith("winback_desktop.")]
        + ["Vocabulary", *extra_contexts]))

    def again(text: str, setter: object) -> None:
        new = translated(text, names)
        if new is not None and new != text:
            setter(new)  # type: ignore[operator]

    for widget in widgets:
        if isinstance(widget, QLabel | QAbstractButton):
            again(widget.text(), widget.setText)
        elif isinstance(widget, QGroupBox):
            again(widget.title(), widget.setTitle)
        elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            again(widget.placeholderText(), widget.setPlaceholderText)
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                again(widget.itemText(i), lambda t, i=i, w=widget: w.setItemText(i, t))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                again(widget.tabText(i), lambda t, i=i, w=widget: w.setTabText(i, t))
        elif isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                if item is not None:
                    again(item.text(), item.setText)
        elif isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for i in range(widget.columnCount()):
                again(header.text(i), lambda t, i=i, h=header: h.setText(i, t))
        if widget.toolTip():
            again(widget.toolTip(), widget.setToolTip)
