"""The queue screens register for the right roles and read in Chinese."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.ui.conftest import make_ctx
from winback_desktop.ui.shell import i18n
from winback_desktop.ui.shell import registry as screens


@pytest.fixture
def chinese() -> Iterator[None]:
    i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.install("en")


def test_agent_gets_the_workspace_first_admin_gets_the_admin_screens(demo_db) -> None:  # type: ignore[no-untyped-def]
    agent = [s.key for s in screens.screens_for(make_ctx(demo_db, "agent01"))]
    # after the start page, the call workspace is the agent's first screen
    assert next(k for k in agent if k != "home") == "workspace"
    assert "campaigns" not in agent and "segmentation" not in agent
    admin = [s.key for s in screens.screens_for(make_ctx(demo_db, "admin"))]
    assert {"workspace", "campaigns", "segmentation"} <= set(admin)


def test_workspace_in_chinese(qtbot, demo_db, chinese) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.core.domain import Disposition
    from winback_desktop.ui.screens.workspace.screen import WorkspaceScreen

    screen = WorkspaceScreen(make_ctx(demo_db, "agent01"))
    qtbot.addWidget(screen)
    qtbot.waitUntil(screen.idle, timeout=10_000)
    assert screen.next_button.text() == "下一位客户 (F2)"
    assert screen.disposition_buttons[Disposition.WON_BACK].text() == "8  已挽回"
    assert "F2" in screen.empty_label.text() and "下一位客户" in screen.empty_label.text()
