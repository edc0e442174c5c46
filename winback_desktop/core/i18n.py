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


def counted(n: int, one: str, many: str) -> str:
    """``one`` or ``many`` for ``n``, with ``{n}`` filled in as 1,234.

    Both forms are passed already translated (each a literal ``tr()`` at the call site, so
    lupdate files both): English says "1 row" but "2 rows", Chinese translates both the
    same. Qt's numerus ``%n`` forms would need an English catalogue this project does not
    ship, and the command line reads catalogues without Qt.
    """
    return (one if n == 1 else many).format(n=f"{n:,}")
