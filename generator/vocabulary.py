"""The content format's vocabulary: each enumeration's values are spelt as in YAML."""

from __future__ import annotations

import enum


class SourceKind(enum.Enum):
    """What kind of source a source is."""

    NEWS_REPORT = "news-report"
    OFFICIAL_STATEMENT = "official-statement"
    INTELLIGENCE_ASSESSMENT = "intelligence-assessment"
    STATE_MEDIA = "state-media"
    IMAGERY = "imagery"
    DOCUMENT = "document"
    SOCIAL_MEDIA = "social-media"
    OTHER = "other"


class Reliability(enum.Enum):
    """The Admiralty grade of a source's reliability."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def words(self) -> str:
        """The grade in words."""
        return _RELIABILITY_WORDS[self.value]


_RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}


class ActorKind(enum.Enum):
    """What kind of actor an actor is."""

    STATE = "state"
    GOVERNMENT = "government"
    AGENCY = "agency"
    MILITARY = "military"
    INTELLIGENCE = "intelligence"
    PERSON = "person"
    MEDIA = "media"
    ORGANIZATION = "organization"
    GROUP = "group"


class ClaimStatus(enum.Enum):
    """How far a claim has been verified."""

    UNVERIFIED = "unverified"
    UNVERIFIABLE = "unverifiable"
    CORROBORATED = "corroborated"
    CONFIRMED = "confirmed"
    DISPUTED = "disputed"
    REFUTED = "refuted"
    SUPERSEDED = "superseded"


class Qualifier(enum.Enum):
    """How a stated quantity relates to its number."""

    EXACTLY = "exactly"
    ABOUT = "about"
    MORE_THAN = "more-than"
    LESS_THAN = "less-than"
    UP_TO = "up-to"
    AT_LEAST = "at-least"


class EvidenceKind(enum.Enum):
    """What kind of evidence an evidence item is."""

    SATELLITE_IMAGERY = "satellite-imagery"
    PHOTO = "photo"
    VIDEO = "video"
    DOCUMENT = "document"
    TESTIMONY = "testimony"
    INTERCEPT = "intercept"
    OTHER = "other"


class Likelihood(enum.Enum):
    """Estimative language for how likely a claim is to be true."""

    ALMOST_NO_CHANCE = "almost-no-chance"
    VERY_UNLIKELY = "very-unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN = "roughly-even"
    LIKELY = "likely"
    VERY_LIKELY = "very-likely"
    ALMOST_CERTAIN = "almost-certain"


class Confidence(enum.Enum):
    """How much confidence the briefing has in its own judgment."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


class Position(enum.Enum):
    """An actor's public position on a claim."""

    ASSERTS = "asserts"
    SUPPORTS = "supports"
    HINTS = "hints"
    NEITHER = "neither"
    DECLINES = "declines"
    DISPUTES = "disputes"
    DENIES = "denies"


class TreatyStatus(enum.Enum):
    """Where a treaty stands."""

    NEGOTIATED = "negotiated"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in-force"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"


class QuestionStatus(enum.Enum):
    """How far an open question has been answered."""

    OPEN = "open"
    PARTLY_ANSWERED = "partly-answered"
    ANSWERED = "answered"
