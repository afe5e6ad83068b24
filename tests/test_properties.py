"""Property-based tests of escaping: for any text, a page shows exactly that text, and nothing more."""

from __future__ import annotations

import html as entities
import re
from html.parser import HTMLParser

import markdown
from generator import model
from generator.dates import Date
from generator.prose import allowed_target, link_targets
from generator.render import render_pages
from generator.render_text import plain, prose
from generator.sanitize import ATTRIBUTES, TAGS, removed
from generator.vocabulary import ActorKind, ClaimStatus, Position, QuestionStatus, SourceKind
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

EXTENSIONS = ["attr_list", "tables", "toc"]  # as mkdocs.yml configures them
CONTENT_CHARACTERS = st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))
TEXT = st.text(CONTENT_CHARACTERS, min_size=1, max_size=40).map(str.strip).filter(bool)
"""Text as the validator lets it into a plain field: no control or invisible characters, no line break."""
ANY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def read(markdown_text: str) -> tuple[str, list[tuple[str, dict[str, str | None]]], str]:
    converted = markdown.Markdown(extensions=EXTENSIONS).convert(markdown_text)
    page = _Page()
    page.feed(converted)
    return converted, page.elements, "".join(page.text)


CONTEXTS = {
    "paragraph": lambda text: text,
    "heading": lambda text: f"## {text} {{#an-id}}",
    "list item": lambda text: f"- {text}",
    "emphasis": lambda text: f"*{text}*",
    "link label": lambda text: f"[{text}](claims.md#an-id)",
    "quote": lambda text: f"> {text}",
    "after a label": lambda text: f"**Label:** {text}",
}


@ANY
@given(text=TEXT, context=st.sampled_from(sorted(CONTEXTS)))
@example(text="<b>bold</b>", context="paragraph")
@example(text="<img src=x onerror=alert(1)>", context="heading")
@example(text="{: onclick=alert(1) }", context="heading")
@example(text="x](javascript:alert(1))", context="link label")
@example(text="[^1]: note", context="paragraph")
@example(text="1. item", context="paragraph")
def test_plain_text_shows_as_written_wherever_it_lands(text, context):
    converted, elements, visible = read(CONTEXTS[context](plain(text)))
    assert text in visible
    expected = {
        "paragraph": {"p"},
        "heading": {"h2"},
        "list item": {"ul", "li"},
        "emphasis": {"p", "em"},
        "link label": {"p", "a"},
        "quote": {"blockquote", "p"},
        "after a label": {"p", "strong"},
    }
    assert {tag for tag, _ in elements} == expected[context], converted


@ANY
@given(text=st.text(CONTENT_CHARACTERS | st.sampled_from("\n*_`[]()<>"), min_size=1, max_size=60))
def test_prose_makes_only_inline_markdown(text):
    if not all(allowed_target(target) for target in link_targets(text)):
        return  # the validator refuses such prose
    converted, elements, _ = read(prose(text))
    for tag, attributes in elements:
        assert tag in {"p", "em", "strong", "code", "a"}, converted
        assert set(attributes) <= {"href"}, converted
        if tag == "a":
            assert allowed_target(entities.unescape(attributes["href"] or "")), converted
    assert removed(converted) == []


@ANY
@given(
    text=st.text(CONTENT_CHARACTERS | st.just("\n"), min_size=1, max_size=60).filter(
        lambda t: not re.search(r"[*_`\[\]<\\]", t)
    )
)
def test_prose_without_markup_shows_as_written(text):
    words = " ".join(text.split())
    if not words:
        return
    _, _, visible = read(prose(text))
    assert " ".join(visible.split()) == words


def briefings():
    """Whole briefings, each of their 24 plain fields holding arbitrary text."""
    return st.builds(
        _briefing,
        st.lists(TEXT, min_size=24, max_size=24),
    )


def _briefing(texts: list[str]) -> tuple[model.Briefing, list[str]]:
    text = iter(texts)
    cite = (model.Citation(source="src", quote=next(text), locator=next(text)),)
    source = model.Source(
        id="src", title=next(text), kind=SourceKind.OTHER, publisher=next(text), contributors=(next(text),)
    )
    actors = (
        model.Actor(
            id="alpha", name=next(text), kind=ActorKind.STATE, aliases=(next(text),), country=next(text)
        ),
        model.Actor(id="beta", name=next(text), kind=ActorKind.PERSON, part_of="alpha"),
    )
    claim = model.Claim(
        id="claim",
        title=next(text),
        statement="S.",
        status=ClaimStatus.UNVERIFIED,
        topic=next(text),
        location=next(text),
        quantity=model.Quantity(value=1, unit=next(text)),
        stances=(model.Stance(actor="alpha", position=Position.ASSERTS, sources=cite),),
    )
    term = model.Term(id="term", title=next(text), article=next(text), quote=next(text), sources=cite)
    treaty = model.Treaty(
        id="treaty",
        name=next(text),
        parties=("alpha", "beta"),
        signed=model.Signing(place=next(text)),
        terms=(term,),
    )
    question = model.Question(id="question", question=next(text), status=QuestionStatus.OPEN)
    event = model.Event(id="event", title=next(text), date=Date(2024), location=next(text), sources=cite)
    info = model.BriefingInfo(
        title=next(text), subtitle=next(text), as_of=Date(2024), summary="S.", authors=(next(text),)
    )
    entities_ = [source, *actors, claim, treaty, term, question, event]
    briefing = model.Briefing(
        info,
        sources=(source,),
        actors=actors,
        claims=(claim,),
        treaties=(treaty,),
        questions=(question,),
        events=(event,),
        index={e.id: e for e in entities_},
    )
    assert next(text, None) is None  # every text was placed
    return briefing, texts


@ANY
@given(briefings())
def test_every_page_shows_every_text_and_only_the_generator_s_markup(case):
    briefing, texts = case
    visible_everywhere = ""
    for page in render_pages(briefing):
        converted, elements, visible = read(page.markdown)
        visible_everywhere += visible
        for tag, attributes in elements:
            assert tag in TAGS, (page.path, converted)
            assert set(attributes) <= ATTRIBUTES.get(tag, set()), (page.path, converted)
        assert removed(converted) == [], page.path
    for text in texts:
        assert text in visible_everywhere, text
