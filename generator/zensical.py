"""What ``briefing render`` writes: the whole site's sources, so that ``zensical build`` needs nothing else.

Zensical runs no MkDocs plugin, so everything the plugin gives MkDocs is in the rendered folder instead: the
pages with their metadata (front matter), the exports and the claims' own pages under ``docs/``; the theme's
templates and stylesheet under ``theme/``, as Material overrides; and in ``zensical.toml`` the navigation, the
site's name and description and the search's word separator. The theme is copied rather than named (Zensical
can load ``briefing`` by name from the installed package too), so that the folder builds wherever Zensical is
installed, and because Zensical copies a named theme's ``mkdocs_theme.yml`` into the site.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from generator.editions import History
from generator.mkdocs_pages import SEARCH_SEPARATOR
from generator.model import Briefing
from generator.render import Page, render_site
from generator.share import description
from generator.theme_folder import FOLDER

CONFIG = "zensical.toml"
"""The configuration's name, in the folder ``briefing render`` writes."""
DOCS = "docs"
"""Where the pages and the files beside them go, in that folder."""
THEME = "theme"
"""Where the theme's templates and stylesheet go, in that folder: Zensical's ``custom_dir``."""
THEME_FILES = ("main.html", "assets/stylesheets/briefing.css")
"""The theme's files, by their path in its folder: all but ``mkdocs_theme.yml``, which Zensical would copy
into the site (its ``extends: material`` is what ``name = "material"`` says here)."""
FEATURES = ("content.footnote.tooltips", "navigation.top", "search.highlight", "toc.follow")
"""The theme's features, as ``briefing init`` sets them in ``mkdocs.yml``."""


def site_sources(briefing: Briefing, history: History, site_url: str | None) -> dict[str, str]:
    """Every file of the rendered folder, by its path there: the pages, the files beside them, the config."""
    site = render_site(briefing, history=history, site_url=site_url)
    files = {page.path: page.source for page in site.pages} | site.exports | site.claim_pages
    sources = {f"{DOCS}/{path}": text for path, text in files.items()}
    sources |= {f"{THEME}/{path}": (FOLDER / path).read_text(encoding="utf-8") for path in THEME_FILES}
    return sources | {CONFIG: config(briefing, site.pages, site_url)}


def config(briefing: Briefing, pages: Iterable[Page], site_url: str | None) -> str:
    """``zensical.toml`` for the rendered pages: the same site as ``mkdocs.yml`` with the plugin gives."""
    nav = ",\n".join(f"  {{ {_string(page.title)} = {_string(page.path)} }}" for page in pages if page.in_nav)
    lines = [
        "# Written by briefing render, with the pages under docs/: build the site with 'zensical build'.",
        "# Rendering again replaces it only while it is unchanged: to change it, build from a copy",
        "# with 'zensical build --config-file COPY'.",
        "[project]",
        f"site_name = {_string(briefing.info.title)}",
        f"site_description = {_string(description(briefing))}",
        *([f"site_url = {_string(site_url)}"] if site_url else []),
        f'docs_dir = "{DOCS}"',
        'site_dir = "site"',
        "use_directory_urls = true",
        f"nav = [\n{nav},\n]",
        "",
        "[project.theme]",
        'name = "material"',
        f'custom_dir = "{THEME}"  # the briefing\'s stylesheet, as-of line, feed link and ClaimReviews',
        'variant = "classic"  # Material\'s look, as the MkDocs build has it',
        f"language = {_string(briefing.info.language or 'en')}",
        "font = false  # the system's fonts: no request leaves for a font host",
        f"features = [{', '.join(_string(feature) for feature in FEATURES)}]",
        "",
        "[[project.theme.palette]]",
        'media = "(prefers-color-scheme: light)"',
        'scheme = "default"',
        'toggle = { icon = "material/weather-night", name = "Switch to dark mode" }',
        "",
        "[[project.theme.palette]]",
        'media = "(prefers-color-scheme: dark)"',
        'scheme = "slate"',
        'toggle = { icon = "material/weather-sunny", name = "Switch to light mode" }',
        "",
        "[project.extra]",
        'generator = false  # no "Made with" link',
        "",
        "[project.plugins.search]",
        f"separator = {_string(SEARCH_SEPARATOR)}",
        "",
        "# Exactly these, as the pages are written for them: Zensical's defaults would turn 1/2 into ½.",
        "[project.markdown_extensions]",
        "attr_list = {}",
        "footnotes = {}",
        "tables = {}",
        "toc = { permalink = true }",
    ]
    return "\n".join(lines) + "\n"


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, and TOML escapes what JSON does, and DEL."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
