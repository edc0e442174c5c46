"""``python -m winback_desktop.cli`` runs the ``winback`` command."""

import sys

from winback_desktop.cli import main

sys.exit(main())
