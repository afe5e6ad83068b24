"""The page a project's docs folder holds in place of the briefing's, for engines that run no plugin.

Zensical, pointed at ``mkdocs.yml``, ignores the ``briefing`` plugin, which writes every page of the site,
and would build an empty site and report success. ``docs/index.md`` therefore holds this page, which says
what to run instead; the plugin, when it runs, leaves it out and puts the briefing's overview in its place.
It is known by its front matter, so a hand-written ``docs/index.md`` is still refused rather than dropped.
"""

from __future__ import annotations

from pathlib import Path

PATH = "index.md"
"""Where the placeholder lies in the docs folder: the site's home page, which any engine builds first."""
MARK = "briefing_placeholder: true"
"""The front matter line that makes a page the placeholder."""
PAGE = f"""\
---
{MARK}
---

# This site is built by the briefing plugin

This page stands in for the briefing's pages, which the `briefing` plugin writes while MkDocs or ProperDocs
builds the site. The site was built without it: the engine that built it runs no plugins (Zensical does
not), or `mkdocs.yml` no longer lists it under `plugins`.

To build the briefing's site, run one of these in the project's folder:

- `briefing build`, which builds it with MkDocs and the plugin;
- `properdocs build` or `mkdocs build`;
- for Zensical: `briefing render --out rendered`, then `zensical build` in the folder `rendered`, which
  holds the pages, the data files and a `zensical.toml`.
"""
"""What the placeholder says, as ``briefing init`` writes it into ``docs/index.md``."""


def is_placeholder(path: Path) -> bool:
    """Whether the file is the placeholder: its front matter holds ``MARK``."""
    try:
        with path.open(encoding="utf-8") as file:
            head = [file.readline().strip() for _ in range(3)]
    except (OSError, UnicodeDecodeError):
        return False
    return head[0] == "---" and MARK in head[1:]
