"""Screenshots of the customers screen and the import wizard on a demo database.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python tools/shoot_customers.py OUTDIR [en|zh_CN]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication


def main() -> None:
    out = Path(sys.argv[1])
    language = sys.argv[2] if len(sys.argv) > 2 else "en"
    out.mkdir(parents=True, exist_ok=True)
    db_path = out / "demo.sqlite3"
    from winback_desktop.db import migrate
    from winback_desktop.db.engine import make_engine
    from winback_desktop.db.session import Database
    from winback_desktop.services import demo
    from winback_desktop.services.context import Actor

    if not db_path.exists():
        engine = make_engine(f"sqlite:///{db_path}")
        migrate.upgrade(engine, backup=False)
        engine.dispose()
        db = Database(f"sqlite:///{db_path}")
        demo.load_demo(db, Actor.system(), customers=2000)
    else:
        db = Database(f"sqlite:///{db_path}")
    app = QApplication.instance() or QApplication(sys.argv)
    from PySide6.QtGui import QFont

    app.setFont(QFont(["Microsoft YaHei UI", "Noto Sans CJK SC"], 10))
    from winback_desktop.ui import i18n

    i18n.install(language)
    from winback_desktop.db.models import User
    from winback_desktop.ui.context import AppContext
    from winback_desktop.ui.customers_screen import CustomersScreen

    with db.session() as s:
        from sqlalchemy import select

        user = s.scalar(select(User).where(User.login == "supervisor1"))
        actor = Actor.of(user)
    ctx = AppContext(db=db, actor=actor, language=language)
    screen = CustomersScreen(ctx)
    screen.resize(1400, 860)
    screen.show()

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    pump(1.5)
    screen.table.selectRow(2)
    pump(1.0)
    screen.grab().save(str(out / f"customers_{language}.png"))
    if len(sys.argv) > 3:
        from winback_desktop.ui.import_wizard import shoot_pages

        shoot_pages(ctx, Path(sys.argv[3]), out, language, pump)


if __name__ == "__main__":
    main()
