"""``python -m winback_desktop.cli``: the ``winback`` command."""

import sys

from winback_desktop.cli import main

sys.exit(main())
