"""Screenshots of the queue screens (workspace, campaigns, segmentation) in en and zh_CN.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/queue_screenshots.py OUT_DIR

Builds a throw-away demo database, opens each screen as the role that uses it, waits
for its background loading, and saves ``<screen>_<lang>.png``. Used to check layouts
for clipped text in both languages.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import time as dtime
from pathlib import Path

from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import update

from winback_desktop.db import migrate
from winback_desktop.db.engine import make_engine
from winback_desktop.db.models import Campaign
from winback_desktop.db.session import Database
from winback_desktop.services import auth, demo
from winback_desktop.services.context import Actor
from winback_desktop.ui.shell import i18n
from winback_desktop.ui.shell.context import AppContext


def wait(app: QApplication, cond, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        app.processEvents()
        if cond():
            break
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()
        time.sleep(0.01)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    families = ["Microsoft YaHei UI", "Noto Sans CJK SC"]
    font = QFont()
    font.setFamilies(families)
    font.setPointSize(10)
    app.setFont(font)
    QDesktopServices.openUrl = staticmethod(lambda _u: True)  # type: ignore[method-assign]
    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{(tmp / 'shots.sqlite3').as_posix()}"
    engine = make_engine(url)
    migrate.upgrade(engine, backup=False)
    engine.dispose()
    db = Database(url)
    demo.load_demo(db, Actor.system(), customers=2000)
    with db.session() as s:
        s.execute(update(Campaign).values(window_start=dtime(0, 0),
                                          window_end=dtime(23, 59, 59)))
    for lang in ("en", "zh_CN"):
        shoot_language(app, db, lang, out)
    db.dispose()


def shoot_language(app: QApplication, db: Database, lang: str, out: Path) -> None:
    from winback_desktop.ui.screens.campaigns.screen import CampaignsScreen
    from winback_desktop.ui.screens.segmentation.screen import SegmentationScreen
    from winback_desktop.ui.screens.workspace.screen import Phase, WorkspaceScreen

    i18n.install(lang)
    agent = AppContext(db=db, actor=auth.authenticate(db, "agent01", demo.DEMO_PASSWORD),
                       language=lang)
    admin = AppContext(db=db, actor=auth.authenticate(db, "admin", demo.DEMO_PASSWORD),
                       language=lang)
    ws = WorkspaceScreen(agent)
    ws.resize(1360, 860)
    ws.show()
    wait(app, ws.idle)
    shoot(ws, out / f"workspace_idle_{lang}.png")
    ws.next_customer()
    wait(app, lambda: ws.phase is Phase.HOLDING and ws.idle())
    ws.dial_first()
    wait(app, lambda: ws.call.call_id is not None and ws.idle())
    ws.mark_answered()
    wait(app, ws.idle)
    ws.notes.setPlainText("客户说竞争对手便宜 15%，愿意听听我们的优惠。" if lang == "zh_CN"
                          else "Says the competitor is 15% cheaper; open to an offer.")
    time.sleep(1.1)
    ws._tick()
    shoot(ws, out / f"workspace_{lang}.png")
    ws.card_view.history.setCurrentWidget(ws.offers)
    wait(app, lambda: not ws.offers._busy, 3.0)
    shoot(ws, out / f"workspace_offers_{lang}.png")
    ws.card_view.history.setCurrentWidget(ws.runner)
    ws.explain_sltv()
    wait(app, lambda: ws.explain_dialog is not None and ws.idle())
    assert ws.explain_dialog is not None
    shoot(ws.explain_dialog, out / f"sltv_explain_{lang}.png")
    ws.explain_dialog.close()
    dialog = ws.make_callback_dialog()
    dialog.show()
    wait(app, lambda: True, 0.2)
    shoot(dialog, out / f"callback_{lang}.png")
    dialog.close()
    ws.hang_up()
    wait(app, ws.idle)
    ws.close()

    seg = SegmentationScreen(admin)
    seg.resize(1360, 760)
    seg.show()
    wait(app, seg.idle)
    shoot(seg, out / f"segmentation_{lang}.png")
    seg.close()

    camp = CampaignsScreen(admin)
    camp.resize(1360, 860)
    camp.show()
    wait(app, camp.idle)
    camp.table.selectRow(0)
    wait(app, camp.idle)
    camp.preview()
    wait(app, camp.idle)
    shoot(camp, out / f"campaigns_{lang}.png")
    camp.close()


def shoot(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "shots"))
