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

    @property
    def definition(self) -> str:
        """What the grade says of a source, for a reader."""
        return _RELIABILITY_DEFINITIONS[self.value]


_RELIABILITY_WORDS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
_RELIABILITY_DEFINITIONS = {
    "A": "No doubt about the source's authenticity, trustworthiness or competence; it has a history of "
    "complete reliability.",
    "B": "Minor doubt about the source's authenticity, trustworthiness or competence; it has a history of "
    "valid information most of the time.",
    "C": "Doubt about the source's authenticity, trustworthiness or competence, but it has given valid "
    "information in the past.",
    "D": "Significant doubt about the source's authenticity, trustworthiness or competence, but it has given "
    "valid information in the past.",
    "E": "The source lacks authenticity, trustworthiness and competence; it has a history of invalid "
    "information.",
    "F": "There is no basis for judging the source's reliability.",
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

    @property
    def definition(self) -> str:
        """What the status means, for a reader."""
        return _STATUS_DEFINITIONS[self.value]


_STATUS_DEFINITIONS = {
    "unverified": "Reported, but not yet checked against an independent source: so far the briefing can "
    "neither confirm it nor rule it out.",
    "unverifiable": "It cannot be checked with the information available, and is unlikely ever to be: "
    "no independent source is in a position to confirm or refute it.",
    "corroborated": "Independent sources or evidence back it, though not enough to establish it beyond "
    "doubt.",
    "confirmed": "Established: independent sources and evidence agree, or those with direct knowledge "
    "acknowledge it.",
    "disputed": "Credible sources contradict each other on it, and the evidence does not settle which is "
    "right.",
    "refuted": "Shown to be false by credible sources or evidence.",
    "superseded": "Replaced by a later claim that revises it, such as a corrected figure: read that claim "
    "instead.",
}


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

    @property
    def definition(self) -> str:
        """What the likelihood means, for a reader."""
        return _LIKELIHOOD_DEFINITIONS[self.value]


_LIKELIHOOD_DEFINITIONS = {
    "almost-no-chance": "About a 1 to 5% chance that the claim is true: almost certainly false.",
    "very-unlikely": "About a 5 to 20% chance that the claim is true.",
    "unlikely": "About a 20 to 45% chance that the claim is true.",
    "roughly-even": "About a 45 to 55% chance that the claim is true: as likely true as not.",
    "likely": "About a 55 to 80% chance that the claim is true.",
    "very-likely": "About an 80 to 95% chance that the claim is true.",
    "almost-certain": "About a 95 to 99% chance that the claim is true.",
}


class Confidence(enum.Enum):
    """How much confidence the briefing has in its own judgment."""

    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"

    @property
    def definition(self) -> str:
        """What the confidence means, for a reader."""
        return _CONFIDENCE_DEFINITIONS[self.value]


_CONFIDENCE_DEFINITIONS = {
    "low": "The judgment rests on scant, fragmentary or doubtful information, or on sources that could not "
    "be checked; new information could easily change it.",
    "moderate": "The information is credible and plausible, but not of a quality or corroboration that would "
    "support a firmer judgment.",
    "high": "The judgment rests on good information from several sources; even so, it is a judgment, not a "
    "certainty.",
}


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

    @property
    def definition(self) -> str:
        """What the treaty's status means, for a reader."""
        return _TREATY_DEFINITIONS[self.value]


_TREATY_DEFINITIONS = {
    "negotiated": "Its text has been agreed by the negotiators but not yet signed.",
    "signed": "Signed on the parties' behalf, but not yet in force: ratification or another step is still "
    "needed.",
    "ratified": "Every party has approved it by its own procedure (by its parliament, for example); it binds "
    "them once it enters into force.",
    "in-force": "It binds its parties: ratified, and past the date or condition on which it takes effect.",
    "suspended": "Its parties, or one of them, have stopped applying it for now; it has not been ended.",
    "terminated": "It no longer binds its parties: ended by withdrawal, expiry or agreement.",
}


class QuestionStatus(enum.Enum):
    """How far an open question has been answered."""

    OPEN = "open"
    PARTLY_ANSWERED = "partly-answered"
    ANSWERED = "answered"

    @property
    def definition(self) -> str:
        """What the question's status means, for a reader."""
        return _QUESTION_DEFINITIONS[self.value]


_QUESTION_DEFINITIONS = {
    "open": "Nothing public answers it yet.",
    "partly-answered": "What has been reported answers part of it; the rest is still open.",
    "answered": "What has been reported answers it: the answer is given with its sources.",
}
