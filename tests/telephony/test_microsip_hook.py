"""MicroSIP: the real ``winback phone hook`` program run as MicroSIP runs it (issue 20).

MicroSIP runs the command line from its ``microsip.ini`` with the remote number
appended and waits for it to exit. These tests write that file with
``winback phone microsip-hooks``, read the lines back and run them as MicroSIP would,
against an open call on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.services.queue_helpers import NOW, agent, campaign, customers
from winback_desktop.db.models import AuditEntry, Call, CallEvent, Recording
from winback_desktop.services import calls, queue
from winback_desktop.services.telephony import config, hook_spool
from winback_desktop.services.telephony.microsip import read_settings

WINBACK = str(Path(sys.executable).with_name("winback"))
NUMBER = "+8613800000000"  # customers()' first phone


@pytest.fixture
def open_call(db, admin, db_url, tmp_path):  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    customers(db, [{}])
    campaign(db, admin, [a])
    task = queue.claim_next_task(db, a, now=NOW)
    assert task is not None
    call_id = calls.start_call(db, a, task.task_id)
    recordings = tmp_path / "recordings"
    recordings.mkdir()
    with db.session() as s:
        cfg = config.load(s)
        cfg.adapter, cfg.microsip_recordings = "microsip", str(recordings)
        config.save(s, admin, cfg)
    ini = tmp_path / "MicroSIP" / "microsip.ini"
    out = subprocess.run([WINBACK, "phone", "microsip-hooks", str(ini), "--winback", WINBACK,
                          "--database", db_url, "--json"],
                         capture_output=True, text=True, check=True)
    assert set(json.loads(out.stdout)) == {"cmdCallStart", "cmdCallEnd", "cmdCallBusy"}
    return {"db": db, "agent": a, "call_id": call_id, "ini": ini, "recordings": recordings}


def microsip_runs(ini: Path, key: str, number: str) -> tuple[subprocess.CompletedProcess[str],
                                                            float]:
    """What MicroSIP's RunCmd does: the ini's command line, the number appended, wait."""
    line = read_settings(ini)[key]
    started = time.perf_counter()
    done = subprocess.run([*shlex.split(line), number], capture_output=True, text=True)
    return done, time.perf_counter() - started


def drained(timeout_s: float = 60.0) -> None:
    """Without the app the hook's detached worker records the event: wait for it."""
    deadline = time.monotonic() + timeout_s
    while hook_spool.pending():
        assert time.monotonic() < deadline, "the hook's worker left events in the spool"
        time.sleep(0.05)


def _call(db, call_id: int) -> Call:  # type: ignore[no-untyped-def]
    with db.session() as s:
        call = s.get(Call, call_id)
        assert call is not None
        s.expunge(call)
        return call


def test_ini_is_utf16_and_keeps_other_settings(tmp_path: Path) -> None:
    from winback_desktop.services.telephony.microsip import write_hooks

    ini = tmp_path / "microsip.ini"
    ini.write_bytes(b"\xff\xfe" + "[Settings]\r\nring=默认\r\ncmdCallEnd=old.bat\r\n"
                    "[Account1]\r\nlabel=201\r\n".encode("utf-16-le"))
    write_hooks(ini, r"C:\Program Files\Winback Desktop\winback.exe")
    raw = ini.read_bytes()
    assert raw.startswith(b"\xff\xfe")
    text = raw[2:].decode("utf-16-le")
    assert "ring=默认" in text and "[Account1]\r\nlabel=201" in text and "old.bat" not in text
    assert read_settings(ini)["cmdCallStart"] == (
        '"C:\\Program Files\\Winback Desktop\\winback.exe" phone hook call-start')


def test_answer_then_end_measures_talk_and_links_the_recording(open_call) -> None:  # type: ignore[no-untyped-def]
    db, call_id, ini = open_call["db"], open_call["call_id"], open_call["ini"]
    done, _s = microsip_runs(ini, "cmdCallStart", "013800000000")  # national form
    assert done.returncode == 0, done.stderr
    drained()
    call = _call(db, call_id)
    assert call.answered_by == "phone" and call.answered_at is not None
    # MicroSIP names the recording when the call connects, in local time
    local = call.answered_at.astimezone().replace(tzinfo=None)
    name = f"{local:%Y%m%d-%H%M%S}-{NUMBER}-outgoing-201.wav"
    (open_call["recordings"] / name).write_bytes(b"RIFF")
    (open_call["recordings"] / f"{local - timedelta(hours=2):%Y%m%d-%H%M%S}-{NUMBER}"
                                "-outgoing-201.wav").write_bytes(b"RIFF")  # an older call
    done, _s = microsip_runs(ini, "cmdCallEnd", NUMBER)
    assert done.returncode == 0, done.stderr
    drained()
    call = _call(db, call_id)
    assert (call.ended_by, call.end_cause) == ("phone", "hung_up")
    assert call.ended_at is not None and call.ended_at >= call.answered_at
    with db.session() as s:
        recs = s.scalars(select(Recording.path).where(Recording.call_id == call_id)).all()
        assert [Path(p).name for p in recs] == [name]
        kinds = s.scalars(select(CallEvent.kind).where(CallEvent.call_id == call_id)
                          .order_by(CallEvent.id)).all()
        assert kinds == ["answered", "ended", "recording"]
        assert s.scalar(select(AuditEntry.user_login).where(
            AuditEntry.action == "phone_event").limit(1)) == "agent01"


def test_busy_proposes_busy_and_a_repeat_changes_nothing(open_call) -> None:  # type: ignore[no-untyped-def]
    db, call_id, ini = open_call["db"], open_call["call_id"], open_call["ini"]
    done, _s = microsip_runs(ini, "cmdCallBusy", NUMBER)
    assert done.returncode == 0, done.stderr
    drained()
    first = _call(db, call_id)
    assert (first.end_cause, first.answered_at) == ("busy", None)
    done, _s = microsip_runs(ini, "cmdCallBusy", NUMBER)  # MicroSIP ran it twice
    assert done.returncode == 0
    drained()
    again = _call(db, call_id)
    assert again.ended_at == first.ended_at
    with db.session() as s:
        assert s.scalar(select(CallEvent.kind).where(CallEvent.call_id == call_id)) == "ended"
        assert len(s.scalars(select(CallEvent.id)).all()) == 1


def test_end_without_answer_is_no_answer(open_call) -> None:  # type: ignore[no-untyped-def]
    done, _s = microsip_runs(open_call["ini"], "cmdCallEnd", NUMBER)
    assert done.returncode == 0, done.stderr
    drained()
    assert _call(open_call["db"], open_call["call_id"]).end_cause == "no_answer"


def test_another_number_is_set_aside_and_the_next_event_still_recorded(open_call) -> None:  # type: ignore[no-untyped-def]
    done, _s = microsip_runs(open_call["ini"], "cmdCallStart", "+8613999999999")
    assert done.returncode == 0, done.stderr  # MicroSIP is not kept waiting for the refusal
    done, _s = microsip_runs(open_call["ini"], "cmdCallBusy", NUMBER)
    drained()
    call = _call(open_call["db"], open_call["call_id"])
    assert (call.answered_at, call.end_cause) == (None, "busy")
    reasons = list((hook_spool.spool_dir() / hook_spool.REJECTED).glob("*.txt"))
    assert len(reasons) == 1
    assert "No open call to +8613999999999" in reasons[0].read_text(encoding="utf-8")


def test_wait_reports_another_number_with_one_line(open_call, db_url) -> None:  # type: ignore[no-untyped-def]
    line = read_settings(open_call["ini"])["cmdCallStart"]
    done = subprocess.run([*shlex.split(line), "+8613999999999", "--wait"],
                          capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "No open call to +8613999999999" in done.stderr
    assert "Traceback" not in done.stderr
    assert _call(open_call["db"], open_call["call_id"]).answered_at is None


@pytest.mark.parametrize("wait", [["--wait"], []], ids=["wait", "no-wait"])
def test_another_workstation_is_not_this_one(open_call, db_url, wait) -> None:  # type: ignore[no-untyped-def]
    done = subprocess.run([WINBACK, "phone", "hook", "--database", db_url, "--workstation",
                           "OTHER-PC", *wait, "call-start", NUMBER],
                          capture_output=True, text=True)
    assert done.returncode == 2 and "OTHER-PC" in done.stderr
    drained()  # nothing was spooled for a worker to record either
    assert _call(open_call["db"], open_call["call_id"]).answered_at is None


def test_status_json(open_call, db_url) -> None:  # type: ignore[no-untyped-def]
    # status reads the team's settings: a logged-in user's command (the scheduled-job form)
    env = dict(os.environ, WINBACK_USER="admin", WINBACK_PASSWORD="admin-pass-1")
    out = subprocess.run([WINBACK, "phone", "status", "--database", db_url, "--json"],
                         capture_output=True, text=True, check=True, env=env)
    data = json.loads(out.stdout)
    assert data["adapter"] == "microsip"
    assert data["capabilities"] == ["dial", "events", "hangup", "recording"]
    assert data["connected"] is False  # no MicroSIP program on this machine
    assert isinstance(data["detail"], str) and data["detail"]




@pytest.fixture
def app_listening(open_call):  # type: ignore[no-untyped-def]
    """The agent's desktop app is running: it listens for the hook (hook_channel)."""
    from winback_desktop.services.telephony import hook

    listener = hook.listen(open_call["db"], open_call["agent"])
    yield listener
    listener.close()


def test_a_running_app_records_the_hook_without_the_hook_opening_the_database(
        open_call, app_listening, db_url) -> None:  # type: ignore[no-untyped-def]
    db, call_id, ini = open_call["db"], open_call["call_id"], open_call["ini"]
    done, _s = microsip_runs(ini, "cmdCallStart", "013800000000")
    assert done.returncode == 0, done.stderr
    call = _call(db, call_id)
    assert (call.step, call.answered_by) == ("answered", "phone")
    done, _s = microsip_runs(ini, "cmdCallBusy", "+8613999999999")  # not this call
    assert done.returncode == 2 and "No open call to +8613999999999" in done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    done, _s = microsip_runs(ini, "cmdCallEnd", NUMBER)
    assert done.returncode == 0, done.stderr
    call = _call(db, call_id)
    assert (call.step, call.ended_by, call.end_cause) == ("outcome", "phone", "hung_up")
    # the hook process itself never loaded SQLAlchemy on this path
    probe = subprocess.run(
        [sys.executable, "-c",
         "import sys; from winback_desktop.cli import phone_hook as h; "
         f"rc = h.main(['call-end', {NUMBER!r}, '--database', {db_url!r}]); "
         "print(rc, 'sqlalchemy' in sys.modules)"], capture_output=True, text=True)
    assert probe.stdout.split() == ["0", "False"], probe.stderr


def test_a_token_from_another_account_is_refused(open_call, app_listening) -> None:  # type: ignore[no-untyped-def]
    from winback_desktop.services.telephony import hook_channel

    path = hook_channel.endpoint_file()
    info = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(info | {"token": "0" * 32}), encoding="utf-8")
    done, _s = microsip_runs(open_call["ini"], "cmdCallStart", NUMBER)
    assert done.returncode == 2 and "did not come from this Windows account" in done.stderr
    assert _call(open_call["db"], open_call["call_id"]).answered_at is None
