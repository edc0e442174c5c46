from __future__ import annotations

import subprocess
from collections.abc import Callable

import pytest

from tests import cli_runner


@pytest.fixture
def winback() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real ``winback`` CLI in a subprocess as a logged-in user (tests/cli_runner)."""
    return cli_runner.run
