"""Reference data an import checks against, loaded once per import (no query per value)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from ..models import (
    Bundesland,
    Jobcenter,
    PartnerType,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from ..reference import term_slug


class TermLookup:
    """Finds a row by name or slug, ignoring case and spelling of umlauts, from one query."""

    def __init__(self, rows: Iterable[Any], *, names: Callable[[Any], Iterable[str]]):
        self.rows = list(rows)
        self.by_key: dict[str, Any] = {}
        self.by_slug: dict[str, Any] = {}
        for row in self.rows:
            for key in names(row):
                self.by_key.setdefault(key.casefold(), row)
            self.by_slug.setdefault(row.slug, row)

    def find(self, value: str) -> Any | None:
        value = value.strip()
        return self.by_key.get(value.casefold()) or self.by_slug.get(term_slug(value))


class BundeslandLookup:
    def __init__(self):
        self.rows = list(Bundesland.objects.all())
        self.by_key: dict[str, Bundesland] = {}
        for row in self.rows:
            for key in (row.code, row.name, term_slug(row.name)):
                self.by_key[key.casefold()] = row

    def find(self, value: str) -> Bundesland | None:
        value = value.strip()
        return self.by_key.get(value.casefold()) or self.by_key.get(term_slug(value))

    def allowed(self) -> str:
        codes = ", ".join(sorted(row.code for row in self.rows))
        return _("%(codes)s or the full name of the Land") % {"codes": codes}


def term_names(row) -> tuple[str, str]:
    return (row.name, row.slug)


@dataclass
class NewJobcenter:
    """A Jobcenter named in the file but not in the directory; created when the plan is written."""

    name: str
    slug: str
    bundesland: Bundesland
    record: int


class Lookups:
    def __init__(self):
        self.statuses = TermLookup(PracticeStatus.objects.all(), names=term_names)
        self.topics = TermLookup(Topic.objects.all(), names=term_names)
        self.target_groups = TermLookup(TargetGroup.objects.all(), names=term_names)
        self.phases = TermLookup(ProcessPhase.objects.all(), names=term_names)
        self.partner_types = TermLookup(PartnerType.objects.all(), names=term_names)
        self.bundeslaender = BundeslandLookup()
        self.jobcenters = TermLookup(
            Jobcenter.objects.select_related("bundesland"), names=term_names
        )
        self.jobcenter_slugs = {row.slug for row in self.jobcenters.rows}
        self.new_jobcenters: dict[str, NewJobcenter] = {}


def allowed(lookup: TermLookup) -> str:
    return ", ".join(row.name for row in lookup.rows)
