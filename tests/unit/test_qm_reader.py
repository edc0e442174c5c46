"""The command line's Qt-free catalogue reader says what Qt's translator says.

Every message of every shipped ``.qm`` is looked up both ways; a difference would mean
an agent's supervisor reads one word in the GUI and another in a scheduled CLI report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from winback_desktop.io.qm import Catalogue, QmError, read_qm

TS_DIR = Path(__file__).resolve().parents[2] / "winback_desktop" / "resources" / "translations"


def test_every_message_matches_qt() -> None:
    from PySide6.QtCore import QTranslator

    checked = 0
    for qm in sorted(TS_DIR.glob("*_zh_CN.qm")):
        ours = read_qm(qm.read_bytes())
        translator = QTranslator()
        assert translator.load(str(qm)), qm.name
        for context in ET.parse(qm.with_suffix(".ts")).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                assert ours.get((name, source), source) == (
                    translator.translate(name, source) or source), (qm.name, name, source)
                checked += 1
    assert checked > 1000


def test_catalogue_falls_back_to_english_and_rejects_other_files(tmp_path: Path) -> None:
    catalogue = Catalogue(TS_DIR, "zh_CN")
    assert catalogue.translate("", "Winback Desktop command line.") == "Winback Desktop 命令行。"
    assert catalogue.translate("", "no such message") == "no such message"
    assert len(Catalogue(TS_DIR, "en")) == 0
    with pytest.raises(QmError):
        read_qm(b"not a catalogue")
