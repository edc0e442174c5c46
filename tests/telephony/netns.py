"""A private network namespace for SIP tests (baresip ignores the loopback interface).

A holder process made by ``unshare --net`` keeps the namespace alive and gives it a veth
pair (10.77.0.1 for the agent's baresip, 10.77.0.2 for the customer's SIPp). Programs
join it with ``nsenter``; a TCP connection into it (to baresip's ctrl_tcp on the
namespace's loopback) is opened by a tiny helper inside and handed back as a file
descriptor, so the test process itself never changes namespace. Without root a user
namespace maps the current user to root inside.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

AGENT_IP = "10.77.0.1"
CUSTOMER_IP = "10.77.0.2"

_HOLDER = r"""
import subprocess, sys
def ip(*a):
    done = subprocess.run(["ip", *a], capture_output=True, text=True)
    if done.returncode:
        print("'ip %s' failed: %s" % (" ".join(a), done.stderr.strip()), flush=True)
        sys.exit(1)
ip("link", "set", "lo", "up")
ip("link", "add", "wb0", "type", "veth", "peer", "name", "wb1")
ip("addr", "add", "%s/24" % sys.argv[1], "dev", "wb0")
ip("addr", "add", "%s/24" % sys.argv[2], "dev", "wb1")
ip("link", "set", "wb0", "up")
ip("link", "set", "wb1", "up")
print("ready", flush=True)
sys.stdin.read()
"""

_CONNECT = r"""
import socket, sys
unix = socket.socket(fileno=int(sys.argv[3]))
tcp = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=3)
socket.send_fds(unix, [b"fd"], [tcp.fileno()])
"""


class Unavailable(Exception):
    """Namespaces cannot be made here; the message says why."""


class PrivateNetwork:
    def __init__(self) -> None:
        self.root = os.geteuid() == 0
        self.holder: subprocess.Popen[str] | None = None

    def start(self) -> PrivateNetwork:
        for tool in ("unshare", "nsenter", "ip"):
            if shutil.which(tool) is None:
                raise Unavailable(f"'{tool}' is not installed")
        argv = ["unshare", "--net"] + ([] if self.root else ["--user", "--map-root-user"])
        argv += ["--", sys.executable, "-c", _HOLDER, AGENT_IP, CUSTOMER_IP]
        self.holder = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)
        assert self.holder.stdout is not None
        line = self.holder.stdout.readline().strip()
        if line != "ready":
            status = self.holder.wait(timeout=5)
            err = self.holder.stderr.read() if self.holder.stderr else ""
            self.close()
            # the one line that says why: unshare's own ("unshare failed: Operation not
            # permitted" without CAP_SYS_ADMIN) or the holder's failed ip command
            why = line or next((x for x in reversed(err.splitlines()) if x.strip()),
                               f"exit status {status}")
            raise Unavailable(f"cannot make a network namespace with "
                              f"'{' '.join(argv[:argv.index('--')])}': {why.strip()}")
        return self

    def _enter(self) -> list[str]:
        assert self.holder is not None
        argv = ["nsenter", "-t", str(self.holder.pid), "--net"]
        if not self.root:
            argv += ["--user", "--preserve-credentials"]
        return [*argv, "--"]

    def popen(self, argv: list[str], **kw: Any) -> subprocess.Popen[Any]:
        return subprocess.Popen(self._enter() + argv, **kw)

    def run(self, argv: list[str], **kw: Any) -> subprocess.CompletedProcess[Any]:
        return subprocess.run(self._enter() + argv, **kw)

    def connect(self, host: str, port: int) -> socket.socket:
        """A TCP connection to ``host:port`` inside the namespace."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        with ours, theirs:
            proc = self.popen([sys.executable, "-c", _CONNECT, host, str(port),
                               str(theirs.fileno())], pass_fds=[theirs.fileno()],
                              stderr=subprocess.PIPE, text=True)
            theirs.close()
            _msg, fds, _flags, _addr = socket.recv_fds(ours, 16, 1)
            proc.wait(timeout=5)
            if not fds:
                raise OSError(proc.stderr.read() if proc.stderr else "no connection")
            return socket.socket(fileno=fds[0])

    def close(self) -> None:
        if self.holder is not None:
            if self.holder.stdin:
                self.holder.stdin.close()
            try:
                self.holder.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.holder.kill()
            self.holder = None


def wait_port(net: PrivateNetwork, host: str, port: int, timeout: float = 5.0) -> socket.socket:
    import time

    deadline = time.monotonic() + timeout
    while True:
        try:
            return net.connect(host, port)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def tone(path: Path) -> tuple[float, float]:
    """(seconds, rough frequency in Hz) of a recording, as sox measures them."""
    out = subprocess.run(["sox", str(path), "-n", "stat"], capture_output=True, text=True,
                         check=True).stderr
    values = {}
    for line in out.splitlines():
        if ":" in line:
            key, _, value = line.partition(":")
            values[key.strip()] = value.strip()
    return float(values["Length (seconds)"]), float(values["Rough   frequency"])
