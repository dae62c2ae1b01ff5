import functools

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.bulk import pages_bulk_create
from practices.models import (
    PartnerType,
    PracticeFigure,
    PracticePage,
    PracticePartner,
    PracticeStatus,
    TargetGroup,
    Topic,
)
from tests.factories.practices import create_jobcenter, create_practice

pytestmark = pytest.mark.django_db
INDEX = "/praxisbeispiele/"


@functools.cache
def term(model, slug: str):
    return model.objects.get(slug=slug)


@pytest.fixture(autouse=True)
def forget_terms():
    yield
    term.cache_clear()


def build_practice(title: str, *, topic: str = "sucht", jobcenter=None, **fields) -> PracticePage:
    page = PracticePage(
        title=title,
        teaser="Ein erprobter Ansatz aus dem Jobcenter.",
        status=term(PracticeStatus, "laufend"),
        body=[("approach", "<p>Fallkonferenzen mit der Suchtberatung.</p>")],
        supra_regional=jobcenter is None,
        **fields,
    )
    page.topics = [term(Topic, topic)]
    page.target_groups = [term(TargetGroup, "alleinerziehende")]
    if jobcenter is not None:
        page.jobcenters = [jobcenter]
        page.bundeslaender = [jobcenter.bundesland]
    page.partners = [
        PracticePartner(partner_type=term(PartnerType, "suchtberatung"), name="Caritas")
    ]
    page.figures = [PracticeFigure(label="Teilnehmende", value="1.900")]
    return page


def card_links(response) -> dict[str, str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        link.get_text(strip=True): link["href"] for link in soup.select(".practice-card__title a")
    }


class TestPagesBulkCreate:
    def test_bulk_practices_are_listed_filtered_and_open(self, client, library):
        jobcenter = create_jobcenter("Jobcenter Hagen", "NW")
        pages_bulk_create(
            parent=library,
            pages=[
                build_practice("Sucht und Arbeit", jobcenter=jobcenter),
                build_practice("Schulden im Blick", topic="schulden"),
            ],
        )

        everything = card_links(client.get(INDEX))
        addiction = card_links(client.get(INDEX, {"handlungsfeld": "sucht"}))
        detail = client.get(addiction["Sucht und Arbeit"])

        assert set(everything) == {"Sucht und Arbeit", "Schulden im Blick"}
        assert list(addiction) == ["Sucht und Arbeit"]
        assert addiction["Sucht und Arbeit"] == "/praxisbeispiele/sucht-und-arbeit/"
        assert detail.status_code == 200
        soup = BeautifulSoup(detail.content, "html.parser")
        assert soup.h1.get_text(strip=True) == "Sucht und Arbeit"
        assert "Jobcenter Hagen" in [link.get_text(strip=True) for link in soup.select("dd a")]
        assert soup.select_one(".figure__value").get_text(strip=True) == "1.900"
        assert "Caritas" in soup.get_text()

    def test_tree_stays_consistent_for_pages_added_afterwards(self, client, library):
        create_practice("Vorher", slug="vorher")
        bulk = pages_bulk_create(
            parent=library, pages=[build_practice(f"Ansatz {n}") for n in range(3)]
        )

        after = create_practice("Nachher", slug="nachher")

        library.refresh_from_db()
        paths = [page.path for page in library.get_children()]
        assert paths == sorted(paths) and len(set(paths)) == 5
        assert [page.title for page in library.get_children()][-1] == "Nachher"
        assert library.numchild == 5
        assert after.path == Page._get_path(library.path, library.depth + 1, 5)
        assert bulk[0].get_parent().pk == library.pk
        assert Page.find_problems() == ([], [], [], [], [])
        assert client.get("/praxisbeispiele/nachher/").status_code == 200

    def test_slugs_are_unique_among_siblings(self, library):
        create_practice("Lotsen", slug="lotsen")

        pages = pages_bulk_create(
            parent=library,
            pages=[build_practice("Lotsen"), build_practice("Lotsen"), build_practice("Mobil")],
        )

        assert [page.slug for page in pages] == ["lotsen-1", "lotsen-2", "mobil"]
        assert sorted(library.get_children().values_list("url_path", flat=True)) == [
            "/home/praxisbeispiele/lotsen-1/",
            "/home/praxisbeispiele/lotsen-2/",
            "/home/praxisbeispiele/lotsen/",
            "/home/praxisbeispiele/mobil/",
        ]

    def test_query_count_does_not_grow_with_the_number_of_pages(self, library):
        jobcenter = create_jobcenter()
        few = [build_practice(f"Wenig {n}", jobcenter=jobcenter) for n in range(10)]
        many = [build_practice(f"Viel {n}", jobcenter=jobcenter) for n in range(1_000)]

        with CaptureQueriesContext(connection) as for_few:
            pages_bulk_create(parent=library, pages=few)
        with CaptureQueriesContext(connection) as for_many:
            pages_bulk_create(parent=library, pages=many)

        assert len(for_many) == len(for_few) <= 15
        assert PracticePage.objects.count() == 1_010
        assert PracticePage.topics.through.objects.count() == 1_010
        assert PracticePartner.objects.count() == 1_010
        assert Page.find_problems() == ([], [], [], [], [])

    def test_pages_of_different_classes_are_refused(self, library):
        with pytest.raises(ValueError):
            pages_bulk_create(parent=library, pages=[build_practice("A"), Page(title="B")])


class TestChangesBatched:
    """Bulk work (the demo, imports) indexes each changed object once, when the block ends."""

    @staticmethod
    def references(page) -> list[tuple]:
        from wagtail.models import ReferenceIndex

        return sorted(
            ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                "to_content_type", "to_object_id", "model_path"
            )
        )

    def test_search_and_references_follow_once_when_the_block_ends(self):
        from django.db import transaction
        from wagtail.models import ReferenceIndex

        from cms.bulk import changes_batched
        from search.models import IndexOutbox, SearchDocument

        with transaction.atomic(), changes_batched():
            page = create_practice(
                "Suchtberatung im Tandem", partners=[("suchtberatung", "Diakonie Schwelm")]
            )
            page.title = "Suchtberatung im Tandem mit der Diakonie"
            page.save_revision().publish()
            # Nothing yet: the practice, its revisions and its partner row wait for the end.
            assert not SearchDocument.objects.filter(object_id=str(page.pk)).exists()
            assert self.references(page) == []

        document = SearchDocument.objects.get(model="practices.practicepage", object_id=page.pk)
        assert document.title == "Suchtberatung im Tandem mit der Diakonie"
        assert IndexOutbox.objects.filter(object_id=str(page.pk)).count() == 1
        # The partner row's reference is recorded under its page, as Wagtail records it.
        batched = self.references(page)
        partner_type = term(PartnerType, "suchtberatung")
        assert (
            ContentType.objects.get_for_model(PartnerType).pk,
            str(partner_type.pk),
            "partners.item.partner_type",
        ) in batched
        ReferenceIndex.create_or_update_for_object(page)
        assert self.references(page) == batched

    def test_a_deleted_object_leaves_no_references_and_no_document(self):
        from django.db import transaction
        from wagtail.models import ReferenceIndex

        from cms.bulk import changes_batched
        from search.models import SearchDocument

        page = create_practice("Mobil im Kreis", partners=[("kommune", "Kreis Soest")])
        assert self.references(page)
        with transaction.atomic(), changes_batched():
            page.title = "Mobil im Kreis Soest"
            page.save_revision().publish()
            pk = page.pk
            page.delete()

        assert not ReferenceIndex.objects.filter(object_id=str(pk)).exists()
        assert not SearchDocument.objects.filter(object_id=str(pk)).exists()

    def test_an_inline_row_or_a_plain_page_saved_alone_reindexes_the_page(self):
        from django.db import transaction
        from wagtail.models import Page, ReferenceIndex

        from cms.bulk import changes_batched

        page = create_practice("Mobil im Kreis", partners=[("kommune", "Kreis Soest")])
        kommune, kasse = term(PartnerType, "kommune"), term(PartnerType, "krankenkasse")
        partner_type = ContentType.objects.get_for_model(PartnerType).pk
        path = "partners.item.partner_type"
        assert (partner_type, str(kommune.pk), path) in self.references(page)

        with transaction.atomic(), changes_batched():
            partner = page.partners.get()
            partner.partner_type = kasse
            partner.save()

        assert (partner_type, str(kasse.pk), path) in self.references(page)
        assert (partner_type, str(kommune.pk), path) not in self.references(page)

        ReferenceIndex.objects.filter(object_id=str(page.pk)).delete()
        with transaction.atomic(), changes_batched():
            Page.objects.get(pk=page.pk).save()

        assert (partner_type, str(kasse.pk), path) in self.references(page)

    def test_a_failed_block_leaves_nothing_even_when_the_caller_goes_on(self):
        from django.db import transaction

        from cms import bulk
        from search.models import IndexOutbox

        class Stop(Exception):
            pass

        with transaction.atomic():
            try:
                with bulk.changes_batched():
                    create_practice("Abgebrochen")
                    raise Stop
            except Stop:
                pass  # the caller carries on: its transaction must not keep the practice
            assert transaction.get_rollback()

        assert not PracticePage.objects.filter(title="Abgebrochen").exists()
        assert not IndexOutbox.objects.exists()
        assert getattr(bulk._changed, "references", None) is None
        # Outside a block, saves index at once again.
        page = create_practice("Danach", partners=[("kommune", "Stadt Hamm")])
        assert IndexOutbox.objects.filter(object_id=str(page.pk)).exists()
        assert self.references(page)

    @pytest.mark.django_db(transaction=True)
    def test_outside_a_transaction_it_refuses_to_start(self):
        from django.db import transaction

        from cms.bulk import changes_batched

        with pytest.raises(transaction.TransactionManagementError), changes_batched():
            create_practice("Ohne Transaktion")

        assert not PracticePage.objects.filter(title="Ohne Transaktion").exists()
