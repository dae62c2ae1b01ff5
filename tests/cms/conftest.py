"""Fixtures of the editorial review tests: a magazine issue under review and two editors."""

import pytest

from cms.accounts.groups import EDITORS, groups_sync
from tests.cms.magazine_helpers import magazine_index, make_issue
from tests.factories import create_user


@pytest.fixture
def review_issue(home):
    """Issue 7 of the magazine, under the review workflow the groups sync installs."""
    groups_sync()
    return make_issue(magazine_index(home), number=7)


@pytest.fixture
def editor_a(db):
    return create_user(EDITORS, username="redakteurin.a")


@pytest.fixture
def editor_b(db):
    return create_user(EDITORS, username="redakteur.b")
