from types import SimpleNamespace

import pytest

from cms.accounts.groups import EDITORS, MODERATORS, STAFF
from forum.permissions import ensure_default_permissions
from tests.factories import create_user

from .helpers import create_category, restrict_category

REGIONAL = "Regionalgruppe Nordrhein-Westfalen"


@pytest.fixture
def forum(db):
    """An open category, one limited to the regional group, and a member of every kind."""
    ensure_default_permissions()
    open_category = create_category(
        "Gesundheit und Sucht", description="Gesundheit, Suchtberatung und Integration."
    )
    restricted = create_category(REGIONAL, slug="regionalgruppe-nrw")
    restrict_category(restricted, deny=STAFF, grant=REGIONAL)
    return SimpleNamespace(
        open=open_category,
        restricted=restricted,
        staff=create_user(STAFF, username="maria.schulz", display_name="Maria Schulz"),
        regional=create_user(STAFF, REGIONAL, username="anna.berger", display_name="Anna Berger"),
        other_regional=create_user(
            STAFF, REGIONAL, username="jens.fischer", display_name="Jens Fischer"
        ),
        moderator=create_user(MODERATORS, username="moderation", display_name="Moderation Forum"),
        editor=create_user(EDITORS, username="redaktion", display_name="Redaktion"),
        outsider=create_user(username="ohne.gruppe", display_name="Ohne Gruppe"),
    )
