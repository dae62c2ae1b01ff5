from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Synonym(models.Model):
    """Words the Redaktion declares equivalent; applied to every search at query time."""

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_(
            "One term per line (or separated by commas), e.g. Bürgergeld, Arbeitslosengeld II, "
            "ALG II, Hartz IV. A search for any of them finds all of them."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]

    class Meta:
        ordering = ["pk"]
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")

    def __str__(self) -> str:
        return ", ".join(self.term_list)

    @property
    def term_list(self) -> list[str]:
        raw = self.terms.replace("\n", ",").replace("↔", ",")
        return [term.strip() for term in raw.split(",") if term.strip()]

    def clean(self) -> None:
        if len(self.term_list) < 2:
            raise ValidationError({"terms": _("Please give at least two equivalent terms.")})


class IndexOutbox(models.Model):
    """A change of indexed content not yet applied to the search index.

    Written in the transaction of the change itself and removed only once the index has it,
    so a change made while Elasticsearch is away is applied by the next push or
    ``search_index sync``. The row names the object only: the push reads its current state
    (or finds it gone) and therefore never applies a stale or out-of-order version.
    """

    model = models.CharField(_("model"), max_length=100)
    object_id = models.CharField(_("object ID"), max_length=64)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The database index got the change in the transaction that wrote the row.
    database_done = models.BooleanField(default=False)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("search index change")
        verbose_name_plural = _("search index changes")

    def __str__(self) -> str:
        return f"{self.model}:{self.object_id}"


class SearchDocument(models.Model):
    """The database backend's index: one row per indexed object, already analysed.

    The analysed columns (``title_exact`` … ``parts``, see ``analysis.py``) hold
    space-separated terms (padded with a space at both ends); the engine's full-text index
    over them (``fts.py``) answers the term tests.
    """

    doc_id = models.CharField(max_length=80, unique=True)
    doc_type = models.CharField(max_length=20, db_index=True)
    model = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    title = models.CharField(max_length=300)
    teaser = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateTimeField(null=True, blank=True, db_index=True)
    # Changes whenever anything stored of the entry changes (``IndexEntry.fingerprint``):
    # ``search_index status`` compares it with the content to find stale documents.
    fingerprint = models.CharField(max_length=40, blank=True)
    title_exact = models.TextField(blank=True)
    title_stems = models.TextField(blank=True)
    exact = models.TextField(blank=True)
    stems = models.TextField(blank=True)
    parts = models.TextField(blank=True)
    bundeslaender = models.JSONField(default=list)
    # Multiplies the relevance (``IndexEntry.rank``).
    rank = models.FloatField(default=1.0)

    class Meta:
        indexes = [
            # The search reads only id, date and rank of every matched document: from this
            # index, never from the wide rows (see ``backends/database.py``).
            models.Index(fields=["id", "date", "rank"], name="search_doc_id_date"),
        ]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return self.doc_id


class SearchFacetValue(models.Model):
    """One filter value of a document (e.g. topic = sucht), for filters and facet counts."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=120)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "facet", "value"], name="search_facet_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchLocation(models.Model):
    """One place of a document (``IndexEntry.locations``), for the distance search."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="locations")
    latitude = models.FloatField()
    longitude = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude", "document"])]

    def __str__(self) -> str:
        return f"{self.latitude:.5f} {self.longitude:.5f}"


class SearchAudience(models.Model):
    """One audience token of a document (``cms.access``): who may find it."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="audience")
    token = models.CharField(max_length=60)

    class Meta:
        indexes = [models.Index(fields=["token", "document"])]
        constraints = [
            models.UniqueConstraint(fields=["document", "token"], name="search_audience_uniq")
        ]

    def __str__(self) -> str:
        return self.token


class SearchEmbedding(models.Model):
    """The meaning of an indexed document as a vector (``embeddings.py``).

    ``content_hash`` covers the embedded text and the model: while it matches the document's
    current text the vector is reused (pushes, ``search_index rebuild``) and never computed
    again.
    """

    doc_id = models.CharField(max_length=80, unique=True)
    content_hash = models.CharField(max_length=40)
    model = models.CharField(max_length=80)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("search embedding")
        verbose_name_plural = _("search embeddings")

    def __str__(self) -> str:
        return self.doc_id


class SearchTerm(models.Model):
    """A word of the index vocabulary (as the analysis writes it into ``exact``), with the
    number of documents it occurs in: where "Meinten Sie …?" corrections come from."""

    term = models.CharField(max_length=100, unique=True)
    length = models.PositiveSmallIntegerField()
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            # Candidates of a correction: a few lengths, and a range of words with the same
            # first letter within each (``corrections.database_candidates``).
            models.Index(fields=["length", "term"], name="search_term_length_term"),
        ]
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")

    def __str__(self) -> str:
        return self.term


class SearchLogEntry(models.Model):
    """One search as the Redaktion's report sees it: no user, no session, no address.

    Deleted after ``SEARCH_LOG_RETENTION_DAYS`` (``search_log_purge``).
    """

    query = models.CharField(_("query"), max_length=200, db_index=True)
    results = models.PositiveIntegerField(_("results"))
    # How many of the results contain the query's words; the others were found by meaning
    # alone. Empty for entries written before this was counted.
    word_results = models.PositiveIntegerField(
        _("results with the search words"), null=True, blank=True
    )
    # Whether the searcher was signed in: their results differ, their identity is not kept.
    member = models.BooleanField(_("signed in"), default=False)
    created_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)
    clicked_rank = models.PositiveSmallIntegerField(_("rank of the first click"), null=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log entries")

    def __str__(self) -> str:
        return self.query
