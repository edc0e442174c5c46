"""Over-long text on every entry point (issue 15): one clear, translated line that names
the field as a person would ("team name", not the column), never a database error, and
nothing written. Names are checked against their column, notes and reasons against the
text cap. The check sits at flush and on update/insert statements, so the GUI's forms
(same services) get it too."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests import cli_runner
from winback_desktop.core.errors import ValidationError
from winback_desktop.db.field_labels import TEXT_LIMIT
from winback_desktop.db.models import AuditEntry, Call, Campaign, OfferRequest, Team, User
from winback_desktop.services import demo, users
from winback_desktop.services.context import Actor

NAME = "名" * 201  # a Chinese name: characters, not bytes, are what the columns count
NOTE = "长" * (TEXT_LIMIT + 1)

#: (command with {request}/{call} placeholders, who acts, field label, limit, 简体中文 label)
COMMANDS = [
    (["user", "add", "newagent", "--role", "agent", "--password", "agent-pass-12",
      "--team", NAME], "admin", "team name", 100, "团队名称"),
    (["user", "add", "newagent", "--role", "agent", "--password", "agent-pass-12",
      "--name", NAME], "admin", "display name", 200, "显示名称"),
    (["campaign", "create", NAME], "admin", "campaign name", 200, "活动名称"),
    (["offer", "decide", "{request}", "reject", "--note", NOTE], "supervisor2",
     "decision note", TEXT_LIMIT, "审批备注"),
    (["rewards", "award", "agent01", "5", "--reason", NOTE, "--by", "supervisor1"],
     "supervisor1", "award reason", TEXT_LIMIT, "奖励原因"),
]


@pytest.fixture
def team(db):  # type: ignore[no-untyped-def]
    demo.load_demo(db, Actor.system(), customers=30, seed=5, lively=True)
    return db


def _snapshot(db):  # type: ignore[no-untyped-def]
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (User, Team, Campaign, AuditEntry)) + tuple(
            s.execute(select(OfferRequest.id, OfferRequest.status)).all())


@pytest.mark.parametrize("command,actor,label,limit,zh_label", COMMANDS,
                         ids=[" ".join(c[0][:2]) + " " + c[2] for c in COMMANDS])
def test_an_over_long_argument_gets_one_line_naming_its_field(  # type: ignore[no-untyped-def]
        team, db_url, command, actor, label, limit, zh_label) -> None:
    with team.session() as s:
        request = s.scalar(select(func.min(OfferRequest.id))
                           .where(OfferRequest.status == "pending"))
        call = s.scalar(select(func.max(Call.id)))
    args = [a.format(request=request, call=call) if a.startswith("{") else a
            for a in command]
    before = _snapshot(team)
    for lang, expected in (("en", f"The {label} is too long: at most {limit:,}"),
                           ("zh_CN", f"{zh_label} 太长")):
        done = cli_runner.run("--database", db_url, *args, as_user=actor, lang=lang)
        assert done.returncode == 2, (done.returncode, done.stdout, done.stderr[:500])
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr[:500]
        assert expected.replace(",", "") in lines[0].replace(",", ""), lines[0][:300]
        assert len(lines[0]) < 300, "the message must not echo the over-long value"
        assert "Unexpected" not in lines[0] and "INSERT" not in lines[0]
    assert _snapshot(team)[:3] == before[:3] and _snapshot(team)[4:] == before[4:]


def test_the_service_names_the_team_not_the_column(db, admin) -> None:  # type: ignore[no-untyped-def]
    """`winback user add --team` and the user form both call add_user: it said "name"."""
    with pytest.raises(ValidationError) as refused, db.session() as s:
        users.add_user(s, admin, "agent9", "agent", "agent-pass-12", team="队" * 101)
    assert str(refused.value).startswith("The team name is too long: at most 100")
    zh = refused.value.render(lambda context, text: {
        ("Errors", refused.value.text): "{field} 太长：最多 {limit} 个字符（实际 {length} 个）。",
        ("Fields", "team name"): "团队名称"}.get((context, text), text))
    assert zh.startswith("团队名称 太长：最多 100")
