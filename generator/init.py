"""``briefing init DIR``: a new briefing project, with nothing of any other story in it.

It holds ``mkdocs.yml``, a commented ``content/briefing.yml`` to fill in (title, as_of, summary), the category
folders, an empty folder for the author's own theme overrides (the theme comes with the package), editor
settings with the content format's JSON Schemas (in ``.briefing/schemas``, which ``briefing check`` then
specialises to the briefing's ids), the GitHub Pages workflow and a ``.gitignore``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import generator
from generator import placeholder
from generator.command_line import EXIT_OK, EXIT_USAGE
from generator.files import write_new
from generator.find import CATEGORY_FOLDERS
from generator.scaffold import briefing_template

OVERRIDES = Path(generator.__file__).resolve().parent / "OVERRIDES.md"
"""What the project's ``site_theme/README.md`` says: how to override the installed theme's files."""
SCHEMAS = Path(generator.__file__).resolve().parent / "schemas"
"""The content format's JSON Schemas, shipped with the package."""
SCHEMA_FOLDER = ".briefing/schemas"
"""Where the editor settings find the schemas, which ``briefing check`` and ``serve`` keep fresh."""

MKDOCS_YML = """\
# The briefing's title replaces site_name, and its summary is the site's description: fill in
# content/briefing.yml rather than this file.
site_name: New briefing
docs_dir: docs
# The published address, so that the sitemap, canonical links, the feed and the 404 page work under a project
# path (https://owner.github.io/repository/). The Pages workflow sets SITE_URL; a local build leaves it unset.
site_url: !ENV SITE_URL

theme:
  name: briefing  # Material for MkDocs with the briefing's stylesheet, as-of line and feed link
  custom_dir: site_theme  # your own overrides, if any: see site_theme/README.md
  language: en
  font: false  # the system's fonts: no request leaves for a font host
  features:
    - content.footnote.tooltips  # a cited quote shown on hovering or tapping its note's number
    - navigation.top
    - search.highlight
    - toc.follow
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle:
        icon: material/weather-night
        name: Switch to dark mode
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle:
        icon: material/weather-sunny
        name: Switch to light mode

plugins:
  - material/search  # Material's search, which the theme's search box uses
  - briefing:
      content_dir: content

markdown_extensions:
  - attr_list
  - footnotes
  - tables
  - toc:
      permalink: true
"""

PAGES_WORKFLOW = """\
# Builds the briefing site strictly and publishes it on GitHub Pages, on every push to main.
# Switch it on once: the repository's Settings > Pages > Build and deployment > Source: "GitHub Actions".
# It installs the briefing generator from requirements.txt: put there where your machines get it from.
name: Publish the briefing

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:  # one publication at a time; a newer push waits for the one under way
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v7
      - uses: actions/setup-python@v7
        with:
          python-version: "3.12"
      - id: pages
        uses: actions/configure-pages@v6
      - name: Build strictly
        env:
          SITE_URL: ${{ steps.pages.outputs.base_url }}/  # the sitemap, canonical links, feed and 404 page
        run: |
          export SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"  # the same commit gives the same site
          python -m venv .venv
          .venv/bin/pip install -q -r requirements.txt
          .venv/bin/briefing check
          .venv/bin/briefing build --site-dir site
      - uses: actions/upload-pages-artifact@v5
        with:
          path: site

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
"""

REQUIREMENTS = """\
# The briefing generator, for the Pages workflow: replace the line below with where it is installed from
# (a git address such as briefing-site @ git+https://github.com/OWNER/REPOSITORY, or a version).
briefing-site
"""

GITIGNORE = "site/\n.venv/\n.briefing/\n"


class Refused(Exception):
    """The folder cannot hold a new project: the message says why."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``briefing init`` to the command line."""
    init = commands.add_parser(
        "init",
        help="start a new briefing project in a new or empty folder",
        description=(
            "Write a new briefing project into DIR (made if missing; refused if not empty): mkdocs.yml, a "
            "commented content/briefing.yml to fill in, the category folders, a folder for theme overrides, "
            "editor settings, the GitHub Pages workflow and a .gitignore."
        ),
    )
    init.add_argument("folder", metavar="DIR", help="the new project's folder")
    init.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Write the project and say what to do next; 2 for a folder that is not empty."""
    folder = Path(arguments.folder)
    try:
        written = init_project(folder)
    except Refused as refused:
        print(f"briefing init: {refused}", file=sys.stderr)
        return EXIT_USAGE
    shown = folder.as_posix()
    print(f"wrote a new briefing project in {shown}: {', '.join(written)}")
    print(
        f"next: fill in title, as_of and summary in {shown}/content/briefing.yml, add entities with "
        f"'briefing new CATEGORY ID --content {shown}/content', then "
        f"'briefing build --config {shown}/mkdocs.yml --content {shown}/content'"
    )
    return EXIT_OK


def init_project(folder: Path) -> list[str]:
    """Write a new project into the folder (made if missing); return what was written, by name."""
    if os.path.lexists(folder) and not folder.is_dir():
        raise Refused(f"{folder.as_posix()} is a file; give a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise Refused(
            f"{folder.as_posix()} is not empty; give a new or empty folder (nothing in it is changed)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "mkdocs.yml": MKDOCS_YML,
        "content/briefing.yml": briefing_template(),
        **{f"content/{category}/.gitkeep": "" for category in CATEGORY_FOLDERS},
        "docs/index.md": placeholder.PAGE,
        "site_theme/README.md": OVERRIDES.read_text(encoding="utf-8"),
        ".vscode/settings.json": _editor_settings(),
        ".github/workflows/pages.yml": PAGES_WORKFLOW,
        "requirements.txt": REQUIREMENTS,
        ".gitignore": GITIGNORE,
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        write_new(folder / name, text)
    (folder / SCHEMA_FOLDER).mkdir(parents=True)
    for schema in sorted(SCHEMAS.glob("*.schema.json")):
        write_new(folder / SCHEMA_FOLDER / schema.name, schema.read_text(encoding="utf-8"))
    named = ["mkdocs.yml", "content/", "docs/", "site_theme/", ".vscode/", ".briefing/"]
    return [*named, ".github/workflows/pages.yml", "requirements.txt", ".gitignore"]


def _editor_settings() -> str:
    """VS Code's settings: each content file checked against its schema, YAML indented with spaces."""
    schemas = {f"./{SCHEMA_FOLDER}/briefing.schema.json": ["content/briefing.yml", "content/briefing.yaml"]}
    for category in CATEGORY_FOLDERS:
        globs = [f"content/{category}/**/*.yml", f"content/{category}/**/*.yaml"]
        schemas[f"./{SCHEMA_FOLDER}/{category}.schema.json"] = globs
    settings = {
        "yaml.schemas": schemas,
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.format.enable": False,
        "files.associations": {"*.yml": "yaml"},
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False},
    }
    return json.dumps(settings, indent=2) + "\n"
