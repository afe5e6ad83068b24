"""Prose: paragraphs of inline Markdown whose links may only lead to the web or to an e-mail address."""

from __future__ import annotations

import re

LINK_SCHEMES = ("http://", "https://", "mailto:")
"""The link targets prose may use, as a target must start."""

_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_INLINE_LINK = re.compile(
    r"(?<!\\)\[(?:[^\[\]\\]|\\.)*\]"  # [text], brackets inside escaped
    r"\(\s*(<[^<>\n]*>|[^\s()<]*(?:\([^\s()]*\)[^\s()<]*)*)"  # (target, possibly in <> or with balanced ()
)


def link_targets(text: str) -> list[str]:
    """Return the target of every inline link in the text, in order; code spans hold no links."""
    without_code = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), text)
    targets = []
    for match in _INLINE_LINK.finditer(without_code):
        target = match.group(1)
        if target.startswith("<"):
            target = target[1:-1]
        targets.append(target)
    return targets


def allowed_target(target: str) -> bool:
    """Whether a link target is one prose may use."""
    lowered = target.lower()
    return any(lowered.startswith(scheme) and len(lowered) > len(scheme) for scheme in LINK_SCHEMES)
