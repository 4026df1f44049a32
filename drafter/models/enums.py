"""The domain's enums: item/update status (with severity and :func:`worst`), audience, output
format, artefact kind and delegation levels."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    """Status of an item or of the whole update. Order of severity: done < on_track < ... < off_track."""

    DONE = "done"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BLOCKED = "blocked"
    OFF_TRACK = "off_track"

    @property
    def severity(self) -> int:
        return _SEVERITY[self]

    @property
    def label(self) -> str:
        """Human label: 'on track', 'at risk', ..."""
        return self.value.replace("_", " ")


_SEVERITY = {
    Status.DONE: 0,
    Status.ON_TRACK: 1,
    Status.AT_RISK: 2,
    Status.BLOCKED: 3,
    Status.OFF_TRACK: 4,
}


def worst(statuses) -> Status:
    """The most severe status of ``statuses`` (``on_track`` for an empty list)."""
    statuses = list(statuses)
    if not statuses:
        return Status.ON_TRACK
    return max(statuses, key=lambda s: s.severity)


class Audience(str, Enum):
    BOSS = "boss"
    TEAM = "team"
    CLIENT = "client"


class OutputFormat(str, Enum):
    MARKDOWN = "markdown"
    TEXT = "text"
    SLACK = "slack"
    EMAIL = "email"
    JSON = "json"


class ArtefactKind(str, Enum):
    UPDATE = "update"
    OPTIONS = "options"
    DELEGATE = "delegate"


class DecisionRights(str, Enum):
    """Delegation levels (D6), from least to most autonomy."""

    RESEARCH_AND_REPORT = "research and report"
    RECOMMEND = "recommend"
    DECIDE_AND_INFORM = "decide and inform"
    ACT_ALONE = "act alone"
