"""Shared steps of the GUI tests."""

from __future__ import annotations

from typing import Any

from winback_desktop.services.demo import DEMO_PASSWORD


def wait_ops(qtbot: Any, timeout: int = 15_000) -> None:
    from winback_desktop.ui.kit.service_op import ServiceOp

    qtbot.waitUntil(lambda: not ServiceOp.live, timeout=timeout)


def start_controller(controllers: list[Any], url: str, **kwargs: Any) -> Any:
    from winback_desktop.ui.shell.application import AppController

    controller = AppController(url, **kwargs)
    controllers.append(controller)
    controller.start()
    assert controller.login is not None
    return controller


def log_in(qtbot: Any, controller: Any, login: str, password: str = DEMO_PASSWORD) -> Any:
    dialog = controller.login
    qtbot.waitUntil(lambda: dialog.login_button.isEnabled(), timeout=15_000)
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    dialog.login_button.click()
    return dialog


def main_window(qtbot: Any, db: Any, login: str, **kwargs: Any) -> Any:
    """A main window for ``login`` without going through the dialog."""
    from winback_desktop.services import auth
    from winback_desktop.ui.shell.context import AppContext
    from winback_desktop.ui.shell.main_window import MainWindow

    actor = auth.authenticate(db, login, DEMO_PASSWORD)
    window = MainWindow(AppContext(db=db, actor=actor), **kwargs)
    qtbot.addWidget(window)
    window.show()
    wait_ops(qtbot)
    return window
