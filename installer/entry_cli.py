"""Frozen entry point of ``winback(.exe)``: the admin command line."""

import multiprocessing
import sys

from winback_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
