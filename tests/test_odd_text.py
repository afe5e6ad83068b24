"""Odd text where a URL, a number or prose belongs is a located problem, never a crash of `briefing check`."""

from __future__ import annotations

import pytest
from generator import load_briefing
from generator.dates import Date, DateError

SOURCE = "content/sources/source.yml"
CLAIM = "content/claims/claim.yml"


def source_url(url: str) -> dict[str, str]:
    """The minimal briefing with its source's url written as a YAML double-quoted string."""
    return {"sources/source.yml": f'id: src\ntitle: A source\nkind: other\nurl: "{url}"\n'}


def quantity(value: str) -> dict[str, str]:
    """The minimal briefing with a quantity of the given value on its claim."""
    return {
        "claims/claim.yml": (
            "id: claim-one\ntitle: A claim\nstatement: Something happened.\nstatus: unverified\n"
            f"stances: [{{actor: alpha, position: asserts, sources: [src]}}]\nquantity: {{value: {value}}}\n"
        )
    }


def not_a_valid_url(url: str, reason: str) -> str:
    return f"{SOURCE}:4:6: source 'src', url: '{url}' is not a valid URL: {reason}"


BRACKETS = "square brackets in a host hold an IPv6 address only, as in https://[2001:db8::1]/"

URL_CASES = {
    "an unmatched '[' in the host": (
        "https://[example.org/a",
        [not_a_valid_url("https://[example.org/a", BRACKETS)],
    ),
    "an unmatched ']' in the host": (
        "https://example.org]/a",
        [not_a_valid_url("https://example.org]/a", BRACKETS)],
    ),
    "brackets around a name": (
        "https://[example.org]/",
        [not_a_valid_url("https://[example.org]/", BRACKETS)],
    ),
    "text after the brackets": ("https://[::1]x/", [not_a_valid_url("https://[::1]x/", BRACKETS)]),
    "an IPv6 address with a port": ("https://[2001:db8::1]:8080/a", []),
    "a character that normalises to '#'": (
        "https://exa\\uff03mple.org/",
        [
            not_a_valid_url(
                "https://exa\uff03mple.org/",
                "its host has the character U+FF03 (FULLWIDTH NUMBER SIGN), which reads as '#' once normalised; "
                "remove it",
            )
        ],
    ),
    "a user name that normalises to '/'": (
        "https://a\u2100b@example.org/",
        [
            not_a_valid_url(
                "https://a\u2100b@example.org/",
                "its user name has the character U+2100 (ACCOUNT OF), which reads as 'a/c' once normalised; "
                "remove it",
            )
        ],
    ),
    "a port beyond 65535": (
        "https://example.org:99999/",
        [not_a_valid_url("https://example.org:99999/", "its port '99999' is not a number from 0 to 65535")],
    ),
    "a port in other digits": (
        "https://example.org:\u0668\u0660/",
        [
            not_a_valid_url(
                "https://example.org:\u0668\u0660/", "its port '\u0668\u0660' is not a number from 0 to 65535"
            )
        ],
    ),
    "a port of many digits": (
        "https://example.org:" + "9" * 5000 + "/",
        [
            not_a_valid_url(
                "https://example.org:" + "9" * 37 + "...",
                "its port '999999999...' is not a number from 0 to 65535",
            )
        ],
    ),
    "no host": (
        "https://:80/",
        [
            not_a_valid_url(
                "https://:80/", "it has no host; write one after the '//', as in https://example.org/"
            )
        ],
    ),
    "a tab": (
        "https://exa\\tmple.org/",
        [
            not_a_valid_url(
                "https://exa\\u0009mple.org/",
                "the character U+0009 (a control character) cannot be part of a URL; remove it or percent-encode it",
            )
        ],
    ),
    "a no-break space": (
        "https://example.org/a\\u00a0b",
        [
            not_a_valid_url(
                "https://example.org/a\\u00a0b",
                "the character U+00A0 (NO-BREAK SPACE) cannot be part of a URL; remove it or percent-encode it",
            )
        ],
    ),
}


@pytest.mark.parametrize("url, expected", URL_CASES.values(), ids=URL_CASES.keys())
def test_a_url_python_cannot_read_is_a_located_problem(briefing, url, expected):
    result = briefing(source_url(url))
    assert result.lines == expected
    assert result.code == (1 if expected else 0)


def test_a_url_refused_by_a_rule_of_python_s_parser_unknown_here_is_a_located_problem(briefing, monkeypatch):
    from generator import scalars

    def refuse(url: str) -> None:
        raise ValueError("a rule of a later Python")

    monkeypatch.setattr(scalars, "urlsplit", refuse)
    result = briefing(source_url("https://example.org/"))
    assert result.lines == [
        not_a_valid_url("https://example.org/", "Python's URL parser refuses it (a rule of a later Python)")
    ]
    assert result.code == 1


def too_large(found: str) -> str:
    return f"{CLAIM}:6:19: claim 'claim-one', quantity, value: expected a number of at most about 1.8e308 in size, found '{found}'"


NUMBER_CASES = {
    "more digits than int() reads": ("1" * 5000, [too_large("1" * 57 + "...")]),
    "a long hexadecimal": ("0x" + "f" * 300, [too_large("0x" + "f" * 55 + "...")]),
    "a long octal": ("0o" + "7" * 400, [too_large("0o" + "7" * 55 + "...")]),
    "a decimal that overflows to infinity": ("1e999", [too_large("1e999")]),
    "a negative one": ("-1e999", [too_large("-1e999")]),
    "many digits before the point": ("1" * 400 + ".5", [too_large("1" * 57 + "...")]),
    "the largest number": ("1.7976931348623157e308", []),
    "leading zeros": ("010", []),
    "a tiny decimal, which is zero": ("1e-999", []),
}


@pytest.mark.parametrize("value, expected", NUMBER_CASES.values(), ids=NUMBER_CASES.keys())
def test_a_number_too_large_to_hold_is_a_located_problem(briefing, value, expected):
    result = briefing(quantity(value))
    assert result.lines == expected
    assert result.code == (1 if expected else 0)


@pytest.mark.parametrize("written, value", [("010", 10), ("-0x1F", -31), ("+0o17", 15), ("00", 0)])
def test_integers_read_as_yaml_1_2_reads_them(briefing, tmp_path, written, value):
    assert briefing(quantity(written)).code == 0
    claim = load_briefing(tmp_path / "content").claims[0]
    assert claim.quantity is not None and claim.quantity.value == value


def test_links_nested_thousands_deep_read_as_text_beyond_the_nesting_limit(briefing, tmp_path):
    from generator import load_briefing
    from generator.prose import MAX_NESTING, parse
    from generator.render import render_pages

    statement = "[" * 3000 + "a" + "](https://example.org)" * 3000
    result = briefing(
        {
            "claims/claim.yml": (
                f"id: claim-one\ntitle: A claim\nstatement: '{statement}'\nstatus: unverified\n"
                "stances: [{actor: alpha, position: asserts, sources: [src]}]\n"
            )
        }
    )
    assert (result.code, result.err) == (0, "")
    assert render_pages(load_briefing(tmp_path / "content"))  # rendering is no deeper than checking
    depth, inlines = 0, parse(statement)[0]
    while inlines and hasattr(inlines[-1], "children"):
        depth, inlines = depth + 1, inlines[-1].children
    assert depth == MAX_NESTING


def test_links_nested_a_few_deep_are_read(briefing):
    statement = "[" * 5 + "a" + "](https://example.org)" * 5
    result = briefing(
        {
            "claims/claim.yml": (
                f"id: claim-one\ntitle: A claim\nstatement: '{statement}'\nstatus: unverified\n"
                "stances: [{actor: alpha, position: asserts, sources: [src]}]\n"
            )
        }
    )
    assert result.code == 0, result.err


@pytest.mark.parametrize(
    "written", ["\u0662\u0660\u0662\u0664-\u0660\u0663-\u0660\u0661", "\uff12\uff10\uff12\uff14"]
)  # Arabic-Indic, full-width
def test_dates_are_written_in_ascii_digits(written):
    with pytest.raises(DateError) as refused:
        Date.parse(written)
    assert str(refused.value) == (
        "expected a date such as 2024, 2024-08 or 2024-08-06, optionally followed by ~ (approximately)"
    )
