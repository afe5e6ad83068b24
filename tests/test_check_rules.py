"""Every rule of the content format, with the exact message `briefing check` prints for it."""

from __future__ import annotations

import pytest

CLAIM = "content/claims/claim.yml"


def claim(body: str) -> dict[str, str]:
    """The minimal briefing with its claim replaced."""
    return {"claims/claim.yml": body}


CASES = {
    "unknown key, with a suggestion": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            staus: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            """),
        [
            f"{CLAIM}:1:1: claim 'claim-one': missing required key 'status'",
            f"{CLAIM}:4:1: claim 'claim-one': unknown key 'staus'; did you mean 'status'?",
        ],
    ),
    "unknown key, nothing close": (
        {"sources/source.yml": "id: src\ntitle: A source\nkind: other\nflavour: sweet\n"},
        [
            "content/sources/source.yml:4:1: source 'src': unknown key 'flavour'; expected one of id, title, kind, "
            "publisher, contributors, published, url, archive_url, reliability, notes",
        ],
    ),
    "duplicate key": (
        claim("""\
            id: claim-one
            title: A claim
            title: The same claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            """),
        [f"{CLAIM}:3:1: claim 'claim-one': duplicate key 'title'; it is already given at line 2"],
    ),
    "required field missing": (
        {"actors/actors.yml": "- id: alpha\n  kind: state\n- id: beta\n  name: Beta\n  kind: state\n"},
        ["content/actors/actors.yml:1:3: actor 'alpha': missing required key 'name'"],
    ),
    "required field empty": (
        {"briefing.yml": "title:\nas_of: 2024\nsummary: Nothing much.\n"},
        ["content/briefing.yml:1:7: title: expected text, found nothing"],
    ),
    "enumeration, with a suggestion": (
        {
            "actors/actors.yml": "- id: alpha\n  name: Alpha\n  kind: State\n- id: beta\n  name: Beta\n  kind: state\n"
        },
        [
            "content/actors/actors.yml:3:9: actor 'alpha', kind: expected one of state, government, agency, "
            "military, intelligence, person, media, organization, group; found 'State'; did you mean 'state'?",
        ],
    ),
    "id syntax, with a suggestion": (
        {"sources/source.yml": "id: Kursk_Report\ntitle: A source\nkind: other\n"},
        [
            "content/claims/claim.yml:8:15: claim 'claim-one', stance 1, citation 1: unknown source 'src'",
            "content/sources/source.yml:1:5: source, id: expected an id (1 to 64 characters of a-z, 0-9 and "
            "single inner hyphens), found 'Kursk_Report'; did you mean 'kursk-report'?",
        ],
    ),
    "id too long": (
        {"sources/source.yml": f"id: {'a' * 65}\ntitle: A source\nkind: other\n"},
        [
            "content/claims/claim.yml:8:15: claim 'claim-one', stance 1, citation 1: unknown source 'src'",
            f"content/sources/source.yml:1:5: source, id: expected an id (1 to 64 characters of a-z, 0-9 and "
            f"single inner hyphens), found '{'a' * 57}...'; did you mean '{'a' * 64}'?",
        ],
    ),
    "ids are unique across categories": (
        {"events/event.yml": "id: alpha\ntitle: An event\ndate: 2024\nsources: [src]\n"},
        [
            "content/events/event.yml:1:1: event 'alpha': id 'alpha' is already used by the actor at "
            "content/actors/actors.yml:1:3"
        ],
    ),
    "ids are unique within a file": (
        {
            "actors/actors.yml": "- id: alpha\n  name: Alpha\n  kind: state\n- id: alpha\n  name: Beta\n  kind: state\n"
        },
        [
            "content/actors/actors.yml:4:3: actor 'alpha': id 'alpha' is already used by the actor at "
            "content/actors/actors.yml:1:3"
        ],
    ),
    "reference to an unknown id, with a suggestion": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - actor: alpah
                position: asserts
                sources: [src]
            """),
        [f"{CLAIM}:6:12: claim 'claim-one', stance 1, actor: unknown actor 'alpah'; did you mean 'alpha'?"],
    ),
    "reference to an entity of the wrong category": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - actor: src
                position: asserts
                sources: [alpha]
            """),
        [
            f"{CLAIM}:6:12: claim 'claim-one', stance 1, actor: 'src' is a source, expected the id of an actor",
            f"{CLAIM}:8:15: claim 'claim-one', stance 1, citation 1: 'alpha' is an actor, expected the id of a source",
        ],
    ),
    "reference inside a list of ids": (
        {
            "briefing.yml": """\
            title: A minimal briefing
            as_of: 2024
            summary: Nothing much.
            key_takeaways:
              - text: It happened.
                claims: [claim-one, claim-two]
            """
        },
        [
            "content/briefing.yml:6:25: key takeaway 1, claim 2: unknown claim 'claim-two'; did you mean 'claim-one'?"
        ],
    ),
    "a claim without stances": (
        claim(
            "id: claim-one\ntitle: A claim\nstatement: Something happened.\nstatus: unverified\nstances: []\n"
        ),
        [f"{CLAIM}:5:10: claim 'claim-one', stances: expected at least one stance, found an empty list"],
    ),
    "a stance without citations": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - actor: alpha
                position: asserts
            """),
        [
            f"{CLAIM}:6:5: claim 'claim-one', stance 1: missing required key 'sources' "
            "(every statement must cite at least one source)"
        ],
    ),
    "a stance with an empty list of citations": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: []}
            """),
        [
            f"{CLAIM}:6:48: claim 'claim-one', stance 1, sources: expected at least one citation, found an empty list"
        ],
    ),
    "an event without citations": (
        {"events/event.yml": "id: happening\ntitle: An event\ndate: 2024\n"},
        [
            "content/events/event.yml:1:1: event 'happening': missing required key 'sources' "
            "(every statement must cite at least one source)"
        ],
    ),
    "a treaty term and a ratification without citations": (
        {
            "treaties/treaty.yml": """\
            id: pact
            name: The pact
            parties: [alpha, beta]
            ratifications:
              - party: alpha
            terms:
              - id: clause-one
                title: First clause
            """
        },
        [
            "content/treaties/treaty.yml:5:5: treaty 'pact', ratification 1: missing required key 'sources' "
            "(every statement must cite at least one source)",
            "content/treaties/treaty.yml:7:5: treaty 'pact', term 'clause-one': missing required key 'sources' "
            "(every statement must cite at least one source)",
        ],
    ),
    "a citation mapping": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - actor: alpha
                position: asserts
                sources:
                  - {source: src, locator: page 3, quote: It happened., url: ftp://example.org/a}
                  - {locator: page 4}
            """),
        [
            f"{CLAIM}:9:66: claim 'claim-one', stance 1, citation 1, url: expected an http or https URL, "
            "found 'ftp://example.org/a'",
            f"{CLAIM}:10:9: claim 'claim-one', stance 1, citation 2: missing required key 'source'",
        ],
    ),
    "an impossible date": (
        {"events/event.yml": "id: happening\ntitle: An event\ndate: 2024-02-30\nsources: [src]\n"},
        [
            "content/events/event.yml:3:7: event 'happening', date: '2024-02-30' is not a date: there is no day 30 "
            "in February 2024, which has 29 days"
        ],
    ),
    "an impossible month": (
        {"briefing.yml": "title: T\nas_of: 2024-13~\nsummary: S\n"},
        ["content/briefing.yml:2:8: as_of: '2024-13~' is not a date: there is no month 13"],
    ),
    "a date in another form": (
        {"briefing.yml": "title: T\nas_of: August 2024\nsummary: S\n"},
        [
            "content/briefing.yml:2:8: as_of: expected a date such as 2024, 2024-08 or 2024-08-06, optionally "
            "followed by ~ (approximately), found 'August 2024'"
        ],
    ),
    "end_date before date": (
        {
            "events/event.yml": "id: happening\ntitle: An event\ndate: 2024-08\nend_date: 2024-07-31\nsources: [src]\n"
        },
        ["content/events/event.yml:4:11: event 'happening': end_date 2024-07-31 is before date 2024-08"],
    ),
    "superseded without superseded_by": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: superseded
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            """),
        [
            f"{CLAIM}:4:9: claim 'claim-one': status is 'superseded', so 'superseded_by' (the id of the newer claim) "
            "is required"
        ],
    ),
    "superseded by itself": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: superseded
            superseded_by: claim-one
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            """),
        [f"{CLAIM}:5:16: claim 'claim-one': a claim cannot supersede itself"],
    ),
    "superseded by an unknown claim": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: superseded
            superseded_by: claim-two
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            """),
        [
            f"{CLAIM}:5:16: claim 'claim-one', superseded_by: unknown claim 'claim-two'; did you mean 'claim-one'?"
        ],
    ),
    "actors part of each other in a circle": (
        {
            "actors/actors.yml": """\
            - {id: alpha, name: Alpha, kind: state, part_of: gamma}
            - {id: beta, name: Beta, kind: state}
            - {id: gamma, name: Gamma, kind: agency, part_of: alpha}
            - {id: delta, name: Delta, kind: agency, part_of: delta}
            """
        },
        [
            "content/actors/actors.yml:1:3: actor 'alpha', part_of: a circle: 'alpha' is part of 'gamma' is part of 'alpha'",
            "content/actors/actors.yml:4:3: actor 'delta', part_of: a circle: 'delta' is part of 'delta'",
        ],
    ),
    "a treaty with one party": (
        {
            "treaties/treaty.yml": "id: pact\nname: The pact\nparties: [alpha]\nterms:\n  - {id: clause, sources: [src]}\n"
        },
        ["content/treaties/treaty.yml:3:10: treaty 'pact', parties: expected at least two parties, found 1"],
    ),
    "a treaty with a party twice": (
        {
            "treaties/treaty.yml": "id: pact\nname: The pact\nparties: [alpha, alpha]\nterms:\n  - {id: c, sources: [src]}\n"
        },
        ["content/treaties/treaty.yml:3:10: treaty 'pact', parties: party 'alpha' is listed twice"],
    ),
    "an answered question without an answer": (
        {"questions/question.yml": "id: why\nquestion: Why?\nstatus: answered\n"},
        ["content/questions/question.yml:3:9: question 'why': status is 'answered', so 'answer' is required"],
    ),
    "yes, no, on and off are text": (
        {
            "actors/actors.yml": """\
            - id: alpha
              name: yes
              kind: state
              aliases: [no, on, off, 1984]
            - id: beta
              name: Beta
              kind: state
            """
        },
        [],
    ),
    "booleans are true or false only": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            evidence:
              - {kind: photo, independently_verified: yes}
            """),
        [
            f"{CLAIM}:8:43: claim 'claim-one', evidence item 1, independently_verified: expected true or false, "
            "found 'yes'"
        ],
    ),
    "numbers": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            quantity: {value: "10,000", lower: 20000, upper: 10000, qualifier: more-than}
            """),
        [
            f"{CLAIM}:7:19: claim 'claim-one', quantity, value: expected a number, found '10,000'; "
            "write 10000 without separators",
            f"{CLAIM}:7:36: claim 'claim-one', quantity: lower (20000) is greater than upper (10000)",
        ],
    ),
    "quantity bounds": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            quantity: {lower: 20000, upper: 10000}
            """),
        [f"{CLAIM}:7:19: claim 'claim-one', quantity: lower (20000) is greater than upper (10000)"],
    ),
    "quantity value outside its bounds, a bound of zero counting": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            quantity: {value: -5, lower: 0}
            """),
        [f"{CLAIM}:7:19: claim 'claim-one', quantity: value (-5) is outside lower and upper"],
    ),
    "an empty quantity": (
        claim("""\
            id: claim-one
            title: A claim
            statement: Something happened.
            status: unverified
            stances:
              - {actor: alpha, position: asserts, sources: [src]}
            quantity: {unit: soldiers}
            """),
        [
            f"{CLAIM}:7:11: claim 'claim-one', quantity: a quantity needs at least one of value, lower and upper"
        ],
    ),
    "only http and https URLs": (
        {"sources/source.yml": "id: src\ntitle: A source\nkind: other\nurl: javascript:alert(1)\n"},
        [
            "content/sources/source.yml:4:6: source 'src', url: expected an http or https URL, "
            "found 'javascript:alert(1)'"
        ],
    ),
    "only http, https and mailto links in prose": (
        {
            "briefing.yml": "title: T\nas_of: 2024\nsummary: See [this](javascript:alert(1)) and [that](https://a.example).\n"
        },
        [
            "content/briefing.yml:3:10: summary: link target 'javascript:alert(1)' is not allowed; a link must start "
            "with http://, https://, mailto:"
        ],
    ),
    "links inside code spans are text": (
        {
            "briefing.yml": "title: T\nas_of: 2024\nsummary: 'Write `[x](javascript:y)` and [mail](mailto:a@b.example).'\n"
        },
        [],
    ),
    "invisible characters": (
        {"briefing.yml": 'title: "Moscow \\u202Edenies"\nas_of: 2024\nsummary: S\n'},
        [
            "content/briefing.yml:1:8: title: the invisible character U+202E (RIGHT-TO-LEFT OVERRIDE) is not "
            "allowed in text; remove it"
        ],
    ),
    "line breaks in plain text": (
        {"briefing.yml": 'title: "One\\nTwo"\nas_of: 2024\nsummary: S\n'},
        ["content/briefing.yml:1:8: title: expected one line of plain text, found a line break"],
    ),
    "joiners that scripts need are text": (
        {
            "actors/actors.yml": '- {id: alpha, name: "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", kind: person}\n'
            "- {id: beta, name: Beta, kind: state}\n"
        },
        [],
    ),
    "a list where a mapping belongs": (
        {"briefing.yml": "- title: T\n"},
        ["content/briefing.yml:1:1: expected a mapping of title, as_of, summary..., found a list"],
    ),
    "a scalar where a list belongs": (
        {
            "actors/actors.yml": "- {id: alpha, name: Alpha, kind: state, aliases: Moscow}\n- {id: beta, name: B, kind: state}\n"
        },
        [
            "content/actors/actors.yml:1:50: actor 'alpha', aliases: expected a list of aliases, found 'Moscow'"
        ],
    ),
    "a scalar where an entity belongs": (
        {"events/event.yml": "just some text\n"},
        [
            "content/events/event.yml:1:1: expected an event (a mapping) or a list of them, found 'just some text'"
        ],
    ),
    "language code": (
        {"briefing.yml": "title: T\nas_of: 2024\nsummary: S\nlanguage: English\n"},
        [
            "content/briefing.yml:4:11: language: expected a language code such as en, fr or pt-BR, found 'English'"
        ],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_rule(briefing, files, expected):
    result = briefing(files)
    assert result.lines == expected
    assert result.code == (1 if expected else 0)
