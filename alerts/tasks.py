"""Background tasks of saved searches (Django tasks API, see ``cms.mail.services``)."""

from django_tasks import task


@task()
def send_page_alerts(page_id: int) -> int:
    """Mail the immediate saved searches that find the page published a moment ago."""
    from search.indexing import elasticsearch_enabled, outbox_push

    from .services import alerts_for_page

    if elasticsearch_enabled():
        # The searches must see the new page: bring Elasticsearch up to the outbox first (a
        # no-op when the index push after the same commit already ran).
        outbox_push(max_batches=1, respect_backoff=True)
    return alerts_for_page(page_id=page_id)
