"""The search suite's own page tree; the backend fixtures are in tests/conftest.py."""

import pytest

from tests.conftest import DEAD_URL

__all__ = ["DEAD_URL"]


@pytest.fixture
def library(home):
    """The practice index page, below the home page (that of the class's rows, if any)."""
    from .helpers import library_page

    return library_page()


@pytest.fixture
def lexical_only(settings):
    """The lexical half of the search alone: suites that pin down which documents contain the
    query's words (test_hybrid.py covers the fusion with the search by meaning)."""
    settings.SEARCH_HYBRID = False


@pytest.fixture
def es_requests(monkeypatch):
    """The endpoints (``_search``, ``_msearch``, …) of the requests this process sends to
    Elasticsearch, in order; the cluster still answers them."""
    from elastic_transport import Transport

    sent: list[str] = []
    perform = Transport.perform_request

    def recording(self, method, target, *args, **kwargs):
        sent.append(target.split("?")[0].rsplit("/", 1)[-1])
        return perform(self, method, target, *args, **kwargs)

    monkeypatch.setattr(Transport, "perform_request", recording)
    return sent
