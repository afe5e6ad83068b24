"""The loader's fuzz targets: whatever bytes a content file holds, the only error is the project's own.

The suite runs each target at 150 examples; after a change to the loader or the validator, run them at depth
with ``.venv/bin/python tests/fuzz_deep.py`` (10,000 examples each), which records the sources it passed for
in ``tests/fuzzed.txt``; ``tests/test_fuzz_stamp.py`` fails until that stamp matches the sources.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from generator import BriefingError, load_briefing
from generator.dates import Date, DateError
from generator.load import FileCache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT

SMALL = ROOT / "tests" / "golden" / "small" / "content"
FILES = sorted(str(path.relative_to(SMALL)) for path in SMALL.rglob("*.yml"))
FUZZ = settings(
    max_examples=int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PIECES = [
    ": ",
    "- ",
    "\n",
    "  ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "!!str ",
    "!!python/object:os.system ",
    "---\n",
    "...\n",
    "'",
    '"',
    "# ",
    "|\n",
    ">-\n",
    "~",
    "? ",
    "<<: ",
    "%YAML 1.1\n",
    "\t",
    "\\",
    "\ufeff",
    "\u202e",
    "é",
    "김",
    "id",
    "title",
    "kind",
    "status",
    "stances",
    "actor",
    "position",
    "sources",
    "source",
    "parties",
    "terms",
    "date",
    "end_date",
    "claims",
    "alpha",
    "src",
    "2024-02-30",
    "2024-08~",
    "yes",
    "null",
    "true",
    "1e3",
    "0x1F",
    "-1",
    "*",
    "`",
    "[x](javascript:y)",
    "<script>",
    "{{ x }}",
    "url",
    "archive_url",
    "https://",
    "http://[",
    "::1]",
    ":99999",
    "@",
    "%",
    "\uff03",  # a full-width '#': a host that changes under Unicode normalisation
    "quantity",
    "value",
    "1e999",
    "010",
    "9" * 4400,  # more digits than int() reads by default
    "[a](",
    "](https://x)",
]
YAML_LIKE = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=80).map("".join)


def outcome(replace: str, data: bytes) -> str:
    """Load the small briefing with one file's bytes replaced; say how it ended.

    A cache that read the briefing before the file was replaced must come to the same.
    """
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(SMALL, content)
        cache = FileCache()
        load_briefing(content, cache)
        cache.let_go()
        (content / replace).write_bytes(data)
        try:
            briefing = load_briefing(content)
        except BriefingError as error:
            with pytest.raises(BriefingError) as cached:
                load_briefing(content, cache)
            assert cached.value.problems == error.problems
            assert error.problems, "an error with no problem in it"
            for problem in error.problems:
                assert problem.location.line >= 1 and problem.location.column >= 1
                first, *shown = str(problem).split("\n")  # a YAML syntax error shows its line below it
                assert first.isprintable() and all(line.isprintable() for line in shown)
                assert all(line.startswith("    ") for line in shown)  # never a line of its own
            return "invalid"
        assert load_briefing(content, cache) == briefing
        return "valid"


@FUZZ
@given(file=st.sampled_from(FILES), text=YAML_LIKE)
def test_yaml_shaped_noise(file, text):
    outcome(file, text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(file=st.sampled_from(FILES), data=st.binary(max_size=300))
def test_arbitrary_bytes(file, data):
    outcome(file, data)


@FUZZ
@given(
    file=st.sampled_from(FILES),
    edits=st.lists(
        st.tuples(
            st.integers(0, 10_000),
            st.sampled_from(["delete", "insert", "replace"]),
            st.binary(min_size=1, max_size=3),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_a_valid_briefing_mutated(file, edits):
    data = bytearray((SMALL / file).read_bytes())
    for offset, edit, new in edits:
        at = offset % (len(data) + 1)
        if edit == "delete":
            del data[at : at + len(new)]
        elif edit == "insert":
            data[at:at] = new
        else:
            data[at : at + len(new)] = new
    outcome(file, bytes(data))


FIELDS = {
    "a URL": ("sources/sources.yml", "url: https://example.org/notice?id=12&lang=en", "url"),
    "a number": ("claims/claims.yml", "value: 40", "value"),
    "a date": ("claims/claims.yml", "first_reported: 2025-03-01", "first_reported"),
    "prose": (
        "claims/claims.yml",
        "statement: The harbour has been closed to all ferry traffic since 1 March.",
        "statement",
    ),
    "plain text": ("claims/claims.yml", "location: Port Vell", "location"),
}
"""A field of each kind of value in the small briefing: its file, its line there, and its key."""
STARTS = [
    "",
    "https://",
    "http://[",
    "https://a:",
    "https://\uff03",
    "0",
    "0x",
    "0o",
    "-",
    "1e",
    "2024-",
    "[",
]
"""Beginnings of URLs, numbers, dates and links, for the text of a single field."""
ODD_TEXT = st.tuples(
    st.sampled_from(STARTS),
    st.lists(
        st.sampled_from(PIECES) | st.text("0123456789", min_size=1, max_size=5) | st.text(max_size=6),
        max_size=12,
    ),
).map(lambda parts: parts[0] + "".join(parts[1]))


@FUZZ
@given(field=st.sampled_from(sorted(FIELDS)), text=ODD_TEXT, quoted=st.booleans())
def test_any_text_in_a_field_of_each_kind(field, text, quoted):
    file, line, key = FIELDS[field]
    value = json.dumps(text, ensure_ascii=False) if quoted else text  # JSON strings are YAML's quoted ones
    original = (SMALL / file).read_text(encoding="utf-8")
    assert line in original
    changed = original.replace(line, f"{key}: {value}", 1)
    outcome(file, changed.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.text(max_size=20))
def test_dates_parse_or_say_why_not(text):
    try:
        Date.parse(text)
    except DateError as error:
        assert str(error)


def test_the_fuzz_target_tells_valid_from_invalid():
    assert outcome("claims/claims.yml", (SMALL / "claims/claims.yml").read_bytes()) == "valid"
    assert outcome("claims/claims.yml", b"- id: [") == "invalid"
