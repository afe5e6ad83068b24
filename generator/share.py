"""What a shared link shows: the site's description, and a page per claim that previews it.

Link previews (OpenGraph, Twitter cards) are made from a page's ``<head>``, never from a part of a page, so a
claim's own address, ``claim/<id>/``, is a small page whose head describes the claim and which sends the
reader on to the claim where the site shows it.
"""

from __future__ import annotations

from html import escape

from generator.addresses import absolute, relative, share_path, url_of
from generator.export import prose_text
from generator.model import Briefing, Claim
from generator.render_layout import Layout

DESCRIPTION_LENGTH = 200
"""About how many characters a description may take: link previews cut longer ones."""


def description(briefing: Briefing) -> str:
    """The briefing in a sentence or two, as plain text: its subtitle, or the start of its summary."""
    if briefing.info.subtitle:
        return briefing.info.subtitle
    return shortened(prose_text(briefing.info.summary).split("\n\n")[0])


def shortened(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """The text, cut at a word before ``length`` characters with an ellipsis when longer."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[: length - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def claim_pages(briefing: Briefing, layout: Layout, site_url: str | None, language: str) -> dict[str, str]:
    """Every claim's own page, by its path among the site's files (``claim/<id>/index.html``)."""
    pages = {}
    for claim in briefing.claims:
        path = share_path(claim.id)
        shown = url_of(layout.page(claim), layout.directory_urls)
        own = absolute(site_url, url_of(path, layout.directory_urls)) if site_url else None
        pages[path] = claim_page(claim, briefing, f"{relative(shown, path)}#{claim.id}", own, language)
    return pages


def claim_page(claim: Claim, briefing: Briefing, target: str, own_url: str | None, language: str) -> str:
    """A claim's own page: its title, status and statement in the head, and a link on to ``target``.

    ``target`` is the claim's place on the site, relative to this page; ``own_url`` the page's absolute
    address, when the site has one.
    """
    title = escape(f"{claim.title} - {briefing.info.title}")
    summary = escape(shortened(f"{claim.status.value.capitalize()}: {prose_text(claim.statement)}"))
    to = escape(target)
    meta = [
        ("og:type", "article"),
        ("og:site_name", escape(briefing.info.title)),
        ("og:title", escape(claim.title)),
        ("og:description", summary),
    ]
    if own_url:
        meta.append(("og:url", escape(own_url)))
    head = "\n".join(f'<meta property="{name}" content="{value}">' for name, value in meta)
    return f"""<!doctype html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<meta name="description" content="{summary}">
{head}
<meta name="twitter:card" content="summary">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={to}">
</head>
<body>
<p><a href="{to}">{escape(claim.title)}</a></p>
</body>
</html>
"""
