"""Reading compiled Qt translation catalogues (``.qm``) without Qt.

The command line must not load PySide6 (it costs start-up time and ties a server's
scheduled jobs to a GUI toolkit), yet it speaks the same words as the GUI. The ``.qm``
files ``tools/i18n.py compile`` writes keep every message's context and source text
(lrelease's default "save everything" mode), so one pass over the messages section gives
a plain ``{(context, source): translation}`` table. Numerus forms are not used by this
project; the first translation of a message is taken.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from pathlib import Path

MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_MESSAGES = 0x69
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


class QmError(ValueError):
    """The file is not a .qm catalogue this reader understands."""


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """Every translated message of one catalogue, keyed by (context, source text)."""
    if not data.startswith(MAGIC):
        raise QmError("not a Qt translation file")
    pos = len(MAGIC)
    out: dict[tuple[str, str], str] = {}
    while pos + 5 <= len(data):
        tag = data[pos]
        (length,) = struct.unpack_from(">I", data, pos + 1)
        start, pos = pos + 5, pos + 5 + length
        if tag == _MESSAGES:
            out.update(_messages(data[start:pos]))
    return out


def _messages(block: bytes) -> Iterable[tuple[tuple[str, str], str]]:
    pos = 0
    translation: str | None = None
    source = context = ""
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _END:
            if translation is not None:
                yield (context, source), translation
            translation, source, context = None, "", ""
            continue
        if tag == _OBSOLETE1:
            pos += 4
            continue
        if tag not in {_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT}:
            raise QmError(f"unknown message tag {tag}")
        (length,) = struct.unpack_from(">I", block, pos)
        pos += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        raw = block[pos:pos + length]
        pos += length
        if tag == _TRANSLATION:
            if translation is None:
                translation = raw.decode("utf-16-be")
        elif tag == _SOURCE:
            source = raw.decode("utf-8")
        elif tag == _CONTEXT:
            context = raw.decode("utf-8")


class Catalogue:
    """All ``*_<language>.qm`` files of a folder, read once, looked up like QTranslator."""

    def __init__(self, folder: Path, language: str) -> None:
        self.language = language
        self._table: dict[tuple[str, str], str] = {}
        if language != "en":
            for path in sorted(folder.glob(f"*_{language}.qm")):
                self._table.update(read_qm(path.read_bytes()))

    def translate(self, context: str, text: str) -> str:
        """The translation, or the English source when the catalogue has none."""
        return self._table.get((context, text)) or text

    def __len__(self) -> int:
        return len(self._table)
