"""Reading files: YAML errors located, nothing YAML 1.1 or code-like taking effect, both parsers alike."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from generator import load
from generator.errors import Location, Problem
from generator.fields import Category

EXTRA = "content/sources/extra.yml"


def extra(text: str | bytes) -> dict[str, str | bytes]:
    """The minimal briefing with one more file, so that its problems are the only ones."""
    return {"sources/extra.yml": text}


CASES = {
    "not UTF-8": (
        extra("id: extra\ntitle: Caf\u00e9 report\nkind: other\n".encode("latin-1")),
        [f"{EXTRA}:2:11: the file is not UTF-8 (byte 0xE9 here); save it as UTF-8"],
    ),
    "a byte-order mark is fine": (
        extra("\ufeffid: extra\ntitle: A source\nkind: other\n".encode()),
        [],
    ),
    "an empty file": (
        extra(""),
        [f"{EXTRA}:1:1: the file is empty: expected an entity or a list"],
    ),
    "an alias": (
        extra("- &first {id: extra, title: A source, kind: other}\n- *first\n"),
        [f"{EXTRA}:1:3: an anchor ('&first'): write each value out in full"],
    ),
    "a tag": (
        extra("id: extra\ntitle: !!python/object:os.system A source\nkind: other\n"),
        [
            f"{EXTRA}:2:8: a YAML tag ('tag:yaml.org,2002:python/object:os.system'): content is plain data; "
            "remove the tag"
        ],
    ),
    "two documents": (
        extra("id: extra\ntitle: A source\nkind: other\n---\nid: other\n"),
        [f"{EXTRA}:4:1: a second YAML document ('---'): keep one document a file"],
    ),
    "a mapping as a key": (
        extra("id: extra\ntitle: A source\nkind: other\n? {a: b}\n: c\n"),
        [f"{EXTRA}:4:3: a key must be text, not a mapping or a list"],
    ),
    "a control character": (
        extra("id: extra\ntitle: A \x07 source\nkind: other\n"),
        [f"{EXTRA}:2:10: the character U+0007 is not allowed in YAML; remove it"],
    ),
    "too deeply nested": (
        extra("id: extra\ntitle: A source\nkind: other\nnotes: " + "[" * 100 + "]" * 100 + "\n"),
        [f"{EXTRA}:4:71: nested more than 64 levels deep"],
    ),
    "a stray YAML file at the top": (
        {"notes.yml": "anything: here\n"},
        [
            "content/notes.yml:1:1: a YAML file outside the category folders is never read; move it into one of "
            "sources, actors, claims, treaties, questions, events"
        ],
    ),
    "a misspelt category folder": (
        {"actor/extra.yml": "id: gamma\nname: Gamma\nkind: state\n"},
        [
            "content/actor/extra.yml:1:1: unknown folder 'actor'; did you mean 'actors'?; the category folders are "
            "sources, actors, claims, treaties, questions, events"
        ],
    ),
    "no briefing file": (
        {"briefing.yml": None},
        ["content/briefing.yml:1:1: file not found: a briefing needs briefing.yml (title, as_of, summary)"],
    ),
    "other files and hidden folders are passed over": (
        {
            "claims/README.md": "# notes\n",
            ".git/config.yml": "not: read\n",
            "claims/.draft.yml": "- broken: [\n",
        },
        [],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_reading(briefing, files, expected):
    result = briefing(files)
    assert result.lines == expected
    assert result.code == (1 if expected else 0)


def test_several_errors_in_several_files_in_one_run(briefing):
    result = briefing(
        {
            "briefing.yml": "title: T\nas_of: 2024-02-30\nsummary: S\nlanguge: en\n",
            "sources/source.yml": "id: src\ntitle: A source\nkind: rumour\n",
            "claims/claim.yml": "id: claim-one\ntitle: A claim\nstatement: S\nstatus: unverified\n"
            "stances:\n  - {actor: gamma, position: asserts, sources: [src]}\n",
            "events/broken.yml": "- &e {id: e}\n- *e\n",
        }
    )
    assert result.err.splitlines() == [
        "content/briefing.yml:2:8: as_of: '2024-02-30' is not a date: there is no day 30 in February 2024, "
        "which has 29 days",
        "content/briefing.yml:4:1: unknown key 'languge'; did you mean 'language'?",
        "content/claims/claim.yml:6:13: claim 'claim-one', stance 1, actor: unknown actor 'gamma'",
        "content/events/broken.yml:1:3: an anchor ('&e'): write each value out in full",
        "content/sources/source.yml:3:7: source 'src', kind: expected one of news-report, official-statement, "
        "intelligence-assessment, state-media, imagery, document, social-media, other; found 'rumour'",
        "briefing check: 5 problems in 4 files",
    ]
    assert result.out == ""
    assert result.code == 1


def test_a_missing_content_folder_is_a_usage_error(briefing, tmp_path):
    from generator.cli import main

    assert main(["check", "--content", str(tmp_path / "nowhere")]) == 2


POSITIONS = """\
# A comment, then text in several scripts before the values.
- id: "ünïcode-key"
  name: 'Ким Чен Ын (김정은)'
  aliases: [Пхеньян, 평양, yes]
  description: |
    First line.

    Second paragraph.
  quantity: {value: 10000, lower: 1.5e3}
"""


@pytest.mark.parametrize("parser", [yaml.CSafeLoader, yaml.SafeLoader], ids=["libyaml", "python"])
def test_both_parsers_give_the_same_nodes_and_positions(monkeypatch, parser):
    monkeypatch.setattr(load, "_PARSER", parser)
    problems: list[Problem] = []
    root = load.parse(POSITIONS, "f.yml", problems)
    assert problems == []
    assert isinstance(root, load.Sequence)
    entity = root.items[0]
    assert isinstance(entity, load.Mapping)
    values = {key.value: value for key, value in entity.items}
    assert values["id"] == load.Scalar("ünïcode-key", False, Location("f.yml", 2, 7))
    assert values["name"] == load.Scalar("Ким Чен Ын (김정은)", False, Location("f.yml", 3, 9))
    aliases = values["aliases"]
    assert isinstance(aliases, load.Sequence)
    assert [(item.value, item.at.column) for item in aliases.items] == [
        ("Пхеньян", 13),
        ("평양", 22),
        ("yes", 26),
    ]
    assert values["description"] == load.Scalar(
        "First line.\n\nSecond paragraph.\n", False, Location("f.yml", 5, 16)
    )
    quantity = values["quantity"]
    assert isinstance(quantity, load.Mapping)
    assert [(key.value, value.value, value.plain) for key, value in quantity.items] == [
        ("value", "10000", True),
        ("lower", "1.5e3", True),
    ]


def test_a_cache_reads_again_only_the_files_that_changed(briefing, tmp_path):
    import os

    from generator import load_briefing

    briefing()
    content = tmp_path / "content"
    cache = load.FileCache()
    first = load_briefing(content, cache)
    assert cache.reads == 4
    assert load_briefing(content, cache) == first
    assert cache.reads == 4
    claim = content / "claims" / "claim.yml"
    claim.write_text(claim.read_text().replace("title: A claim", "title: The claim"))
    os.utime(claim, ns=(claim.stat().st_atime_ns, claim.stat().st_mtime_ns + 1_000_000))
    assert load_briefing(content, cache).entity("claim-one").title == "The claim"
    assert cache.reads == 5


def test_a_cache_keeps_each_file_s_problems(briefing, tmp_path):
    from generator import BriefingError, load_briefing

    briefing({"sources/extra.yml": "id: [\n"})
    cache = load.FileCache()
    for _ in range(2):
        try:
            load_briefing(Path("content"), cache)
        except BriefingError as error:
            assert [problem.location.path for problem in error.problems] == ["content/sources/extra.yml"]
        else:
            raise AssertionError("the broken file was accepted")
    assert cache.reads == 5


def test_a_cache_forgets_files_no_longer_in_the_briefing(briefing, tmp_path):
    from generator import load_briefing

    briefing({"sources/extra.yml": "id: extra\ntitle: Extra\nkind: other\n"})
    cache = load.FileCache()
    load_briefing(Path("content"), cache)
    (tmp_path / "content" / "sources" / "extra.yml").unlink()
    load_briefing(Path("content"), cache)
    assert sorted(path.name for path in cache._files) == [
        "actors.yml",
        "briefing.yml",
        "claim.yml",
        "source.yml",
    ]


DUPLICATES = {
    "an id another file defines": {"sources/extra.yml": "id: alpha\ntitle: A source\nkind: other\n"},
    "a treaty's term with a claim's id": {
        "treaties/pact.yml": (
            "id: pact\ntitle: A pact\nparties: [alpha, beta]\n"
            "terms:\n  - id: claim-one\n    text: Something is agreed.\n"
        )
    },
    "a new file with the id of an unchanged file read after it": {
        "actors/first.yml": "id: src\nname: A source's id\nkind: state\n"
    },
    "an id used twice in one file and once in another": {
        "sources/extra.yml": (
            "- {id: other, title: A source, kind: other}\n- {id: other, title: Again, kind: other}\n"
            "- {id: beta, title: An actor's id, kind: other}\n"
        )
    },
}


@pytest.mark.parametrize("files", DUPLICATES.values(), ids=DUPLICATES)
def test_a_cache_reads_as_a_fresh_load_does_whichever_file_defines_an_id_first(briefing, tmp_path, files):
    from generator import BriefingError, load_briefing

    def problems(cache: load.FileCache | None) -> tuple[Problem, ...]:
        with pytest.raises(BriefingError) as raised:
            load_briefing(tmp_path / "content", cache)
        return raised.value.problems

    briefing()
    cache = load.FileCache()
    valid = load_briefing(tmp_path / "content", cache)
    cache.let_go()
    for name, text in files.items():  # the other files unchanged, as the cache read them
        (tmp_path / "content" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "content" / name).write_text(text, encoding="utf-8")
    fresh = problems(None)
    assert any("is already used by" in problem.message for problem in fresh)
    assert problems(cache) == fresh
    assert problems(cache) == fresh  # what the cache made of each file, taken as it is
    for name in files:
        (tmp_path / "content" / name).unlink()
    assert load_briefing(tmp_path / "content", cache) == valid


def test_within_one_pass_a_file_is_read_once_and_its_problems_told_to_each_reader(briefing, tmp_path):
    from generator import BriefingError, load_briefing
    from generator.editor_schemas import briefing_ids

    briefing({"sources/extra.yml": "id: [\n"})
    cache = load.FileCache()
    content = Path("content")  # the test runs in tmp_path
    with cache.one_pass():
        ids = briefing_ids(content, cache)
        (content / "claims" / "claim.yml").write_text("id: [\n", encoding="utf-8")  # after the pass read it
        (content / "sources" / "late.yml").write_text("id: [\n", encoding="utf-8")  # and listed the folder
        with pytest.raises(BriefingError) as raised:
            load_briefing(content, cache)
    assert [problem.location.path for problem in raised.value.problems] == ["content/sources/extra.yml"]
    assert cache.reads == 5
    assert ("claim-one", "A claim") in ids[Category.CLAIM]
    with pytest.raises(BriefingError) as raised:
        load_briefing(content, cache)  # a new pass reads the file as it is now
    assert sorted({problem.location.path for problem in raised.value.problems}) == [
        "content/claims/claim.yml",
        "content/sources/extra.yml",
        "content/sources/late.yml",
    ]


@pytest.mark.parametrize("running", [True, False])
def test_the_garbage_collector_is_left_as_it_was_whether_the_briefing_loads_or_not(briefing, running):
    import gc

    from generator import BriefingError, load_briefing

    briefing()
    was = gc.isenabled()
    try:
        gc.enable() if running else gc.disable()
        load_briefing(Path("content"))
        assert gc.isenabled() is running
        (Path("content") / "claims" / "claim.yml").write_text("id: [\n", encoding="utf-8")
        with pytest.raises(BriefingError):
            load_briefing(Path("content"))
        assert gc.isenabled() is running
    finally:
        gc.enable() if was else gc.disable()


def test_the_cache_holds_no_parsed_nodes_outside_a_pass(briefing):
    from generator import load_briefing

    briefing()
    cache = load.FileCache()
    load_briefing(Path("content"), cache)
    assert all(kept.node is None for kept in cache._files.values())
    claim = Path("content") / "claims" / "claim.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("A claim", "The claim"), encoding="utf-8")
    with cache.one_pass():
        load_briefing(Path("content"), cache)
        assert cache._files[claim].node is not None  # kept for whatever else the pass makes of it
    assert all(kept.node is None for kept in cache._files.values())


def test_reading_a_briefing_leaves_nothing_for_the_garbage_collector(briefing):
    """What is read and not kept is let go at once: no reference cycle holds it until the collector runs,
    which, set off by the briefing's size, would look through everything read so far."""
    import gc

    from generator import load_briefing

    briefing()
    load_briefing(Path("content"), load.FileCache())  # the modules' first use made
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        load_briefing(Path("content"))
        load_briefing(Path("content"), load.FileCache())
        gc.collect()
        left = [type(found).__name__ for found in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert left == []
