"""Manual: the softphone gets a ``tel:`` link, the agent presses Answered and Hang up.

Opening the link is the desktop's business (Qt's QDesktopServices in the GUI), so the
adapter takes a function that opens a URI; nothing is reported back.
"""

from __future__ import annotations

from collections.abc import Callable

from winback_desktop.services.telephony.interface import Capability, ConnectionCheck, Telephony


def tel_uri(number: str) -> str:
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


class ManualPhone(Telephony):
    name = "manual"
    capabilities = frozenset({Capability.DIAL})

    def __init__(self, open_uri: Callable[[str], object] | None = None) -> None:
        super().__init__()
        self.open_uri = open_uri

    def dial(self, call_id: int, number: str) -> None:
        if self.open_uri is not None:
            self.open_uri(tel_uri(number))

    def test_connection(self) -> ConnectionCheck:
        return ConnectionCheck(True, "tel:")
