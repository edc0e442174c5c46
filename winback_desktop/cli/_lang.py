"""The command line's language: the GUI's catalogues, read without Qt.

``setup`` picks the language (``--lang``, else ``WINBACK_LANG``, else the system
locale) and loads the compiled catalogues with ``io.qm``; ``translate`` then looks
messages up exactly as the GUI's translators would. Importing this module costs nothing:
the catalogues are read only for a language other than English.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path

from winback_desktop.io.qm import Catalogue

TRANSLATIONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "translations"
_catalogue: list[Catalogue | None] = [None]


def normalise(name: str | None) -> str:
    """``zh``, ``zh-CN``, ``zh_CN.UTF-8`` → ``zh_CN``; anything else → ``en``."""
    if not name:
        return "en"
    return "zh_CN" if name.replace("-", "_").lower().startswith("zh") else "en"


def system_language() -> str:
    """``WINBACK_LANG`` if set, else the user's locale."""
    env = os.environ.get("WINBACK_LANG")
    if env:
        return normalise(env)
    try:
        name = locale.getlocale()[0] or os.environ.get("LANG")
    except ValueError:
        name = os.environ.get("LANG")
    return normalise(name)


def language_from_argv(argv: list[str]) -> str:
    """The ``--lang`` value wherever it appears, else the system language."""
    language = None
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            language = argv[i + 1]
        elif arg.startswith("--lang="):
            language = arg.split("=", 1)[1]
    return normalise(language) if language else system_language()


def install(language: str) -> str:
    """Load the catalogues of ``language`` (English needs none); returns it."""
    language = normalise(language)
    _catalogue[0] = Catalogue(TRANSLATIONS_DIR, language) if language != "en" else None
    return language


def current_language() -> str:
    catalogue = _catalogue[0]
    return catalogue.language if catalogue is not None else "en"


def translate(context: str, text: str) -> str:
    """Same signature as ``QCoreApplication.translate``."""
    catalogue = _catalogue[0]
    return text if catalogue is None else catalogue.translate(context, text)
