"""Where a page's source lands on the built site, and how one address reaches another.

The rules MkDocs and Zensical share: with directory URLs (the default), ``claims.md`` is served at
``claims/`` and ``data/index.md`` at ``data/``, as ``claim/x/index.html`` is at ``claim/x/``; without, at
``claims.html`` and ``data/index.html``. Any other file keeps its path. Links written as raw HTML (which no
engine rewrites), the claims' own pages and the ClaimReviews' absolute addresses are made with these.
"""

from __future__ import annotations

import posixpath

MARKDOWN = ".md"
SHARE_FOLDER = "claim"
"""Where the claims' own pages are (``claim/<id>/``): beside ``claims/``, which no claim's id can reach."""


def url_of(path: str, directory_urls: bool = True) -> str:
    """The address of a source file, relative to the site's root (``""`` for the home page)."""
    if not path.endswith(MARKDOWN):
        folder, _, name = path.rpartition("/")
        return f"{folder}/" if directory_urls and name == "index.html" and folder else path
    stem = path[: -len(MARKDOWN)]
    folder, _, name = stem.rpartition("/")
    if not directory_urls:
        return f"{stem}.html"
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def relative(url: str, from_url: str) -> str:
    """``url`` as a link from the page at ``from_url`` (both relative to the site's root)."""
    here = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    shown = posixpath.relpath(url or ".", here.rstrip("/") or ".")
    if url.endswith("/") and shown != ".":
        shown += "/"
    return "./" if shown == "." else shown


def absolute(site_url: str, url: str) -> str:
    """An address on the published site: ``site_url`` (``https://owner.github.io/repo/``), then ``url``."""
    return site_url.rstrip("/") + "/" + url


def share_path(claim_id: str) -> str:
    """Where a claim's own page is among the site's files."""
    return f"{SHARE_FOLDER}/{claim_id}/index.html"
