"""Reading URLs and numbers, whose library parsers raise on odd text, into a value or a reason in words.

``urllib.parse`` raises on brackets and normalisation tricks in a host, ``int()`` on more than 4,300 digits,
and ``float()`` turns ``1e999`` into infinity. The validator asks here first, so that any text whatever
ends as a value or as a located problem, never as an exception.
"""

from __future__ import annotations

import ipaddress
import re
import sys
import unicodedata
from urllib.parse import urlsplit

LARGEST_NUMBER = sys.float_info.max
"""The largest a number may be in size, about 1.8e308: what a JSON reader can hold."""
INTEGER = re.compile(r"[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)")
"""An integer as YAML 1.2's core schema writes one: ``12``, ``-3``, ``0o17``, ``0x1F``."""
DECIMAL = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
"""A decimal number as YAML 1.2's core schema writes one (finite ones only: no ``.inf``, no ``.nan``)."""
_HTTP = re.compile(r"[hH][tT][tT][pP][sS]?://")
_AUTHORITY_END = re.compile(r"[/?#]")
_BRACKETED_HOST = re.compile(r"\[([^\[\]]*)\](?::(.*))?")
_NETLOC_DELIMITERS = "/?#@:"  # what a host's characters must not turn into under NFKC normalisation
_INTEGER_DIGITS = 400  # far more than any number up to LARGEST_NUMBER needs, in any base YAML writes


def http_authority(text: str) -> str | None:
    """The authority (``user@host:port``) of text in the form of an http or https URL, or None if not one."""
    match = _HTTP.match(text)
    if match is None:
        return None
    return _AUTHORITY_END.split(text[match.end() :], 1)[0] or None


def url_problem(text: str) -> str | None:
    """Why text with an ``http_authority`` is not a valid URL, or None when it is one.

    The reason reads after "is not a valid URL: ".
    """
    for character in text:
        if not character.isprintable() or character.isspace():
            name = unicodedata.name(character, "a control character")
            code = f"U+{ord(character):04X}"
            return f"the character {code} ({name}) cannot be part of a URL; remove it or percent-encode it"
    authority = http_authority(text) or ""
    host_and_port = authority.rpartition("@")[2]
    reason = _host_problem(host_and_port) or _normalisation_problem(authority)
    if reason is not None:
        return reason
    try:
        urlsplit(text)
    except ValueError as error:  # a rule of Python's URL parser that the checks above do not know
        return f"Python's URL parser refuses it ({error})"
    return None


def _host_problem(host_and_port: str) -> str | None:
    """Why a URL's host and port are not valid, or None."""
    if "[" in host_and_port or "]" in host_and_port:
        match = _BRACKETED_HOST.fullmatch(host_and_port)
        if match is None or not _is_ipv6(match.group(1)):
            return "square brackets in a host hold an IPv6 address only, as in https://[2001:db8::1]/"
        host, port = match.group(1), match.group(2) or ""
    else:
        host, _, port = host_and_port.partition(":")
    if not host:
        return "it has no host; write one after the '//', as in https://example.org/"
    if port and not (port.isascii() and port.isdigit() and len(port) <= 5 and int(port) <= 65535):
        shown = port if len(port) <= 12 else port[:9] + "..."
        return f"its port '{shown}' is not a number from 0 to 65535"
    return None


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def _normalisation_problem(authority: str) -> str | None:
    """Why a URL's user name or host could lead elsewhere once Unicode-normalised, or None.

    A full-width number sign (U+FF03) reads as ``#``, a U+2100 ACCOUNT OF as ``a/c``.
    """
    if authority.isascii():
        return None
    user, _, host = authority.rpartition("@")
    for part, text in (("user name", user), ("host", host)):
        for character in text:
            normalised = unicodedata.normalize("NFKC", character)
            if normalised != character and any(delimiter in normalised for delimiter in _NETLOC_DELIMITERS):
                name = unicodedata.name(character, "a character")
                return (
                    f"its {part} has the character U+{ord(character):04X} ({name}), which reads as "
                    f"'{normalised}' once normalised; remove it"
                )
    return None


class NumberTooLarge(ValueError):
    """A number larger in size than LARGEST_NUMBER."""


def read_number(text: str) -> int | float | None:
    """A number written as YAML 1.2's core schema writes one, or None when the text is not one.

    Raise NumberTooLarge for a number larger in size than LARGEST_NUMBER.
    """
    if INTEGER.fullmatch(text):
        value: int | float | None = _integer(text)
    elif DECIMAL.fullmatch(text):
        value = float(text)
    else:
        return None
    if value is None or abs(value) > LARGEST_NUMBER:
        raise NumberTooLarge(text)
    return value


def _integer(text: str) -> int | None:
    """An integer in INTEGER's form, or None when it has far more digits than LARGEST_NUMBER has."""
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    base = {"0x": 16, "0o": 8}.get(body[:2], 10)
    digits = (body[2:] if base != 10 else body).lstrip("0") or "0"
    return sign * int(digits, base) if len(digits) <= _INTEGER_DIGITS else None
