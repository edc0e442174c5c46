"""Screenshots of the workspace and the live board with a real baresip call in progress.

Not a test: run ``python -m tests.telephony.screens OUT_DIR`` with Xvfb on ``DISPLAY``.
The SIP lab (``lab.py``) starts baresip and a SIPp customer who answers after 1 s and
talks until the agent hangs up; the app runs inside the lab's network namespace (the
X server is reached through its file socket), dials through the baresip adapter and
is photographed in English and Chinese. Demo customers' numbers are not SIP addresses
in the lab, so the dial is routed to the SIPp customer.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

GUI = r'''
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
lang, out, url, uri = sys.argv[1:5]
app = QApplication([])
from winback_desktop.ui.shell import i18n
from winback_desktop.ui.shell import style
style.apply(app); i18n.install(lang)
from winback_desktop.db.session import Database
from winback_desktop.services.telephony.baresip import BaresipPhone
from tests.ui.conftest import make_ctx
from winback_desktop.ui.screens.workspace.screen import WorkspaceScreen, Phase
from winback_desktop.ui.screens.board.screen import BoardScreen
dial = BaresipPhone.dial
BaresipPhone.dial = lambda self, call_id, number: dial(self, call_id, uri)
db = Database(url)
ctx = make_ctx(db, "agent01"); ctx.language = lang
w = WorkspaceScreen(ctx); w.resize(1280, 800); w.show()
board = None
step = {"n": 0, "t": time.monotonic()}
def tick():
    global board
    n = step["n"]
    if n == 0 and w.phone_bar.bridge is not None and w.phone_bar.bridge.connected and w.idle():
        w.next_customer(); step["n"] = 1
    elif n == 1 and w.phase is Phase.HOLDING and w.idle():
        w.dial_first(); step["n"] = 2
    elif n == 2 and w.call.answered is not None:
        step["n"] = 3; step["t"] = time.monotonic()
    elif n == 3 and time.monotonic() - step["t"] > 4:
        w.grab().save(f"{out}/workspace_{lang}.png")
        sctx = make_ctx(db, "supervisor1"); sctx.language = lang
        board = BoardScreen(sctx); board.resize(1280, 800); board.show()
        step["n"] = 4; step["t"] = time.monotonic()
    elif n == 4 and time.monotonic() - step["t"] > 3:
        board.table.selectRow(0)
        board.grab().save(f"{out}/board_{lang}.png")
        w.hang_up(); step["n"] = 5; step["t"] = time.monotonic()
    elif n == 5 and (w.phase is Phase.WRAP_UP or time.monotonic() - step["t"] > 5):
        w.grab().save(f"{out}/wrapup_{lang}.png")
        print("status:", w.phone_bar.status.text(), "| banner:", w.banner.text(), flush=True)
        app.quit()
timer = QTimer(); timer.timeout.connect(tick); timer.start(200)
QTimer.singleShot(60000, app.quit)
app.exec()
'''


def main(out: Path) -> int:
    from tests.telephony.lab import CUSTOMER_URI, Lab
    from tests.ui.conftest import _call_around_the_clock, make_ctx
    from winback_desktop.services import database, demo
    from winback_desktop.services.context import Actor
    from winback_desktop.services.telephony import it_settings
    from winback_desktop.services.telephony.config import PhoneConfig

    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="phone-screens-"))
    lab = Lab(root).start()
    try:
        for lang in ("en", "zh_CN"):
            url = f"sqlite:///{(root / f'{lang}.sqlite3').as_posix()}"
            db = database.open_database(url, create=True)
            demo.load_demo(db, Actor.system(), customers=50)
            _call_around_the_clock(db)
            admin = make_ctx(db, "admin").actor
            it_settings.save_settings(db, admin, PhoneConfig(
                adapter="baresip", baresip_port=4444, baresip_recordings=str(lab.recordings)))
            db.dispose()
            lab.customer("answer")
            gui = lab.net.popen([sys.executable, "-c", GUI, lang, str(out), url, CUSTOMER_URI],
                                env={**os.environ}, stdout=subprocess.PIPE, text=True)
            printed, _ = gui.communicate(timeout=90)
            print(lang, printed.strip())
            lab.wait_customer()
    finally:
        lab.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
