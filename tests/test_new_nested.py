"""``briefing new``: a claim's nested parts (quantity, evidence, assessment) are in its template, to uncomment.

Each key's hint stands on the line above it, so that a value filled in after the key is not followed by a
comment (which ``briefing check`` refuses after unquoted text).
"""

from __future__ import annotations

import shutil

from generator import cli
from generator.scaffold import briefing_template

from conftest import ROOT


def test_the_claim_template_shows_each_nested_part_with_its_own_keys(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    assert cli.main(["new", "claim", "nested", "--content", str(content)]) == cli.EXIT_OK
    template = (content / "claims/nested.yml").read_text(encoding="utf-8")
    assert (
        "# # A number the claim states.\n"
        "# quantity:\n"
        "#   # The number stated.\n"
        "#   value:\n"
        "#   # The lowest figure given.\n"
        "#   lower:\n"
        "#   # The highest figure given.\n"
        "#   upper:\n"
        "#   # What is counted (soldiers).\n"
        "#   unit:\n"
        "#   # How the number is meant: exactly, about, more than... One of: exactly, about, more-than, "
        "less-than, up-to, at-least.\n"
        "#   qualifier:\n"
    ) in template
    assert "# evidence:\n#   # What kind of evidence it is. One of: satellite-imagery," in template
    assert "#     sources:\n#       # Id of the source.\n#       - source:\n" in template
    assert "# assessment:\n#   # How likely the claim is to be true" in template


def test_uncommented_nested_parts_filled_in_pass_the_check(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    assert cli.main(["new", "claim", "nested", "--content", str(content)]) == cli.EXIT_OK
    path = content / "claims/nested.yml"
    filled = {
        "title": "A title",
        "statement": "A statement.",
        "status": "unverified",
        "actor": "pentagon",
        "position": "asserts",
        "source": "kursk-report",
        "value": "100",
        "kind": "video",
        "likelihood": "likely",
    }
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(("# quantity:", "#   ", "# evidence:", "# assessment:")):
            line = line[2:]  # uncomment the block, as an author does
        key = line.split("#")[0].strip().removeprefix("- ").rstrip(":")
        if key in filled and line.split("#")[0].rstrip().endswith(":"):
            line = f"{line} {filled[key]}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == cli.EXIT_OK, capsys.readouterr().err
    capsys.readouterr()
    assert cli.main(["export", "--content", str(content)]) == cli.EXIT_OK
    exported = capsys.readouterr().out
    assert '"likelihood":"likely"' in exported
    assert '"kind":"video"' in exported


def test_the_briefing_template_puts_each_hint_above_its_key():
    assert briefing_template().splitlines()[3:9] == [
        "# The briefing's title.",
        "title:",
        "# The information cut-off. A date such as 2024, 2024-08 or 2024-08-06, optionally followed by ~ "
        "(approximately); a day may carry a time of day, as in 2024-08-06T14:30 or 2024-08-06T14:30+03:00.",
        "as_of:",
        "# The bottom line up front. Markdown: *emphasis*, **strong**, `code` and [links](https://...).",
        "summary:",
    ]
