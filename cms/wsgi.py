import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()


def _load_search_words() -> None:
    # The compound splitter's word list (a quarter of a million nouns) and the embedding
    # model's tokenizer and graph would otherwise be read by each worker's first search.
    # Loaded here, gunicorn's `preload_app` reads them once in the master and the forked
    # workers share them; management commands and tests never import this module, so they
    # load them only when they search.
    from search import embeddings
    from search.compounds import word_list

    word_list()
    embeddings.preload()


_load_search_words()
