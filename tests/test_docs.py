"""The README tells the truth: its commands are the ones CI runs, and its examples are real output."""

from __future__ import annotations

import argparse
import re
import shutil
import textwrap

from generator.cli import build_parser, main

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)


def test_the_readme_gives_two_set_up_commands_and_ci_runs_the_second():
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in command for command in commands)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert commands[1] in ci
    assert "pytest" in commands[1]


def test_every_command_is_documented():
    subparsers = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    assert subparsers.choices
    for name in subparsers.choices:
        assert f"### `briefing {name}" in README, name


def test_the_readme_example_of_errors_is_what_check_prints(tmp_path, monkeypatch, capsys):
    example = re.search(r"```\n(content/claims/2-combat.yml:.*?)\n```", README, re.DOTALL)
    assert example
    shutil.copytree(ROOT / "content", tmp_path / "content")
    combat = tmp_path / "content" / "claims" / "2-combat.yml"
    text = combat.read_text(encoding="utf-8")
    text = text.replace("status: unverified", "status: confimed").replace(
        "- actor: pentagon", "- actor: pentagone"
    )
    combat.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert capsys.readouterr().err.strip() == example.group(1)


def guide_examples() -> list[str]:
    section = README.split("### The format, by example", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)


def test_the_guide_s_worked_example_is_a_valid_briefing(briefing):
    claim, actor, source = guide_examples()
    others = "- id: us-government\n  name: U.S. government\n  kind: government\n"
    others += "- id: pentagon\n  name: The Pentagon\n  kind: agency\n"
    result = briefing(
        {
            "claims/claim.yml": claim,
            "actors/actors.yml": actor.split("\n", 1)[1] + others,
            "sources/source.yml": source,
        }
    )
    assert result.code == 0, result.err
    assert "3 actors, 1 claim" in result.out


def test_the_guide_s_error_messages_are_what_check_says(briefing):
    """Each message in the guide's table is made by a mistake of that kind (checked on a few of them)."""
    table = README.split("### What the errors mean", 1)[1].split("\n## ", 1)[0]
    messages = re.findall(r"^\| `(.+?)` \|", table, re.MULTILINE)
    assert len(messages) >= 15
    mistakes = {
        "claims/claim.yml": textwrap.dedent(
            """\
            id: claim-one
            titel: x
            statement: A statement.
            status: confimed
            stances:
              - actor: alpha
                position: asserts
            """
        ),
        "events/event.yml": "id: Bad_Event\ntitle: x\ndate: 2024-02-30\nsources: [src]\n",
    }
    printed = briefing(mistakes).err
    for expected in (
        "unknown key 'titel'; did you mean 'title'?",
        "missing required key 'title'",
        "stance 1: missing required key 'sources' (every statement must cite at least one source)",
        "id: expected an id (1 to 64 characters of a-z, 0-9 and single inner hyphens), found 'Bad_Event'; "
        "did you mean 'bad-event'?",
        "date: '2024-02-30' is not a date: there is no day 30 in February 2024, which has 29 days",
    ):
        assert expected in messages
        assert expected in printed
    status = next(message for message in messages if message.startswith("status:"))
    assert status.split("...")[1] in printed
