"""The briefing's pages as Markdown: one page a category, each entity a section anchored at its id.

No MkDocs here: the same pages are handed to MkDocs by the plugin and written to disk by ``briefing render``
for any other Markdown site engine. Every reference is a link, every date is shown at its precision, and
every piece of content text goes through ``generator.render_text``.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator import render_entities, render_history, render_matrix
from generator import render_text as md
from generator.editions import History
from generator.errors import BriefingError
from generator.model import Briefing, Claim, Event, Source
from generator.render_links import NO_TOPIC_PAGE, EditUrl, Layout, Links, heading, sections, status_badge
from generator.vocabulary import ClaimStatus


@dataclass(frozen=True)
class Page:
    """One generated page."""

    path: str
    """Where it lies among the site's pages (``claims.md``)."""
    title: str
    """Its title, as the navigation shows it."""
    heading: str
    """Its heading (plain text): the briefing's title on the overview, the page's title elsewhere."""
    markdown: str
    """Its content."""
    in_nav: bool = True
    """Whether the navigation lists it (a topic's page of claims is reached from the claims page)."""


PAGES = (
    ("index.md", "Overview"),
    ("claims.md", "Claims"),
    ("stances.md", "Stance matrix"),
    ("actors.md", "Actors"),
    ("treaties.md", "Treaty terms"),
    ("questions.md", "Open questions"),
    ("timeline.md", "Timeline"),
    ("sources.md", "Sources"),
)
"""Every page, in the order of the navigation."""


def render_pages(
    briefing: Briefing, edit: EditUrl | None = None, history: History | None = None
) -> list[Page]:
    """Every page of the briefing, in navigation order; then, for many claims, a page for each topic.

    With ``edit``, each entity links to where its file can be edited. With a ``history`` of recorded
    editions, the Changes page follows the overview, and the claims the latest edition changed are marked.
    """
    layout = Layout(briefing, edit)
    history = history if history is not None and history.editions else None
    writers: dict[str, Callable[[Links], str]] = {
        "index.md": functools.partial(overview, history=history),
        "claims.md": functools.partial(claims_index, history=history)
        if layout.topics
        else functools.partial(render_entities.claims, editions=history),
        "stances.md": render_matrix.matrix_index if layout.topics else render_matrix.matrix,
        "actors.md": render_entities.actors,
        "treaties.md": render_entities.treaties,
        "questions.md": render_entities.questions,
        "timeline.md": timeline,
        "sources.md": sources,
    }
    pages = []
    for path, title in PAGES:
        heading_text = briefing.info.title if path == "index.md" else title
        pages.append(_page(path, title, heading_text, Links(briefing, layout, path), writers[path]))
    if history is not None:
        path, title = render_history.PAGE
        write = functools.partial(render_history.changes_page, history=history)
        pages.insert(1, _page(path, title, title, Links(briefing, layout, path), write))
    for path, (topic, claims) in layout.topics.items():
        write = functools.partial(_topic, claims=claims, history=history)
        heading_text = f"Claims: {topic}" if path != NO_TOPIC_PAGE else "Claims without a topic"
        pages.append(
            _page(path, heading_text, heading_text, Links(briefing, layout, path), write, in_nav=False)
        )
    return pages


def problem_pages(error: BriefingError, paths: Iterable[str]) -> list[Page]:
    """While the briefing is served and invalid: its problems, on the overview and at each page's address.

    Whichever page the browser shows, it reloads to the list of problems, and back to the briefing once
    they are fixed; only the overview is in the navigation.
    """
    count = len(error.problems)
    heading_text = f"The briefing has {count:,} problem{'s' * (count != 1)}"
    items = "\n".join(
        f"- {md.code(str(problem.location))}: {md.plain(problem.message)}" for problem in error.problems
    )
    markdown = (
        f"# {md.plain(heading_text)} {{#problems}}\n\n"
        "The site shows the briefing again once they are fixed: this page reloads when a content file is "
        f"saved.\n\n{items}\n"
    )
    everywhere = dict.fromkeys([path for path, _ in PAGES] + list(paths))
    return [Page(path, "Problems", heading_text, markdown, in_nav=path == "index.md") for path in everywhere]


def _page(
    path: str, title: str, heading: str, links: Links, write: Callable[[Links], str], in_nav: bool = True
) -> Page:
    body = write(links).rstrip()
    notes = links.notes()
    markdown = f"# {md.plain(heading)} {{#{_page_anchor(path)}}}\n\n{body}\n"
    if notes:
        markdown += f"\n{notes}\n"
    return Page(path, title, heading, markdown, in_nav)


def _topic(links: Links, claims: list[Claim], history: History | None = None) -> str:
    """A topic's page: the stance matrix of its claims, then the claims."""
    matrix = render_matrix.matrix(links, claims)
    return "\n\n".join(
        [
            heading(2, "Stance matrix", render_matrix.TOPIC_MATRIX),
            matrix,
            render_entities.claims(links, claims, history),
        ]
    )


def claims_index(links: Links, history: History | None = None) -> str:
    """The claims page when claims have a page per topic: each topic's claims, listed with their status.

    With a history, the claims the latest edition added or changed are marked.
    """
    lines = [f"The {len(links.briefing.claims):,} claims are on a page for each topic.", ""]
    for path, (topic, claims) in links.layout.topics.items():
        number = f"{len(claims):,} claim{'s' * (len(claims) != 1)}"
        anchor = "topic_" + path.removeprefix("claims/").removesuffix(".md").replace("-", "_")
        lines += [heading(2, f"[{md.plain(topic)}]({links.page_url(path)}) ({number})", anchor), ""]
        for claim in claims:  # each claim's id is an anchor here too, so that links to claims/#id still land
            badge = status_badge(claim.status.value, claim.status.value)
            lines.append(f"- {badge} {links.to(claim.id)}{{ #{claim.id} }}{_mark(links, history, claim.id)}")
        lines.append("")
    return "\n".join(lines)


def _mark(links: Links, history: History | None, claim: str) -> str:
    """The mark of a claim the latest recorded edition added or changed, after its link; or nothing."""
    return render_history.changed_mark(links, history, claim) if history is not None else ""


LIST_CLAIMS_UP_TO = 50
"""Up to how many claims the overview lists each status's claims; above that it counts them."""


def _page_anchor(path: str) -> str:
    return path.removesuffix(".md").replace("/", "_") + "_page"  # an underscore: no entity id can take it


def overview(links: Links, history: History | None = None) -> str:
    """The overview: the bottom line, key takeaways, the claims counted by status, and the editions.

    With a history, each update of a recorded edition links to what it changed, and the claims the latest
    edition added or changed are marked.
    """
    info = links.briefing.info
    lines = []
    if info.subtitle:
        lines += [f"*{md.plain(info.subtitle)}*", ""]
    lines += [f"Information as of **{md.date(info.as_of)}**.", ""]
    if info.authors:
        lines += [f"By {md.plain(', '.join(info.authors))}.", ""]
    lines += [heading(2, "Bottom line", "bottom_line"), "", md.prose(info.summary), ""]
    if info.key_takeaways:
        lines += [heading(2, "Key takeaways", "key_takeaways"), ""]
        for takeaway in info.key_takeaways:
            claims = f" ({links.all(takeaway.claims)})" if takeaway.claims else ""
            lines.append(f"- {md.prose_inline(takeaway.text)}{claims}")
        lines.append("")
    lines += _claims_by_status(links, history)
    if info.updates:
        lines += [heading(2, "Updates", "briefing_updates"), ""]
        editions = history.of_updates(info.updates) if history else [None] * len(info.updates)
        for update, edition in zip(info.updates, editions, strict=True):
            changes = ""
            if edition is not None:
                url = f"{links.page_url(render_history.PAGE[0])}#{render_history.anchor(edition)}"
                changes = f" ({md.link('what changed', url)})"
            lines.append(f"- **{md.date(update.date)}**: {md.prose_inline(update.text)}{changes}")
    return "\n".join(lines)


def _claims_by_status(links: Links, history: History | None) -> list[str]:
    claims = links.briefing.claims
    lines = [heading(2, "Claims by status", "claims_by_status"), ""]
    if not claims:
        return [*lines, "This briefing has no claims yet.", ""]
    counts = Counter(claim.status for claim in claims)
    listed = len(claims) <= LIST_CLAIMS_UP_TO
    for status in ClaimStatus:
        if counts[status]:
            number = f"{counts[status]} claim{'s' * (counts[status] != 1)}"
            lines += [f"{status_badge(status.value, status.value)} **{number}**", ""]
            if listed:
                shown = [claim for claim in claims if claim.status is status]
                lines += [f"- {links.to(claim.id)}{_mark(links, history, claim.id)}" for claim in shown] + [
                    ""
                ]
    if not listed:
        claims_page = links.page_url("claims.md")
        lines += [
            f"Each claim's status is shown with it on the [claims page]({claims_page}#claims_page).",
            "",
        ]
    return lines


def sources(links: Links) -> str:
    """Every source: its kind, publisher, date, reliability and links."""
    return sections(links.briefing.sources, lambda source: _source(source, links), "sources")


def _source(source: Source, links: Links) -> str:
    facts = [f"*{md.capitalised(source.kind.value.replace('-', ' '))}*"]
    if source.publisher:
        facts.append(f"published by {links.name_or_link(source.publisher)}")
    if source.contributors:
        facts.append("with " + ", ".join(links.name_or_link(name) for name in source.contributors))
    if source.published:
        facts.append(md.date(source.published))
    lines = [links.heading(2, md.plain(source.title), source), "", ", ".join(facts) + ".", ""]
    if source.reliability:
        grade = source.reliability
        lines += [f"**Reliability:** {grade.value}, {grade.words}.", ""]
    web = [
        md.link(label, url)
        for label, url in (("Read it", source.url), ("Archived copy", source.archive_url))
        if url
    ]
    if web:
        lines += [" · ".join(web), ""]
    if source.notes:
        lines += [md.prose(source.notes), ""]
    return "\n".join(lines)


def timeline(links: Links) -> str:
    """The events in date order, each with its actors, claims and sources."""
    events = sorted(links.briefing.events, key=lambda event: event.date.span)
    return sections(events, lambda event: _event(event, links), "events")


def _event(event: Event, links: Links) -> str:
    when = md.capitalised(md.date_range(event.date, event.end_date))
    lines = [links.heading(2, f"{when}: {md.plain(event.title)}", event), ""]
    if event.location:
        lines += [f"*{md.plain(event.location)}*", ""]
    if event.description:
        lines += [md.prose(event.description), ""]
    if event.actors:
        lines.append(f"- **Actors:** {links.all(event.actors)}")
    if event.claims:
        lines.append(f"- **Claims:** {links.all(event.claims)}")
    lines += [f"- **Sources:** {links.citations(event.sources)}", ""]
    return "\n".join(lines)
