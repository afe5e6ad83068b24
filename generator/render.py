"""The briefing's pages as Markdown: one page a category, each entity a section anchored at its id.

No MkDocs here: the same pages are handed to MkDocs by the plugin and written to disk by ``briefing render``
for any other Markdown site engine. Every reference is a link, every date is shown at its precision, and
every piece of content text goes through ``generator.render_text``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator import (
    export,
    render_data,
    render_entities,
    render_history,
    render_matrix,
    render_sources,
    render_timeline,
    share,
)
from generator import render_text as md
from generator.addresses import absolute
from generator.dialect import anchored, bullet, emphasis, heading, link, span, strong
from generator.drafts import with_line
from generator.editions import Edition, History
from generator.errors import BriefingError, Problem
from generator.findable import Findable, findables
from generator.model import Briefing, Claim, Update
from generator.render_guide import guide
from generator.render_layout import NO_TOPIC_NAME, NO_TOPIC_PAGE, EditUrl, Layout
from generator.render_links import Links
from generator.render_reads import Written
from generator.render_terms import term_badge
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
    meta: dict[str, Any] = field(default_factory=dict)
    """What the theme shows around the content and engines read of the page, as front matter gives it:
    ``briefing`` (its ``as_of`` date and ``feed``), ``title``, ``claim_reviews``, ``search`` and ``hide``."""

    @property
    def source(self) -> str:
        """The page as a Markdown file: its metadata as YAML front matter, then its content."""
        if not self.meta:
            return self.markdown
        front = yaml.safe_dump(self.meta, allow_unicode=True, sort_keys=False, width=1_000_000)
        return f"---\n{front}---\n\n{self.markdown}"


PAGES = (
    ("index.md", "Overview"),
    ("claims.md", "Claims"),
    ("stances.md", "Stance matrix"),
    ("actors.md", "Actors"),
    ("treaties.md", "Treaty terms"),
    ("questions.md", "Open questions"),
    ("timeline.md", "Timeline"),
    ("sources.md", "Sources"),
    ("guide.md", "How to read this briefing"),
    render_data.PAGE,
)
"""Every page, in the order of the navigation."""


SEARCH_BOOSTS = {"actors.md": 3}
"""Pages whose sections a search ranks higher: a name or alias typed most often seeks an actor."""
SEARCHED_WHOLE = {"index.md", "guide.md", render_data.PAGE[0]}
"""The pages whose every section the search should hold: the others show entities, each found by itself
(``Site.findables``), and lists of entities shown elsewhere."""
NOT_SEARCHED = {"stances.md"}
"""Pages left out of the search index: the matrix only repeats claims' titles and actors' names."""
WIDE = {"stances.md"}
"""Pages shown without the table of contents beside them: the stance matrix needs the width."""


def render_pages(
    briefing: Briefing,
    edit: EditUrl | None = None,
    history: History | None = None,
    *,
    site_url: str | None = None,
    directory_urls: bool = True,
    written: Written[Page] | None = None,
) -> list[Page]:
    """Every page of the briefing, in navigation order; then, for many claims, a page for each topic.

    With ``edit``, each entity links to where its file can be edited. With a ``history`` of recorded
    editions, the Changes page follows the overview, and the claims the latest edition changed are marked.
    With the ``site_url`` the site is published at, each page with claims carries their ClaimReviews.
    Given the pages ``written`` last time, a page is written again only when what it shows has changed.
    """
    return _pages(briefing, Layout(briefing, edit, directory_urls), history, site_url, written)


@dataclass(frozen=True)
class Site:
    """Everything the briefing adds to a site, whichever engine builds it."""

    pages: list[Page]
    """Its pages, as ``render_pages`` gives them."""
    exports: dict[str, str]
    """The data files beside them (``briefing.json``...), by path."""
    claim_pages: dict[str, str]
    """Each claim's own page (``claim/<id>/index.html``), by path."""
    findables: list[Findable]
    """Each entity as a search finds it, where the engine's search can be given entries of its own: then
    only the pages in ``SEARCHED_WHOLE`` need be searched whole."""


def render_site(
    briefing: Briefing,
    edit: EditUrl | None = None,
    history: History | None = None,
    *,
    site_url: str | None = None,
    directory_urls: bool = True,
    language: str = "en",
    written: Written[Page] | None = None,
) -> Site:
    """The pages, the data files and the claims' own pages; ``language`` when the briefing names none.

    Given the pages ``written`` last time, only those whose content changed are written again.
    """
    layout = Layout(briefing, edit, directory_urls)
    return Site(
        pages=_pages(briefing, layout, history, site_url, written),
        exports=export.files(briefing, site_url, history),
        claim_pages=share.claim_pages(briefing, layout, site_url, briefing.info.language or language),
        findables=findables(briefing, layout),
    )


def _pages(
    briefing: Briefing,
    layout: Layout,
    history: History | None,
    site_url: str | None,
    written: Written[Page] | None,
) -> list[Page]:
    history = history if history is not None and history.editions else None
    if written is not None:
        written.start()
    render = functools.partial(_parts, briefing=briefing, layout=layout, site_url=site_url, written=written)
    writers: dict[str, Callable[[Links], str]] = {
        "index.md": functools.partial(overview, history=history),
        "claims.md": functools.partial(claims_index, history=history)
        if layout.topics
        else functools.partial(render_entities.claims, editions=history),
        "stances.md": render_matrix.matrix_index if layout.topics else render_matrix.matrix,
        "actors.md": render_entities.actors,
        "treaties.md": render_entities.treaties,
        "questions.md": render_entities.questions,
        "timeline.md": render_timeline.page,
        "sources.md": render_sources.page,
        "guide.md": guide,
        render_data.PAGE[0]: functools.partial(render_data.data_page, history=history),
    }
    pages = []
    for path, title in PAGES:
        heading_text = briefing.info.title if path == "index.md" else title
        pages += render(path, title, heading_text, writers[path])
    if history is not None:
        path, title = render_history.PAGE
        pages[1:1] = render(
            path, title, title, functools.partial(render_history.changes_page, history=history)
        )
    for path, (topic, claims) in layout.topics.items():
        write = functools.partial(_topic, claims=claims, history=history)
        heading_text = f"Claims: {topic}" if path != NO_TOPIC_PAGE else "Claims without a topic"
        pages += render(path, heading_text, heading_text, write, in_nav=False)
    return pages


def _meta(page: Page, links: Links, site_url: str | None) -> dict[str, Any]:
    """What the theme and the engine take from a page's metadata (``Page.meta``)."""
    meta: dict[str, Any] = {"briefing": {"feed": export.FILES["atom"]}}
    if page.path != "index.md":  # the overview says its as-of date itself, and is titled by the site's name
        meta["briefing"] = {"as_of": md.date(links.info.as_of), **meta["briefing"]}
        meta["title"] = page.heading
    if site_url:
        address = absolute(site_url, links.address)
        reviews = [
            export.claim_review(claim, links, f"{address}#{claim.id}") for claim in links.claims_here()
        ]
        if reviews:
            meta["claim_reviews"] = reviews
    first = links.part(page.path)[0]
    if first in SEARCH_BOOSTS:
        meta["search"] = {"boost": SEARCH_BOOSTS[first]}
    if page.path in NOT_SEARCHED:
        meta["search"] = {"exclude": True}
    if page.path in WIDE:
        meta["hide"] = ["toc"]
    return meta


def problem_pages(error: BriefingError, paths: Iterable[str]) -> list[Page]:
    """While the briefing is served and invalid: its problems, on the overview and at each page's address.

    Whichever page the browser shows, it reloads to the list of problems, and back to the briefing once
    they are fixed; only the overview is in the navigation.
    """
    count = len(error.problems)
    heading_text = f"The briefing has {count:,} problem{'s' * (count != 1)}"
    items = "\n".join(_problem_item(problem) for problem in error.problems)
    markdown = (
        f"# {md.plain(heading_text)} {{#problems}}\n\n"
        "The site shows the briefing again once they are fixed: this page reloads when a content file is "
        f"saved.\n\n{items}\n"
    )
    everywhere = dict.fromkeys([path for path, _ in PAGES] + list(paths))
    return [Page(path, "Problems", heading_text, markdown, in_nav=path == "index.md") for path in everywhere]


def _problem_item(problem: Problem) -> str:
    """A problem as the list shows it; a YAML syntax error with the line it is on, as written."""
    message, written = with_line(problem.message)
    shown = f" {md.code(written)}" if written is not None else ""
    return bullet(f"{md.code(str(problem.location))}: {md.plain(message)}{shown}")


def _parts(
    path: str,
    title: str,
    heading: str,
    write: Callable[[Links], str],
    in_nav: bool = True,
    *,
    briefing: Briefing,
    layout: Layout,
    site_url: str | None,
    written: Written[Page] | None,
) -> list[Page]:
    """A page, or the pages its entities are spread over when too many for one: only the first in the nav.

    Each as written before when the pages ``written`` hold it, and it would be written the same.
    """
    paths = layout.parts.get(path, [path])
    pages = []
    for number, part in enumerate(paths, start=1):
        shown = f"{heading} ({number} of {len(paths)})" if number > 1 else heading
        titled = f"{title} ({number} of {len(paths)})" if number > 1 else title
        links = Links(briefing, layout, part)
        make = functools.partial(_page, part, titled, shown, links, write, in_nav and number == 1, site_url)
        if written is None:
            pages.append(make())
        else:
            key = (titled, shown, write, in_nav, site_url, layout.edit, layout.directory_urls)
            pages.append(written.page(part, key, links.reads, make, briefing, layout))
    return pages


def _pager(links: Links) -> str:
    """The line linking each of the pages a category's entities are spread over, or nothing."""
    first, number, count = links.part(links.path)
    if count == 1:
        return ""
    pages = [
        strong(str(index)) if index == number else link(str(index), links.page_url(path))
        for index, path in enumerate(links.parts(first), start=1)
    ]
    return span("briefing-pages", f"Page {number} of {count}: {' · '.join(pages)}")


def _page(
    path: str,
    title: str,
    heading: str,
    links: Links,
    write: Callable[[Links], str],
    in_nav: bool,
    site_url: str | None,
) -> Page:
    body = write(links).rstrip()
    pager = _pager(links)
    if pager:
        body = f"{pager}\n\n{body}\n\n{pager}"
    notes = links.notes()
    markdown = f"# {md.plain(heading)} {{#{_page_anchor(path)}}}\n\n{body}\n"
    if notes:
        markdown += f"\n{notes}\n"
    page = Page(path, title, heading, markdown, in_nav)
    page.meta.update(_meta(page, links, site_url))
    return page


def _topic(links: Links, claims: list[Claim], history: History | None = None) -> str:
    """A topic's page: the stance matrix of its claims, then the claims."""
    claims = list(links.shown(claims))
    matrix = render_matrix.matrix(links, claims)
    return "\n\n".join(
        [
            heading(2, "Stance matrix", render_matrix.TOPIC_MATRIX),
            matrix,
            render_entities.claims(links, claims, history),
        ]
    )


def claims_index(links: Links, history: History | None = None) -> str:
    """The claims page when claims have a page per topic: each topic's page, then every claim by status.

    Each claim is listed with its topic; the overview's count of each status links here. Each claim's id
    is an anchor here too, so that links to ``claims/#id`` still land. With a history, the claims the
    latest edition added or changed are marked. Too many claims to list on one page go on further pages.
    """
    lines = []
    if links.first_part:
        lines += [f"The {links.count('claims'):,} claims are on a page for each topic.", ""]
        lines += [heading(2, "Topics", "claims_topics"), ""]
        for path, topic, count in links.topic_sizes():
            number = f"{count:,} claim{'s' * (count != 1)}"
            anchor = "topic_" + path.removeprefix("claims/").removesuffix(".md").replace("-", "_")
            lines.append(
                bullet(f"{anchored(link(md.plain(topic), links.page_url(path)), anchor)} ({number})")
            )
        lines.append("")
    lines += [heading(2, "Claims by status", "claims_by_status"), ""]
    lines += _status_lists(
        links,
        history,
        lambda claim: f"{anchored(links.to(claim.id), claim.id)} · {md.plain(_topic_name(claim))}",
    )
    return "\n".join(lines)


def _topic_name(claim: Claim) -> str:
    """The name of a claim's topic, as its page is titled."""
    return NO_TOPIC_NAME if claim.topic is None else claim.topic


def _mark(links: Links, history: History | None, claim: str) -> str:
    """The mark of a claim the latest recorded edition added or changed, after its link; or nothing."""
    return render_history.changed_mark(links, history, claim) if history is not None else ""


def _page_anchor(path: str) -> str:
    return path.removesuffix(".md").replace("/", "_") + "_page"  # an underscore: no entity id can take it


def overview(links: Links, history: History | None = None) -> str:
    """The overview: the briefing at a glance, then the bottom line, key takeaways, claims and updates.

    At a glance, before any prose: the as-of date, the claims counted by status, each count linked to its
    claims, and the latest update. With a history, each update of a recorded edition links to what it
    changed, and the claims the latest edition added or changed are marked.
    """
    info = links.info
    lines = []
    if info.subtitle:
        lines += [emphasis(md.plain(info.subtitle)), ""]
    if info.authors:
        lines += [f"By {md.plain(', '.join(info.authors))}.", ""]
    lines += [*_glance(links, history), ""]
    lines += [heading(2, "Bottom line", "bottom_line"), "", md.prose(info.summary), ""]
    if info.key_takeaways:
        lines += [heading(2, "Key takeaways", "key_takeaways"), ""]
        for takeaway in info.key_takeaways:
            claims = f" ({links.all(takeaway.claims)})" if takeaway.claims else ""
            lines.append(bullet(f"{md.prose_inline(takeaway.text)}{claims}"))
        lines.append("")
    lines += _claims_by_status(links, history)
    if info.updates:
        lines += [heading(2, "Updates", "briefing_updates"), ""]
        editions = history.of_updates(info.updates) if history else [None] * len(info.updates)
        lines += [bullet(_update(links, *pair)) for pair in zip(info.updates, editions, strict=True)]
    return "\n".join(lines)


def _glance(links: Links, history: History | None) -> list[str]:
    """What a reader comes for, as a list above the prose.

    The as-of date, the claims counted by status (each count linked to the claims of that status), and the
    latest update with a link to all of them.
    """
    info = links.info
    lines = [bullet(f"Information as of {strong(md.date(info.as_of))}.")]
    counts = links.status_counts()
    if not counts:
        lines.append(bullet(f"{_label('Claims')} none yet"))
    else:
        lines.append(bullet(_label("Claims by status")))
        for status in (status for status in ClaimStatus if counts[status]):
            chip = f"{counts[status]:,} {status.value}"
            chip = span(f"briefing-count briefing-count--{status.value}", chip)
            page = links.page_url(links.status_page[status]) if links.topic_sizes() else ""
            lines.append(bullet(link(chip, f"{page}#{status_anchor(status)}"), depth=1))
    if info.updates:
        newest = max(range(len(info.updates)), key=lambda index: (info.updates[index].date.span, -index))
        edition = history.of_updates(info.updates)[newest] if history else None
        update = _update(links, info.updates[newest], edition)
        if len(info.updates) > 1:
            update += f"<br>[All {len(info.updates)} updates](#briefing_updates)"
        lines.append(bullet(f"{_label('Latest update')} {update}"))
    return lines


def _label(text: str) -> str:
    """The label of a line of the glance."""
    return span("briefing-glance", md.plain(text))


def _update(links: Links, update: Update, edition: Edition | None) -> str:
    """An update: its date and text, and a link to what its edition changed when it is a recorded one's."""
    changes = ""
    if edition is not None:
        url = f"{links.page_url(render_history.PAGE[0])}#{render_history.anchor(edition)}"
        changes = f" ({md.link('what changed', url)})"
    return f"{strong(md.date(update.date))}: {md.prose_inline(update.text)}{changes}"


def status_anchor(status: ClaimStatus) -> str:
    """The anchor of where the claims of a status are listed (an underscore: no entity id can take it).

    On the overview, or on the claims page when claims have a page per topic.
    """
    return f"claims_{status.value}"


def _claims_by_status(links: Links, history: History | None) -> list[str]:
    """Each status's claims under its count, or, when claims have a page per topic, where they are listed."""
    if not links.has("claims"):
        return []
    lines = [heading(2, "Claims by status", "claims_by_status"), ""]
    if links.topic_sizes():
        url = f"{links.page_url('claims.md')}#claims_by_status"
        count = links.count("claims")
        return [*lines, f"The {count:,} claims are listed by status on the [claims page]({url}).", ""]
    return [*lines, *_status_lists(links, history, lambda claim: links.to(claim.id))]


def _status_lists(links: Links, history: History | None, item: Callable[[Claim], str]) -> list[str]:
    """For each status the briefing's claims have, its badge and count, anchored, then its claims' items.

    Only the claims this page shows: a status whose claims began on the page before is said to go on.
    """
    counts = links.status_counts()
    by_status: dict[ClaimStatus, list[Claim]] = {}
    for claim in links.shown_of(Claim):
        by_status.setdefault(claim.status, []).append(claim)
    lines = []
    for status in (status for status in ClaimStatus if status in by_status):
        shown = by_status[status]
        number = f"{counts[status]:,} claim{'s' * (counts[status] != 1)}"
        badge = term_badge(links, status)
        if links.status_page.get(status, links.path) == links.path:
            lines += [f"{badge} {anchored(strong(number), status_anchor(status))}", ""]
        else:
            lines += [f"{badge} {strong(number)}, continued", ""]
        lines += [bullet(f"{item(claim)}{_mark(links, history, claim.id)}") for claim in shown] + [""]
    return lines
