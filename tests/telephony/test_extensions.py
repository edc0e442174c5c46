"""Extensions: the phone the PBX rings for each user, set by an admin (issue 20).

From the Users screen's editor, from ``winback user update LOGIN --extension``, and
through ``user_actions``: validated, audited, refused for an agent editing someone
else. Both engines.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from tests import cli_runner
from tests.services.queue_helpers import agent
from winback_desktop.core.errors import PermissionDenied, ValidationError
from winback_desktop.db.models import AuditEntry
from winback_desktop.services import user_actions
from winback_desktop.services.telephony import config


def _extension(db: Any, user_id: int | None) -> str | None:  # the stored value
    assert user_id is not None
    with db.session() as s:
        return config.extension(s, user_id)


def test_an_admin_sets_clears_and_is_audited(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    assert a.user_id is not None
    user_actions.set_extension(db, admin, "agent01", " 201 ")
    assert _extension(db, a.user_id) == "201"
    assert user_actions.user_details(db, admin, a.user_id).extension == "201"
    user_actions.set_extension(db, admin, "agent01", "")
    assert _extension(db, a.user_id) is None
    with db.session() as s:
        changes = s.execute(select(AuditEntry.user_login, AuditEntry.before, AuditEntry.after)
                            .where(AuditEntry.entity_id.like("%phone_extension"))
                            .order_by(AuditEntry.id)).all()
    assert [(who, b["value"], after["value"]) for who, b, after in changes] == [
        ("admin", None, "201"), ("admin", "201", None)]


@pytest.mark.parametrize("bad", ["201; drop", "+86 138 0000 0000", "二零一", "1" * 21])
def test_a_bad_extension_is_refused_and_nothing_changes(db, admin, bad: str) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    user_actions.set_extension(db, admin, "agent01", "201")
    with pytest.raises(ValidationError) as refused:
        user_actions.set_extension(db, admin, "agent01", bad)
    assert "up to 20 digits or letters" in str(refused.value)
    assert _extension(db, a.user_id) == "201"


def test_an_agent_cannot_set_someone_elses(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    b = agent(db, admin, "agent02")
    with pytest.raises(PermissionDenied):
        user_actions.set_extension(db, a, "agent02", "202")
    assert _extension(db, b.user_id) is None


def test_the_editor_form_saves_only_a_changed_extension(db, admin) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    assert a.user_id is not None
    details = user_actions.user_details(db, admin, a.user_id)
    form = user_actions.UserForm(login="agent01", role="agent", display_name="A",
                                 extension="301")
    user_actions.update_user(db, admin, a.user_id, form)
    user_actions.update_user(db, admin, a.user_id, form)  # saved again, unchanged
    assert _extension(db, a.user_id) == "301" and details.extension is None
    with db.session() as s:
        n = len(s.scalars(select(AuditEntry.id).where(
            AuditEntry.entity_id.like("%phone_extension"))).all())
    assert n == 1


def test_winback_user_update_extension(db, admin, db_url) -> None:  # type: ignore[no-untyped-def]
    a = agent(db, admin, "agent01")
    done = cli_runner.run("user", "update", "agent01", "--extension", "201",
                          "--database", db_url, "--json", as_user="admin")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"id": a.user_id, "login": "agent01", "extension": "201"}
    assert _extension(db, a.user_id) == "201"
    bad = cli_runner.run("user", "update", "agent01", "--extension", "20 1",
                         "--database", db_url, as_user="admin", lang="zh_CN")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
    assert _extension(db, a.user_id) == "201"
