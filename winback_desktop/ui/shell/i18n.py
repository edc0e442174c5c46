"""Loading Qt translations for the GUI and the CLI.

English is the source language; ``zh_CN`` ships complete. Each functional area has
its own ``.ts`` file under ``resources/translations`` (so work on one screen never
conflicts with another), compiled to ``.qm`` files that are all installed together.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}

_installed: list[QTranslator] = []
_current = ["en"]


def current_language() -> str:
    """The language last installed with ``install`` (English before any)."""
    return _current[0]


def system_language() -> str:
    env = os.environ.get("WINBACK_LANG")
    if env:
        return normalise(env)
    try:
        name = QLocale.system().name()
    except Exception:  # pragma: no cover - no Qt locale backend
        name = locale.getlocale()[0] or "en"
    return normalise(name)


def normalise(name: str | None) -> str:
    if not name:
        return "en"
    name = name.replace("-", "_")
    if name.lower().startswith("zh"):
        return "zh_CN"
    return "en"


def qm_files(language: str) -> list[Path]:
    return sorted(TRANSLATIONS_DIR.glob(f"*_{language}.qm"))


def qt_qm_files(language: str) -> list[Path]:
    """Qt's own translations (standard buttons such as OK, Save, Cancel)."""
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [p for p in (folder / f"qtbase_{language}.qm",) if p.exists()]


def install(language: str) -> str:
    """Install translators for ``language`` (removing earlier ones); returns it."""
    language = normalise(language)
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    if language != "en":
        for path in [*qt_qm_files(language), *qm_files(language)]:
            translator = QTranslator()
            if translator.load(str(path)):
                QCoreApplication.installTranslator(translator)
                _installed.append(translator)
    _current[0] = language
    return language


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
