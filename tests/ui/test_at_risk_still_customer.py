"""The At-risk screen's "Still a customer" button (issue 19), through real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from winback_desktop.db.models import Customer, RiskFlag
from winback_desktop.services import risk
from winback_desktop.ui.shell.context import AppContext

from .helpers import wait_ops
from .test_at_risk_screen import ctx, open_screen  # noqa: F401


def test_still_a_customer_closes_the_flag_and_sets_active(qtbot: Any, ctx: AppContext  # noqa: F811
                                                          ) -> None:
    risk.scan(ctx.db, ctx.actor)
    screen = open_screen(qtbot, ctx)
    assert screen.model.rowCount() == 2
    assert not screen.still_button.isEnabled()
    screen.table.selectRow(0)
    qtbot.waitUntil(screen.still_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(screen.still_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "still a customer" in screen.message.text(), timeout=15_000)
    wait_ops(qtbot)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=15_000)
    with ctx.db.session() as s:
        closed = s.scalars(select(RiskFlag.customer_id).where(
            RiskFlag.status == "still_customer")).all()
        assert len(closed) == 1
        assert s.get(Customer, closed[0]).status == "active"  # type: ignore[union-attr]
