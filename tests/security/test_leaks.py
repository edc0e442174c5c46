"""Leaks and limits (issue 15): errors never carry SQL parameters, lengths hold on both
engines, logs redact every credential form."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests import cli_runner
from winback_desktop.core.errors import ValidationError
from winback_desktop.db.models import Customer, User
from winback_desktop.services import users
from winback_desktop.services.logs import redact


def test_a_ten_thousand_character_name_is_refused_clearly(db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught, db.session() as s:
        users.add_user(s, admin, "longname", "agent", "agent-pass-1",
                       display_name="x" * 10_000)
    message = str(caught.value)
    assert "too long" in message and "200" in message
    assert "argon2" not in message and "INSERT" not in message
    with db.session() as s:
        assert s.scalar(select(User).where(User.login == "longname")) is None


def test_a_nul_byte_is_refused_on_both_engines(db, admin) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError, match="NUL"), db.session() as s:
        s.add(Customer(name="bad\x00name", status="lost"))


def test_database_errors_hide_parameters(db) -> None:  # type: ignore[no-untyped-def]
    assert db.engine.hide_parameters is True


def test_the_cli_prints_one_translated_line_for_a_too_long_name(db_url, admin) -> None:  # type: ignore[no-untyped-def]
    done = cli_runner.run("--database", db_url, "user", "add", "evil", "--role", "agent",
                          "--name", "x" * 10_000, "--password", "evil-pass-12",
                          as_user="admin")
    assert done.returncode == 2, done.stderr
    assert "too long" in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "argon2" not in done.stderr and "Unexpected" not in done.stderr
    zh = cli_runner.run("--database", db_url, "user", "add", "evil", "--role", "agent",
                        "--name", "x" * 10_000, "--password", "evil-pass-12",
                        as_user="admin", lang="zh_CN")
    assert zh.returncode == 2 and "太长" in zh.stderr


@pytest.mark.parametrize("line", [
    "{'login': 'a', 'password': 'hunter2 x'}",
    '{"login": "a", "password": "hunter2 x"}',
    "params {'password_hash': '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA'}",
    "postgresql://winback:hunter2%20x@db/winback",
    "password=hunter2",
    "hash $argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA in a repr",
])
def test_log_redaction_covers_every_form(line: str) -> None:
    out = redact(line)
    assert "hunter2" not in out and "aGFzaA" not in out, out
