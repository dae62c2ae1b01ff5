"""Background tasks of the search index (Django tasks API, see ``cms.mail.services``)."""

from django_tasks import task


@task()
def push_index_changes() -> int:
    """Bring Elasticsearch up to the outbox after a commit; what fails waits for the next push
    or the scheduled ``search_index sync`` (``cms.schedule``)."""
    from .indexing import outbox_push

    return outbox_push(max_batches=1, respect_backoff=True).applied


@task()
def embed_documents(doc_ids: list[str]) -> int:
    """Compute the vectors of documents whose text changed and give them to Elasticsearch."""
    from .indexing import embed_documents as embed

    return embed(doc_ids=doc_ids)
