"""The real-SIP tests skip, with the runner's own reason, where no network namespace can be
made (a container without CAP_SYS_ADMIN, a kernel without veth), even under ``CI``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.telephony.lab import Lab


def _bin(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    for tool in ("baresip", "sipp", "sox", "nsenter"):  # never reached
        _bin(folder, tool, "exit 99")
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("CI", "true")
    monkeypatch.delenv("WINBACK_REQUIRE_SIP_LAB", raising=False)
    return folder


def _skip_reason(tmp_path: Path) -> str:
    lab = Lab(tmp_path / "lab")
    with pytest.raises(pytest.skip.Exception) as skipped:
        lab.start()
    return str(skipped.value)


def test_no_namespace_permission_skips_with_unshares_reason(fake_bin: Path,
                                                            tmp_path: Path) -> None:
    _bin(fake_bin, "unshare", 'echo "unshare: unshare failed: Operation not permitted" >&2\n'
                              "exit 1")
    _bin(fake_bin, "ip", "exit 0")
    reason = _skip_reason(tmp_path)
    assert reason.startswith("SIP lab unavailable: cannot make a network namespace")
    assert reason.endswith("unshare failed: Operation not permitted")


def test_no_veth_skips_with_the_failed_ip_command(fake_bin: Path, tmp_path: Path) -> None:
    # unshare works (runs the holder here), but the kernel refuses the veth pair
    _bin(fake_bin, "unshare", 'while [ "$1" != "--" ]; do shift; done; shift; exec "$@"')
    _bin(fake_bin, "ip", 'case "$*" in *veth*) echo "RTNETLINK answers: Operation not '
                         'supported" >&2; exit 2;; esac; exit 0')
    reason = _skip_reason(tmp_path)
    assert "'ip link add wb0 type veth peer name wb1' failed: RTNETLINK answers: Operation " \
           "not supported" in reason


def test_required_lab_fails_instead(fake_bin: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    _bin(fake_bin, "unshare", 'echo "unshare: unshare failed: Operation not permitted" >&2\n'
                              "exit 1")
    monkeypatch.setenv("WINBACK_REQUIRE_SIP_LAB", "1")
    with pytest.raises(pytest.fail.Exception, match="Operation not permitted"):
        Lab(tmp_path / "lab").start()
