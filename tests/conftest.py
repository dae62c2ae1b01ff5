import pytest
from django.core.management import call_command

from tests.factories import create_user, site_home


@pytest.fixture
def home(db):
    return site_home()


@pytest.fixture
def demo(db):
    """The full demo content, as `make run` shows it."""
    site_home()
    call_command("load_demo", verbosity=0)


@pytest.fixture
def staff_user(db):
    from cms.accounts.groups import STAFF

    return create_user(STAFF, username="netzwerk")


@pytest.fixture
def editor(db):
    from cms.accounts.groups import EDITORS

    return create_user(EDITORS, username="redakteurin")


@pytest.fixture
def library(home):
    from tests.factories.practices import practice_index

    return practice_index()
