"""The zh_CN translation is complete, consistent with the code, and nothing clips.

* every message of every ``*_zh_CN.ts`` is finished and keeps the ``{placeholders}``;
* running ``tools/i18n.py``'s lupdate on each source module finds no string the
  committed ``.ts`` lacks (a forgotten ``tools/i18n.py update``);
* each committed ``.qm`` really translates each message (a forgotten ``compile``);
* with a pseudo-locale that stretches every string ~40%, no label, button or check box
  of the login dialog, the main window's screens or the settings dialog is clipped.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "winback_desktop" / "resources" / "translations"
TS_FILES = sorted(TS_DIR.glob("*_zh_CN.ts"))
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def _tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("winback_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> list[tuple[str, str, ET.Element | None]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            out.append((name, msg.findtext("source") or "", msg.find("translation")))
    return out


def test_there_are_translation_files() -> None:
    assert len(TS_FILES) >= 10


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_message_is_translated_and_keeps_its_placeholders(ts: Path) -> None:
    problems = []
    for context, source, tr in _messages(ts):
        text = "" if tr is None else (tr.text or "")
        if tr is None or tr.get("type") in {"unfinished", "vanished", "obsolete"} \
                or not text.strip():
            problems.append(f"unfinished: {context}/{source!r}")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"placeholders differ: {source!r} -> {text!r}")
    assert not problems, "\n".join(problems)


def test_lupdate_finds_no_string_missing_from_the_committed_ts(tmp_path: Path) -> None:
    tool = _tools()
    missing = []
    for source in tool.sources():
        committed = TS_DIR / tool.ts_name(source)
        fresh = tmp_path / tool.ts_name(source)
        tool.lupdate(source, fresh)
        found = {(c, s) for c, s, _ in _messages(fresh)}
        if not found:
            continue
        if not committed.exists():
            missing.append(f"{committed.name} does not exist (run tools/i18n.py update)")
            continue
        known = {(c, s) for c, s, _ in _messages(committed)}
        missing += [f"{committed.name}: {c}/{s!r}" for c, s in sorted(found - known)]
    assert not missing, "run tools/i18n.py update + apply + compile:\n" + "\n".join(missing)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_the_compiled_qm_translates_every_message(qapp: Any, ts: Path) -> None:
    from PySide6.QtCore import QTranslator

    qm = ts.with_suffix(".qm")
    assert qm.exists(), f"{qm.name} missing: run tools/i18n.py compile"
    translator = QTranslator()
    assert translator.load(str(qm))
    wrong = []
    for context, source, tr in _messages(ts):
        expected = "" if tr is None else (tr.text or "")
        got = translator.translate(context, source)
        if got != expected:
            wrong.append(f"{context}/{source!r}: .qm gives {got!r}, .ts says {expected!r}")
    assert not wrong, "run tools/i18n.py compile:\n" + "\n".join(wrong)


# ----------------------------------------------------------------- pseudo-locale

_ACCENTS = str.maketrans("aceinosuyACEINOSUY", "àçéîñöšüýÀÇÉÎÑÖŠÜÝ")
_KEEP = re.compile(r"(\{[^}]*\}|<[^>]*>|&\w+;)")


def pseudo(text: str) -> str:
    """Accented, bracketed and ~40% longer: shows both untranslated and clipped text."""
    if not text:
        return text
    parts = _KEEP.split(text)
    body = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    visible = len(_KEEP.sub("", text))
    return f"[{body}{'~' * max(1, round(visible * 0.4) - 1)}]"


def test_pseudo_keeps_placeholders() -> None:
    assert pseudo("Role: {role}") == "[Rölé: {role}~]"
    assert len(pseudo("Connection to the database lost")) >= 1.4 * 31
    assert "{url}" in pseudo("Database: {url}").format(url="{url}")


@pytest.fixture
def pseudo_locale(qapp: Any) -> Any:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from winback_desktop.ui.shell import i18n

    class PseudoTranslator(QTranslator):
        def translate(self, context: str, source: str, disambiguation: str | None = None,
                      n: int = -1) -> str:
            return pseudo(source)

        def isEmpty(self) -> bool:
            return False

    i18n.install("en")
    translator = PseudoTranslator()
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _clipped(root: Any) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton

    problems = []
    for cls in (QLabel, QPushButton, QCheckBox):
        for widget in root.findChildren(cls):
            if not widget.isVisibleTo(root) or not widget.text():
                continue
            if isinstance(widget, QLabel) and widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + 1:
                    problems.append(f"{widget.text()!r}: height {widget.height()} < {needed}")
                continue
            if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText \
                    and "<" in widget.text():
                need = widget.sizeHint().width()
            elif isinstance(widget, QLabel):
                margins = widget.contentsMargins()
                need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) \
                    + margins.left() + margins.right() + 2 * widget.margin()
            else:
                need = widget.sizeHint().width()
            if widget.width() < need:
                problems.append(f"{type(widget).__name__} {widget.text()!r}: "
                                f"{widget.width()} < {need}")
    return problems


def test_pseudo_locale_login_dialog_has_no_clipped_text(qtbot: Any, pseudo_locale: Any,
                                                         demo_db: Any) -> None:
    from winback_desktop.ui.shell.login_dialog import LoginDialog

    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.set_database(demo_db)
    dialog.show_error(pseudo("Wrong login or password."))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.login_button.text().startswith("[")  # the pseudo-locale is active
    assert not _clipped(dialog), _clipped(dialog)


def test_pseudo_locale_main_window_and_settings_have_no_clipped_text(
        qtbot: Any, pseudo_locale: Any, demo_db: Any) -> None:
    from tests.ui.helpers import main_window, wait_ops

    window = main_window(qtbot, demo_db, "admin")
    window.resize(1280, 800)
    problems = []
    for key in window.screen_keys():
        window.open_screen(key)
        wait_ops(qtbot)
        qtbot.wait(20)
        problems += [f"{key}: {p}" for p in _clipped(window)]
    assert window.nav.item(0).text().startswith("[")
    window.open_settings()
    wait_ops(qtbot)
    dialog = window.settings_dialog
    qtbot.waitExposed(dialog)
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        problems += [f"settings tab {index}: {p}" for p in _clipped(dialog)]
    assert not problems, "\n".join(problems)


def test_the_clipping_check_notices_a_clipped_button(qtbot: Any) -> None:
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    box = QWidget()
    qtbot.addWidget(box)
    button = QPushButton("A rather long caption for a button")
    button.setFixedWidth(40)
    QHBoxLayout(box).addWidget(button)
    box.show()
    qtbot.waitExposed(box)
    assert _clipped(box)


def test_qt_standard_buttons_are_translated_too(qtbot: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from winback_desktop.ui.shell import i18n

    i18n.install("zh_CN")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "取消"])


def test_languages_are_named_in_words_not_codes() -> None:
    """The customer pane said "Language: zh"; now "Chinese" / "中文"."""
    from winback_desktop.ui.kit import vocabulary
    from winback_desktop.ui.shell import i18n

    assert vocabulary.name("zh") == "Chinese" and vocabulary.name("en") == "English"
    i18n.install("zh_CN")
    try:
        assert vocabulary.name("zh") == "中文" and vocabulary.name("en") == "英语"
    finally:
        i18n.install("en")
