"""Every rule in one run: a rule over several fields is checked even where the same record has field errors.

Each rule runs when the fields it reads could be read, whatever else is wrong in the record, so that an author
fixing a record sees all of its problems at once rather than one more after each save.
"""

from __future__ import annotations

import pytest

CLAIM = "content/claims/claim.yml"

CASES = {
    "answered without an answer, and an unknown key": (
        {
            "questions/q.yml": """\
                id: q-one
                question: Who did it?
                status: answered
                colour: red
                """
        },
        [
            "content/questions/q.yml:3:9: question 'q-one': status is 'answered', so 'answer' is required",
            "content/questions/q.yml:4:1: question 'q-one': unknown key 'colour'; expected one of id, "
            "question, status, why_it_matters, claims, indicators, answer, sources, opened",
        ],
    ),
    "an event ending before it starts, and its title missing": (
        {"events/e.yml": "id: e-one\ndate: 2024-08-10\nend_date: 2024-08-06\nsources: [src]\n"},
        [
            "content/events/e.yml:1:1: event 'e-one': missing required key 'title'",
            "content/events/e.yml:3:11: event 'e-one': end_date 2024-08-06 is before date 2024-08-10",
        ],
    ),
    "superseded without the newer claim, and a malformed date": (
        {
            "claims/claim.yml": """\
                id: claim-one
                title: A claim
                statement: Something happened.
                status: superseded
                first_reported: 2024-13
                stances:
                  - {actor: alpha, position: asserts, sources: [src]}
                """
        },
        [
            f"{CLAIM}:4:9: claim 'claim-one': status is 'superseded', so 'superseded_by' (the id of the newer "
            "claim) is required",
            f"{CLAIM}:5:17: claim 'claim-one', first_reported: '2024-13' is not a date: there is no month 13",
        ],
    ),
    "a claim superseding itself, and a stance's unknown position": (
        {
            "claims/claim.yml": """\
                id: claim-one
                title: A claim
                statement: Something happened.
                status: superseded
                superseded_by: claim-one
                stances:
                  - {actor: alpha, position: assert, sources: [src]}
                """
        },
        [
            f"{CLAIM}:5:16: claim 'claim-one': a claim cannot supersede itself",
            f"{CLAIM}:7:30: claim 'claim-one', stance 1, position: expected one of asserts, supports, hints, "
            "neither, declines, disputes, denies; found 'assert'; did you mean 'asserts'?",
        ],
    ),
    "a party twice, and the treaty's name and terms missing": (
        {"treaties/t.yml": "id: t-one\nparties: [alpha, beta, alpha]\n"},
        [
            "content/treaties/t.yml:1:1: treaty 't-one': missing required key 'name'",
            "content/treaties/t.yml:1:1: treaty 't-one': missing required key 'terms'",
            "content/treaties/t.yml:2:10: treaty 't-one', parties: party 'alpha' is listed twice",
        ],
    ),
    "a quantity's bounds crossed, and its value unreadable": (
        {
            "claims/claim.yml": """\
                id: claim-one
                title: A claim
                statement: Something happened.
                status: unverified
                stances:
                  - {actor: alpha, position: asserts, sources: [src]}
                quantity: {value: "10,000", lower: 20000, upper: 10000}
                """
        },
        [
            f"{CLAIM}:7:19: claim 'claim-one', quantity, value: expected a number, found '10,000'; write 10000 "
            "without separators",
            f"{CLAIM}:7:36: claim 'claim-one', quantity: lower (20000) is greater than upper (10000)",
        ],
    ),
    "the briefing's language and updates, and its title missing": (
        {
            "briefing.yml": """\
                as_of: 2024
                summary: Nothing much.
                language: English
                updates:
                  - {date: 2024-01, text: First.}
                  - {date: 2024-03, text: Later.}
                """
        },
        [
            "content/briefing.yml:1:1: missing required key 'title'",
            "content/briefing.yml:3:11: language: expected a language code such as en, fr or pt-BR, found "
            "'English'",
            "content/briefing.yml:6:12: update 2, date: 2024-03 is later than 2024-01, the date of update 1: "
            "updates are written newest first; move this one above it",
        ],
    ),
    "actors each part of the other, and an unknown reference elsewhere": (
        {
            "actors/actors.yml": """\
                - {id: alpha, name: Alpha, kind: state, part_of: beta}
                - {id: beta, name: Beta, kind: state, part_of: alpha}
                - {id: gamma, name: Gamma, kind: state, part_of: delta}
                """
        },
        [
            "content/actors/actors.yml:1:3: actor 'alpha', part_of: a circle: 'alpha' is part of 'beta' is part "
            "of 'alpha'",
            "content/actors/actors.yml:3:50: actor 'gamma', part_of: unknown actor 'delta'; did you mean 'beta'?",
        ],
    ),
}


@pytest.mark.parametrize("files, expected", CASES.values(), ids=CASES.keys())
def test_a_rule_over_several_fields_is_reported_with_the_field_errors(briefing, files, expected):
    result = briefing(files)
    assert result.lines == expected
    assert result.code == 1


UNREADABLE = {
    "an answer that cannot be read is not missing": (
        {
            "questions/q.yml": "id: q-one\nquestion: Who did it?\nstatus: answered\nanswer: It was \u200bthem.\n"
        },
        [
            "content/questions/q.yml:4:16: question 'q-one', answer: the invisible character U+200B (ZERO WIDTH "
            "SPACE) is not allowed in text; remove it"
        ],
    ),
    "a newer claim whose id cannot be read is not missing": (
        {
            "claims/claim.yml": """\
                id: claim-one
                title: A claim
                statement: Something happened.
                status: superseded
                superseded_by: The Newer Claim
                stances:
                  - {actor: alpha, position: asserts, sources: [src]}
                """
        },
        [
            f"{CLAIM}:5:16: claim 'claim-one', superseded_by: expected an id (1 to 64 characters of a-z, 0-9 and "
            "single inner hyphens), found 'The Newer Claim'; did you mean 'the-newer-claim'?"
        ],
    ),
    "bounds that cannot be read are not missing": (
        {
            "claims/claim.yml": """\
                id: claim-one
                title: A claim
                statement: Something happened.
                status: unverified
                stances:
                  - {actor: alpha, position: asserts, sources: [src]}
                quantity: {lower: about ten}
                """
        },
        [f"{CLAIM}:7:19: claim 'claim-one', quantity, lower: expected a number, found 'about ten'"],
    ),
}


@pytest.mark.parametrize("files, expected", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_a_field_given_but_unreadable_is_not_also_reported_missing(briefing, files, expected):
    result = briefing(files)
    assert result.lines == expected
    assert result.code == 1
