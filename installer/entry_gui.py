"""Frozen entry point of ``WinbackDesktop(.exe)``: the GUI (``winback_desktop.app``)."""

import multiprocessing
import sys

from winback_desktop.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
