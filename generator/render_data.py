"""The Data page: the briefing's exports, each linked, with what it holds and its format.

The page lies at ``data/index.md``, one folder down like every page of a site with directory addresses
(``data/``), so that its relative links reach the exports beside the site's home from the Markdown and from
the built page alike, whatever engine turns one into the other.
"""

from __future__ import annotations

from generator import render_text as md
from generator.dialect import heading
from generator.editions import History
from generator.export import FILES, FORMAT, VERSION
from generator.model import CATEGORY_TYPES
from generator.render_links import Links
from generator.render_sources import counted
from generator.vocabulary import Position

PAGE = ("data/index.md", "Data")
"""The Data page's path and title."""


def data_page(links: Links, history: History | None = None) -> str:
    """The Data page: ``briefing.json``, ``stances.csv`` and ``feed.xml``, each linked and described.

    With a history of recorded editions, it says that the JSON and the feed hold what each one changed.
    """
    lines = [
        "The briefing's facts as files, for spreadsheets, scripts and feed readers. Each is made with the "
        "site, so it holds what these pages show.",
        "",
    ]
    lines += _json(links, history) + _csv(links) + _feed(links, history)
    return "\n".join(lines)


def _download(links: Links, kind: str, format: str) -> str:
    name = FILES[kind]
    return f"{md.link(md.plain(name), links.page_url(name))}: {format}."


def _json(links: Links, history: History | None) -> list[str]:
    counts = [
        counted(links.count("sources"), "source", "sources"),
        counted(links.count("actors"), "actor", "actors"),
        counted(links.count("claims"), "claim", "claims"),
        counted(links.count("treaties"), "treaty", "treaties"),
        counted(links.count("questions"), "open question", "open questions"),
        counted(links.count("events"), "event", "events"),
    ]
    *keys, last = (md.code(key) for key in CATEGORY_TYPES)
    lines = [
        heading(2, "The whole briefing", "data_json"),
        "",
        _download(links, "json", "JSON, in UTF-8"),
        "",
        f"Every fact of the briefing, as its content files write it: under {md.code('briefing')} its title, "
        f"as-of date, bottom line, key takeaways, authors and updates; then its {', '.join(counts[:-1])} and "
        f"{counts[-1]}, each a list of records under {', '.join(keys)} and {last} (a treaty's terms "
        f"within it). Dates are written as in the content: {md.code('2024-11~')} is around November 2024.",
        "",
        f"Its {md.code('format')} is {md.code(FORMAT)} and its {md.code('version')} {VERSION}; the version "
        "changes only when a key's meaning changes or a key goes.",
        "",
    ]
    if history is not None:
        number = counted(len(history.editions), "recorded edition", "recorded editions")
        lines += [f"{md.code('history')} holds the {number}, newest first, with what each changed.", ""]
    return lines


def _csv(links: Links) -> list[str]:
    *positions, last = (md.code(position.value) for position in Position)
    return [
        heading(2, "The stance matrix", "data_csv"),
        "",
        _download(links, "csv", "CSV, in UTF-8, comma-separated, with a header row"),
        "",
        f"The stance matrix for a spreadsheet: a row for each claim, with its {md.code('claim')} id, "
        f"{md.code('title')} and {md.code('status')}; then a column for each actor taking a stance, headed "
        "by the actor's id, those taking the most stances first. A cell holds the actor's current position "
        f"on the claim ({', '.join(positions)} or {last}), or nothing when it takes none. It has "
        f"{counted(links.count('claims'), 'row', 'rows')} and "
        f"{counted(links.stance_takers(), 'actor column', 'actor columns')}.",
        "",
        "A title that a spreadsheet would take for a formula starts with an apostrophe, so that it is shown "
        "rather than run.",
        "",
    ]


def _feed(links: Links, history: History | None) -> list[str]:
    updates = counted(len(links.info.updates), "update", "updates")
    changed = ", and for each recorded edition what it changed" if history is not None else ""
    return [
        heading(2, "Updates", "data_atom"),
        "",
        _download(links, "atom", "an Atom feed, in XML"),
        "",
        "For a feed reader, to follow the briefing: an entry for each update, newest first, with its date "
        f"and text{changed}, linked to the site. It holds {updates}.",
        "",
    ]
