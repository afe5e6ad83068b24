"""Building the site with MkDocs, strictly, and publishing it whole or not at all.

MkDocs builds into its site folder in place: a build that fails half-way leaves half a site. Here the site is
built into a staging folder beside the target; only a build that succeeded replaces the previous site, by
renaming, and a failed one is deleted, leaving the previous site exactly as it was.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

log = logging.getLogger("mkdocs.plugins.briefing")


class SiteError(Exception):
    """The site could not be built; the message says why (the details were logged as they came)."""


def build_site(config_file: Path, content: Path, site_dir: Path | None = None) -> Path:
    """Build the site strictly from the briefing in ``content``; return where it was published."""
    _show_mkdocs_log()
    try:
        config = load_config(str(config_file), strict=True)
    except (Abort, ConfigurationError) as error:
        raise SiteError(str(error)) from None
    if "briefing" not in config.plugins:
        raise SiteError(f"{config_file} does not use the 'briefing' plugin")
    config.plugins["briefing"].config.content_dir = str(content.resolve())
    target = (site_dir or Path(config.site_dir)).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    config.site_dir = str(staging)
    try:
        build(config)
    except Abort as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise SiteError(str(error)) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    publish(staging, target)
    log.info(f"Published the site to {target}")
    return target


def publish(staging: Path, target: Path) -> None:
    """Put a built site in place of the previous one: moved aside, replaced, then deleted."""
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # a temporary folder is private; a site is not
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.previous-", dir=target.parent))
        target.rename(previous / target.name)
    staging.rename(target)
    if previous is not None:
        shutil.rmtree(previous)


def _show_mkdocs_log() -> None:
    """Show MkDocs' messages as ``mkdocs build`` does, once however often a build runs in this process."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    if not any(isinstance(handler, _StderrHandler) for handler in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)


if TYPE_CHECKING:
    _StreamHandler = logging.StreamHandler[TextIO]
else:  # subscriptable at run time only from Python 3.11
    _StreamHandler = logging.StreamHandler


class _StderrHandler(_StreamHandler):
    """Writes to whatever standard error is when a message comes, not when the handler was made."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass
