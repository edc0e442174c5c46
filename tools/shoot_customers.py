"""Screenshots of the customers screen and the import wizard on a demo database.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/shoot_customers.py OUT [en|zh_CN] [XLSX]
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
    from winback_desktop.ui.shell import style

    style.apply(app)  # type: ignore[arg-type]
    from winback_desktop.ui.shell import i18n

    i18n.install(language)
    from winback_desktop.db.models import User
    from winback_desktop.ui.screens.customers.screen import CustomersScreen
    from winback_desktop.ui.shell.context import AppContext

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
    shoot_wizard(ctx, out, language, pump)


def sample_workbook(path: Path) -> Path:
    """A realistic list: title block, Chinese headers, a few broken values."""
    from datetime import date

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "流失客户"
    sheet.append(["2026年11月 流失客户名单（华东区）"])
    sheet.append([])
    sheet.append(["客户编号", "姓名", "手机", "流失日期", "流失原因", "年消费额", "毛利",
                  "城市", "备注"])
    rows = [
        ["HD-2001", "王伟", "13800138000", date(2026, 3, 1), "价格太贵", "¥12,345.50", 3000,
         "上海", ""],
        ["HD-2002", "李娜", "139 0013 9000", "2026年3月2日", "竞争对手", 56000, 9000, "杭州",
         "转投竞品"],
        ["HD-2003", "张敏", "1.38E+10", "2026-03-03", "搬家", 8000, 1000, "南京", ""],
        ["HD-2004", "刘洋", "13600136000", "not a date", "服务差", "abc", 900, "上海", ""],
        ["HD-2001", "王伟", "13800138000", "2026-03-05", "价格", 100, 10, "上海", "重复"],
        ["HD-2006", "Emma Taylor", "+44 7911 123456", "01/04/2026", "moved", "1.234,50 €",
         "(120)", "London", ""],
        ["HD-2007", "陈杰", "０１３８００１３８００７", "2026/4/2", "不知道", 4300, 500, "成都",
         ""],
    ]
    for row in rows:
        sheet.append(row)
    book.create_sheet("说明").append(["本文件由销售部导出"])
    book.save(path)
    return path


def shoot_wizard(ctx: object, out: Path, language: str, pump: object) -> None:
    from winback_desktop.ui.screens.importing.wizard import ImportWizard

    wizard = ImportWizard(ctx)  # type: ignore[arg-type]
    wizard.resize(1000, 700)
    wizard.show()
    wizard.file_page.path.setText(str(sample_workbook(out / "客户名单.xlsx")))
    pump(0.3)  # type: ignore[operator]
    wizard.grab().save(str(out / f"wizard_file_{language}.png"))
    for name in ("sheet", "mapping", "preview", "options", "run"):
        if name == "run":
            wizard.options_page.valid_only.setChecked(True)
        before = wizard.currentId()
        wizard.next()
        for _ in range(300):
            pump(0.05)  # type: ignore[operator]
            if wizard.currentId() != before:
                break
        pump(0.3)  # type: ignore[operator]
        if name == "run":
            for _ in range(300):
                if wizard.run_page.done:
                    break
                pump(0.05)  # type: ignore[operator]
            pump(0.3)  # type: ignore[operator]
        wizard.grab().save(str(out / f"wizard_{name}_{language}.png"))


if __name__ == "__main__":
    main()
