"""``briefing diff``: what changed between two versions of a briefing, folders or git revisions, in words."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from generator.cli import main
from generator.history import State, compare

from test_editions import SECOND, STORY, write

CHANGES = [
    "claim 'crew-detained': added (\"The crews were detained\")",
    "claim 'ships-seized': status unverified → confirmed",
    "claim 'ships-seized': stance of 'ministry' neither → asserts (2025-04-02)",
    "claim 'ships-seized': new citation: 'statement'",
]
"""The changes from the story's first edition to its second, as ``briefing diff`` says them."""


def diff(capsys, *arguments: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["diff", *arguments])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def versions(tmp_path, monkeypatch) -> tuple[str, str]:
    """Two versions of the story, in folders ``old`` and ``new`` of the current folder."""
    monkeypatch.chdir(tmp_path)
    write(Path("old"), STORY)
    shutil.copytree("old", "new")
    write(Path("new"), SECOND)
    return "old", "new"


def test_the_changes_between_two_folders_one_a_line(versions, capsys):
    assert diff(capsys, *versions) == (0, "\n".join(CHANGES) + "\n", "")


def test_the_same_briefing_twice_has_no_changes(versions, capsys):
    assert diff(capsys, "old", "old") == (0, "", "")
    assert diff(capsys, "old", "old", "--format", "json") == (0, '{\n  "changes": []\n}\n', "")


def test_the_changes_as_json(versions, capsys):
    code, out, err = diff(capsys, *versions, "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "changes": [
            {
                "change": "added",
                "category": "claim",
                "id": "crew-detained",
                "text": CHANGES[0],
                "name": "The crews were detained",
            },
            {
                "change": "status",
                "category": "claim",
                "id": "ships-seized",
                "text": CHANGES[1],
                "from": "unverified",
                "to": "confirmed",
            },
            {
                "change": "stance",
                "category": "claim",
                "id": "ships-seized",
                "text": CHANGES[2],
                "actor": "ministry",
                "from": "neither",
                "to": "asserts",
                "date": "2025-04-02",
            },
            {
                "change": "citations",
                "category": "claim",
                "id": "ships-seized",
                "text": CHANGES[3],
                "citations": [{"source": "statement"}],
            },
        ]
    }


def test_removed_entities_and_a_changed_briefing_are_said_too(versions, capsys):
    write(
        Path("new"),
        {"claims/port.yml": None, "briefing.yml": STORY["briefing.yml"].replace("2025-04", "2025-05")},
    )
    assert diff(capsys, *versions)[1].splitlines() == [
        "briefing: changed: as_of",
        CHANGES[0],
        "claim 'port-closed': removed (\"The port is closed\")",
        *CHANGES[1:],
    ]


def state(claim: dict) -> State:
    return State({"title": "T"}, {"claims": {claim["id"]: claim}})


CLAIM = {
    "id": "c",
    "title": "C",
    "status": "unverified",
    "stances": [{"actor": "a", "position": "asserts", "sources": [{"source": "s"}]}],
}


@pytest.mark.parametrize(
    ("changed", "said"),
    [
        pytest.param(
            {"stances": [*CLAIM["stances"], {"actor": "b", "position": "denies", "sources": [{"source": "s"}]}]},
            ["claim 'c': stance of 'b' added: denies"],
            id="a stance added",
        ),
        pytest.param({"stances": []}, ["claim 'c': stance of 'a' dropped: asserts"], id="a stance dropped"),
        pytest.param(
            {"stances": [{"actor": "a", "position": "asserts", "sources": [{"source": "s"}, {"source": "t", "locator": "p. 4"}]}]},
            ["claim 'c': new citation: 't' (p. 4)"],
            id="a citation added, and nothing else",
        ),
        pytest.param(
            {"stances": [{"actor": "a", "position": "asserts", "note": "Loudly.", "sources": [{"source": "s"}]}]},
            ["claim 'c': changed: stances"],
            id="a stance's note",
        ),
        pytest.param(
            {"assessment": {"likelihood": "likely", "confidence": "high"}},
            ["claim 'c': assessment none → likely, high confidence"],
            id="an assessment made",
        ),
        pytest.param({"title": "New title", "topic": "sea"}, ["claim 'c': changed: title, topic"], id="fields"),
    ],
)  # fmt: skip
def test_each_kind_of_change_in_words(changed, said):
    assert [change.words() for change in compare(state(CLAIM), state({**CLAIM, **changed}))] == said


def test_an_assessment_s_rationale_alone():
    old = {**CLAIM, "assessment": {"likelihood": "likely", "rationale": "One."}}
    new = {**CLAIM, "assessment": {"likelihood": "likely", "rationale": "Two."}}
    assert [change.words() for change in compare(state(old), state(new))] == [
        "claim 'c': assessment: rationale changed"
    ]


def test_treaty_terms_are_compared_as_entities_of_their_own():
    term = {"id": "t1", "title": "Aid", "sources": [{"source": "s"}]}
    treaty = {"id": "pact", "name": "Pact", "parties": ["a", "b"], "terms": [term]}
    old = State({"title": "T"}, {"treaties": {"pact": treaty}})
    new_terms = [
        {**term, "summary": "Mutual aid."},
        {"id": "t2", "title": "Exit", "sources": [{"source": "s"}]},
    ]
    new = State({"title": "T"}, {"treaties": {"pact": {**treaty, "terms": new_terms}}})
    assert [change.words() for change in compare(old, new)] == [
        "treaty term 't1': changed: summary",
        "treaty term 't2': added (\"Exit\")",
    ]


def git(folder: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), "-c", "user.name=Desk", "-c", "user.email=desk@example.org", *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture
def repository(tmp_path, monkeypatch) -> Path:
    """A git repository of the story: its first version committed, then its second, left uncommitted."""
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    write(tmp_path / "content", STORY)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "First version")
    write(tmp_path / "content", SECOND)
    return tmp_path


def test_a_git_revision_against_the_content_folder_as_it_is(repository, capsys):
    assert diff(capsys, "HEAD") == (0, "\n".join(CHANGES) + "\n", "")


def test_two_git_revisions(repository, capsys):
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "Second version")
    assert diff(capsys, "HEAD~1", "HEAD") == (0, "\n".join(CHANGES) + "\n", "")
    assert diff(capsys, "HEAD", "HEAD~1")[1].splitlines()[:2] == [
        "claim 'crew-detained': removed (\"The crews were detained\")",
        "claim 'ships-seized': status confirmed → unverified",
    ]


def test_a_revision_the_repository_does_not_have(repository, capsys):
    assert diff(capsys, "v9") == (
        2,
        "",
        "briefing diff: 'v9' is neither a folder nor a revision of the git repository of 'content'\n",
    )


def test_a_shallow_clone_says_how_to_fetch_older_revisions(repository, capsys, tmp_path):
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "Second version")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(tmp_path / "shallow"))
    assert diff(capsys, "HEAD~1", "--content", str(tmp_path / "shallow" / "content")) == (
        2,
        "",
        f"briefing diff: 'HEAD~1' is neither a folder nor a revision of the git repository of "
        f"'{(tmp_path / 'shallow' / 'content').as_posix()}'; this clone is shallow and may lack it: fetch the "
        "history with 'git fetch --unshallow' (in GitHub Actions, check out with fetch-depth: 0)\n",
    )


def test_an_invalid_briefing_at_a_revision_is_located_in_that_revision(repository, capsys):
    (repository / "content" / "claims" / "ships.yml").write_text("id: Bad\n", encoding="utf-8")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "Broken")
    code, out, err = diff(capsys, "HEAD", "HEAD~1")
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == "HEAD:content/claims/ships.yml:1:1: claim: missing required key 'stances'"
    assert err.splitlines()[-1] == "briefing diff: 5 problems in 1 file"


def test_a_revision_without_the_content_folder(repository, capsys):
    shutil.move(repository / "content", repository / "facts")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "Moved")
    assert diff(capsys, "HEAD~1", "--content", "facts") == (
        2,
        "",
        "briefing diff: revision 'HEAD~1' has no folder 'facts': the content folder is not in it\n",
    )


def test_neither_a_folder_nor_a_repository(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "content", STORY)
    assert diff(capsys, "HEAD") == (
        2,
        "",
        "briefing diff: 'HEAD' is neither a folder nor a git revision: 'content' is not in a git repository\n",
    )
    shutil.rmtree(tmp_path / "content")
    assert diff(capsys, "old", "new") == (
        2,
        "",
        "briefing diff: 'old' is not a folder; to read it as a git revision of the content folder's repository, "
        "give the content folder with --content DIR\n",
    )
