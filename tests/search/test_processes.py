"""The text a document's vector is computed from is the same in every process.

A stored vector is reused while the hash of that text matches (pushes, ``search_index
rebuild``). Python orders a set of strings differently in each process, so a text built from
one would change with every restart of the site or run of a command: the rebuild would then
write such documents without their vectors, and the drift report would call them stale.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from search import indexing
from search.registry import builder_for
from tests.factories.processes import child_environment, manage

from .helpers import create_practice

# Enough types that their order in a set is never their order of entry by chance.
PARTNER_TYPES = (
    "wissenschaft",
    "kommune",
    "schuldnerberatung",
    "arbeitgeber",
    "krankenkasse",
    "bildungstraeger",
    "jugendamt",
)

PUBLISH = f"""
from search.indexing import outbox_push
from tests.factories import site_home
from tests.factories.practices import practice_index
from tests.search.helpers import create_practice

site_home()
create_practice(
    practice_index(),
    "Netzwerk gegen Überschuldung",
    teaser="Viele Partner beraten gemeinsam.",
    partner_types={PARTNER_TYPES!r},
)
result = outbox_push()
assert result.pending == 0 and not result.error, result
"""


def in_process(database: Path, seed: int, *args: str) -> subprocess.CompletedProcess:
    """``manage.py *args`` on ``database`` in a process of its own, with its own hash seed."""
    environment = child_environment(
        drop=("ELASTICSEARCH_URL",),
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONHASHSEED=str(seed),
    )
    return manage(*args, environment=environment, timeout=300)


@pytest.mark.django_db
def test_a_practice_names_its_partner_types_in_the_order_of_its_partners(library):
    from practices.models import PartnerType

    page = create_practice(library, "Netzwerk gegen Überschuldung", partner_types=PARTNER_TYPES)
    names = dict(PartnerType.objects.values_list("slug", "name"))
    partners = [partner.partner_type.slug for partner in page.partners.order_by("sort_order")]

    (entry,) = indexing.iter_entries_of(builder_for(page))

    assert entry.keywords.endswith(" ".join(names[slug] for slug in partners))


@pytest.mark.django_db  # for the migrated test database the copy is made of
def test_a_rebuild_in_another_process_reuses_the_vectors(migrated_sqlite_file, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_sqlite_file, database)
    published = in_process(database, 1, "shell", "-c", PUBLISH)
    assert published.returncode == 0, published.stderr

    rebuilt = in_process(database, 2, "search_index", "rebuild")
    status = in_process(database, 3, "search_index", "status")

    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "no vector" not in rebuilt.stdout, rebuilt.stdout
    assert status.returncode == 0, status.stdout + status.stderr
    assert "No drift" in status.stdout
