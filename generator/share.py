"""What a shared link shows: the site's description, and a page per claim that previews it.

Link previews (OpenGraph, Twitter cards) are made from a page's ``<head>``, never from a part of a page, so a
claim's own address, ``claim/<id>/``, is a small page whose head describes the claim and which sends the
reader on to the claim where the site shows it.
"""

from __future__ import annotations

from html import escape

from generator.export import prose_text
from generator.model import Briefing, Claim

SHARE_FOLDER = "claim"
"""Where the claims' own pages are (``claim/<id>/``): beside ``claims/``, which no claim's id can reach."""
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


def share_path(claim: Claim) -> str:
    """Where a claim's own page is among the site's files."""
    return f"{SHARE_FOLDER}/{claim.id}/index.html"


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
