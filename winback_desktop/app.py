"""``winback-desktop``: the GUI entry point.

Kept tiny and import-light so the login window appears fast; Qt widgets and the
database stack load only once ``main`` runs.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

#: For the cold-start figure (``winback-desktop --startup-timing``).
IMPORTED_AT = time.perf_counter()


def main(argv: Sequence[str] | None = None) -> int:
    from winback_desktop.ui.shell.application import run

    return run(list(sys.argv if argv is None else [sys.argv[0], *argv]))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
