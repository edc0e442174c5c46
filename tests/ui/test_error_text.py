"""One wording of failures for every screen (issue 17: one error_text in ui/kit)."""

from __future__ import annotations

import sqlite3
from typing import Any

from winback_desktop.ui.kit.feedback import error_text
from winback_desktop.ui.screens.customers import labels as customer_labels
from winback_desktop.ui.screens.offers import texts as offer_texts


def test_a_driver_failure_reads_as_the_database_out_of_reach(qapp: Any) -> None:
    text = error_text(sqlite3.OperationalError("unable to open database file\nmore"))
    assert text == "Cannot reach the database: unable to open database file"


def test_anything_else_is_an_unexpected_error_named_by_its_kind(qapp: Any) -> None:
    assert error_text(KeyError("x")) == "Unexpected error: KeyError: 'x'"


def test_screens_use_the_same_function(qapp: Any) -> None:
    assert customer_labels.error_text is error_text
    assert offer_texts.error_text is error_text
