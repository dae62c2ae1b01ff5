import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()


def _load_search_words() -> None:
    # The compound splitter's word list (a quarter of a million nouns) would otherwise be read
    # by each worker's first search. Loaded here, gunicorn's `preload_app` reads it once in
    # the master and the forked workers share it; management commands and tests never import
    # this module, so they load it only when they search.
    from search.compounds import word_list

    word_list()


_load_search_words()
