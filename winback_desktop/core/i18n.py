"""Translation markers usable below the UI layer.

Services and core code must not import Qt, yet their error messages are shown to users
in English or Chinese. They mark strings with ``QT_TRANSLATE_NOOP`` (the name Qt's
``lupdate`` looks for), keep the English source text, and the UI or CLI translates it
with ``QCoreApplication.translate`` at the moment it is shown.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; the call only marks it for extraction."""
    del context
    return text
