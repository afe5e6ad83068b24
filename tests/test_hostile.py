"""Hostile content: nothing executed, nothing injected, nothing lost, nothing half-built."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from generator import load
from generator.cli import main
from generator.sanitize import ATTRIBUTES, TAGS, removed

from browser import PAGES
from built_site import Site

PAYLOADS = [
    "<script>alert('script')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    '{: onclick="alert(1)" }',
    '--8<-- "/etc/passwd"',
    "[^1]: a footnote definition",
    "[ref]: https://evil.example",
    "# a heading",
    "| a | table | row |",
    "{{ config.site_name }} {% include 'x' %}",
    "<!-- a comment -->",
    "&lt;b&gt; &amp; entities",
    ":smile: :material-alert:",
    "1. an ordered list",
    "- a list item",
    "> a quote",
    "*** === ---",
    "back\\slash and `ticks`",
    '</div></article><div class="x">',
    "<b onmouseover=alert(1)>bold</b>",
    "[a link](javascript:alert(1))",
    "*not emphasis* **not strong** _nor this_",
]


def quoted(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML double-quoted scalar


def hostile_briefing(folder: Path) -> dict[str, str]:
    """A briefing whose every plain field holds a payload; returns where each payload went."""
    placed: dict[str, str] = {}
    payloads = iter(PAYLOADS * 3)

    def put(page: str) -> str:
        payload = next(payloads)
        placed[payload + f" ({len(placed)})"] = page
        return quoted(payload + f" ({len(placed) - 1})")

    files = {
        "briefing.yml": f"title: {put('')}\nsubtitle: {put('')}\nas_of: 2024\nsummary: Prose.\n"
        f"authors: [{put('')}]\n",
        "sources/s.yml": f"id: src\ntitle: {put('sources/')}\nkind: other\npublisher: {put('sources/')}\n"
        f"contributors: [{put('sources/')}]\n",
        "actors/a.yml": f"- id: alpha\n  name: {put('actors/')}\n  kind: state\n  aliases: [{put('actors/')}]\n"
        f"  country: {put('actors/')}\n- id: beta\n  name: Beta\n  kind: state\n",
        "claims/c.yml": f"id: claim-one\ntitle: {put('claims/')}\nstatement: Prose.\nstatus: unverified\n"
        f"topic: {put('claims/')}\nlocation: {put('claims/')}\nquantity: {{value: 1, unit: {put('claims/')}}}\n"
        f"stances:\n  - actor: alpha\n    position: asserts\n    sources:\n"
        f"      - {{source: src, quote: {put('claims/')}, locator: {put('claims/')}}}\n",
        "treaties/t.yml": f"id: pact\nname: {put('treaties/')}\nparties: [alpha, beta]\n"
        f"signed: {{place: {put('treaties/')}, sources: [src]}}\n"
        f"terms:\n  - {{id: clause, title: {put('treaties/')}, article: {put('treaties/')}, "
        f"quote: {put('treaties/')}, sources: [src]}}\n",
        "questions/q.yml": f"id: why\nquestion: {put('questions/')}\nstatus: open\n",
        "events/e.yml": f"id: it\ntitle: {put('timeline/')}\ndate: 2024\nlocation: {put('timeline/')}\n"
        "sources: [src]\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return placed


HOSTILE_PROSE = [
    "<script>alert(1)</script> and <img src=x onerror=alert(1)>",
    "{: onclick=alert(1) } {{ x }} [^1]: note",
    "# heading\n\n- list\n\n| a | b |\n\n    code block?",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    placed = hostile_briefing(folder / "content")
    claim = folder / "content" / "claims" / "c.yml"
    prose = "\n\n".join(HOSTILE_PROSE).replace("\n", "\n  ")
    claim.write_text(claim.read_text().replace("statement: Prose.", f"statement: |\n  {prose}"))
    with pytest.MonkeyPatch.context() as environment:  # an address, so that the pages carry ClaimReviews
        environment.setenv("SITE_URL", "https://example.org/hostile/")
        assert main(["build", "--content", str(folder / "content"), "--site-dir", str(folder / "site")]) == 0
    return Site(folder / "site"), placed


def test_every_payload_is_shown_as_the_text_written(hostile):
    site, placed = hostile
    assert len(placed) == 23
    for payload, page in placed.items():
        assert payload in site.text(page), (payload, page)


def test_no_payload_is_active_anywhere_on_any_page(hostile):
    site, _ = hostile
    for page in PAGES:
        handlers = [
            (tag, name)
            for tag, attributes in site.page(page).elements
            for name in attributes
            if name.startswith("on")
        ]
        assert handlers == [], page
        assert not [script for script in site.page(page).scripts if "alert(" in script], page
        for block in site.page(page).data_blocks:  # data, whole: no payload ends the block early
            assert isinstance(json.loads(block), dict), page
        assert "<script>alert" not in site.html(page)
    assert any("alert(1)" in block for block in site.page("claims/").data_blocks)  # the payloads are in them


def test_hostile_prose_shows_as_text_too(hostile):
    site, _ = hostile
    text = site.text("claims/")
    assert "<script>alert(1)</script> and <img src=x onerror=alert(1)>" in text
    assert "{: onclick=alert(1) } {{ x }} [^1]: note" in text
    assert "# heading - list | a | b | code block?" in text


def test_no_element_or_attribute_appears_that_the_generator_did_not_write(hostile):
    site, _ = hostile
    for page in PAGES:
        for tag, attributes in site.article_elements(page):
            if attributes.get("class") == "briefing-as-of" or (tag == "strong" and not attributes):
                continue  # the theme's as-of line
            assert tag in TAGS, (page, tag, attributes)
            assert set(attributes) <= ATTRIBUTES.get(tag, set()), (page, tag, attributes)
            href = attributes.get("href", "")
            assert not href.lower().startswith(("javascript:", "data:", "vbscript:")), (page, href)


def test_the_sanitizer_finds_what_escaping_would_have_let_through():
    assert removed('<p>ok</p><img src="x" onerror="alert(1)"><script>alert(1)</script>') == [
        '<img onerror="alert(1)" src="x">',
        "<script>",
    ]
    assert removed('<p><a href="javascript:alert(1)">x</a><span onclick="x">y</span></p>') == [
        '<a href="javascript:alert(1)">',
        '<span onclick="x">',
    ]
    assert (
        removed('<h2 id="claim-one">A <em>b</em> <code>c</code></h2><p><a href="claims.md#x">d</a></p>') == []
    )


def test_a_hole_in_the_escaping_fails_the_build_loudly(tmp_path, monkeypatch, capsys):
    from generator import render_text

    monkeypatch.setattr(render_text, "plain", lambda text: text)  # as if escaping were forgotten
    (tmp_path / "content" / "sources").mkdir(parents=True)
    (tmp_path / "content" / "briefing.yml").write_text(
        'title: T\nas_of: 2024\nsummary: S\nsubtitle: "<img src=x onerror=alert(1)>"\n'
    )
    assert main(["build", "--content", str(tmp_path / "content"), "--site-dir", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert 'the sanitizer would remove <img onerror="alert(1)" src="x"> from the page index.md' in err
    assert not (tmp_path / "site").exists()


# The reader: limits, each a located error returned at once.


def test_an_alias_bomb_is_refused_at_once(briefing):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(20)
    )
    started = time.monotonic()
    result = briefing({"sources/bomb.yml": bomb})
    assert time.monotonic() - started < 10  # a bound on the harm, not a speed goal
    assert result.lines == ["content/sources/bomb.yml:1:4: an anchor ('&a'): write each value out in full"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(briefing, monkeypatch):
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1000)
    result = briefing({"sources/big.yml": "- {id: big, title: " + "x" * 2000 + ", kind: other}\n"})
    assert result.lines == [
        "content/sources/big.yml:1:1: the file is 2,034 bytes, more than a content file may have (1,000); split it"
    ]


def test_deep_nesting_is_refused_at_once(briefing):
    result = briefing({"sources/deep.yml": "notes: " + "[" * 100_000 + "]" * 100_000 + "\n"})
    assert result.code == 1
    assert result.lines[0].startswith("content/sources/deep.yml:1:")


def test_messages_never_carry_control_characters_to_the_terminal(briefing):
    result = briefing(
        {"sources/source.yml": 'id: src\ntitle: A source\nkind: other\n"bad\\u202e\\e[31mkey": x\n'}
    )
    assert result.lines == [
        "content/sources/source.yml:4:1: source 'src': unknown key 'bad\\u202e\\u001b[31mkey'; expected one of id, "
        "title, kind, publisher, contributors, published, url, archive_url, reliability, notes"
    ]


def test_surrounding_white_space_of_plain_text_is_not_kept(briefing):
    assert briefing({"briefing.yml": 'title: "   "\nas_of: 2024\nsummary: S\n'}).lines == [
        "content/briefing.yml:1:8: title: expected text, found nothing"
    ]


# Builds: whole or not at all, and the same bytes every time.


def test_a_crash_mid_build_leaves_the_previous_site_as_it_was(tmp_path, monkeypatch, capsys):
    import mkdocs.commands.build as mkdocs_build

    site = tmp_path / "site"
    assert main(["build", "--site-dir", str(site)]) == 0
    before = {path: path.read_bytes() for path in site.rglob("*") if path.is_file()}
    original = mkdocs_build._build_page
    built = []

    def crash_on_the_third_page(*args, **kwargs):
        built.append(1)
        if len(built) == 3:
            raise RuntimeError("the machine fell over")
        return original(*args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", crash_on_the_third_page)
    assert main(["build", "--site-dir", str(site)]) == 70
    assert "internal error (RuntimeError: the machine fell over)" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in site.rglob("*") if path.is_file()} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert not list(site.glob(".briefing-building-*"))  # no staging folder left behind


def test_a_new_build_replaces_the_whole_previous_site(tmp_path):
    site = tmp_path / "site"
    assert main(["build", "--site-dir", str(site)]) == 0
    (site / "stale.html").write_text("from an older build")
    assert main(["build", "--site-dir", str(site)]) == 0
    assert not (site / "stale.html").exists()
    assert (site / "claims" / "index.html").is_file()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["site"]
    assert oct(site.stat().st_mode & 0o777) != oct(
        0o700
    )  # readable by a web server, unlike a temporary folder


def test_two_builds_with_the_same_source_date_epoch_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1732406400")
    assert main(["build", "--site-dir", str(tmp_path / "one")]) == 0
    assert main(["build", "--site-dir", str(tmp_path / "two")]) == 0
    one = {
        path.relative_to(tmp_path / "one"): path.read_bytes()
        for path in (tmp_path / "one").rglob("*")
        if path.is_file()
    }
    two = {
        path.relative_to(tmp_path / "two"): path.read_bytes()
        for path in (tmp_path / "two").rglob("*")
        if path.is_file()
    }
    assert len(one) > 10
    assert one == two
