"""One service puts a practice's content onto its page, for the form, import, demo and tests."""

from datetime import date

import pytest
from wagtail.rich_text import RichText

from practices.content import Figure, Partner, PracticeContent, practice_apply, richtext_to_text
from practices.demo import demo_content
from practices.models import (
    Bundesland,
    PartnerType,
    PracticePage,
    PracticeStatus,
    ProcessPhase,
    TargetGroup,
    Topic,
)
from practices.reference import term_slug
from practices.transfer import import_plan
from practices.transfer.writing import import_content
from tests.factories.practices import build_practice, create_jobcenter, create_practice

pytestmark = pytest.mark.django_db


def term(model, slug: str):
    return model.objects.get(slug=slug)


def full_content(jobcenter) -> PracticeContent:
    return PracticeContent(
        title="Suchtberatung im Jobcenter",
        teaser="Sprechstunde der Suchtberatung im Haus.",
        external_id="en-17",
        jobcenters=[jobcenter],
        start_date=date(2021, 4, 1),
        end_date=date(2024, 3, 31),
        status=term(PracticeStatus, "laufend"),
        topics=[term(Topic, "sucht"), term(Topic, "gesundheit")],
        target_groups=[term(TargetGroup, "langzeitarbeitslose")],
        phases=[term(ProcessPhase, "beratung-kooperationsplanung")],
        partners=[Partner.of(term(PartnerType, "suchtberatung"), "Diakonie Schwelm")],
        figures=[Figure("Teilnehmende", "120", "pro Jahr")],
        sections={"situation": "Sucht bleibt oft unerkannt.", "results": "Mehr Beratungen."},
        contact={
            "name": "Maria Muster",
            "function": "Teamleitung",
            "email": "maria.muster@jobcenter.example",
            "phone": "02336 4480-0",
        },
    )


def snapshot(page: PracticePage) -> dict:
    """Everything a reader sees of a practice, comparable whichever way it was written."""
    return {
        "title": page.title,
        "teaser": page.teaser,
        "period": (page.start_date, page.end_date),
        "status": page.status.slug if page.status else None,
        "contact": (
            page.contact_name,
            page.contact_function,
            page.contact_email,
            page.contact_phone,
        ),
        "supra_regional": page.supra_regional,
        "jobcenters": sorted(jobcenter.slug for jobcenter in page.jobcenters.all()),
        "bundeslaender": sorted(land.code for land in page.bundeslaender.all()),
        "topics": sorted(topic.slug for topic in page.topics.all()),
        "target_groups": sorted(group.slug for group in page.target_groups.all()),
        "phases": sorted(phase.slug for phase in page.phases.all()),
        "partners": [(p.partner_type.slug, p.name) for p in page.partners.all()],
        "figures": [(f.label, f.value, f.note) for f in page.figures.all()],
        "body": [(block.block_type, richtext_to_text(block.value.source)) for block in page.body],
    }


class TestApply:
    def test_a_new_page_gets_every_field_and_relation(self, library):
        jobcenter = create_jobcenter("Jobcenter EN", land="NW")
        page = PracticePage(slug="suchtberatung")

        practice_apply(page, content=full_content(jobcenter))
        library.add_child(instance=page)

        saved = PracticePage.objects.get(pk=page.pk)
        assert saved.external_id == "en-17"
        assert snapshot(saved) == {
            "title": "Suchtberatung im Jobcenter",
            "teaser": "Sprechstunde der Suchtberatung im Haus.",
            "period": (date(2021, 4, 1), date(2024, 3, 31)),
            "status": "laufend",
            "contact": (
                "Maria Muster",
                "Teamleitung",
                "maria.muster@jobcenter.example",
                "02336 4480-0",
            ),
            "supra_regional": False,
            "jobcenters": [jobcenter.slug],
            "bundeslaender": ["NW"],
            "topics": ["gesundheit", "sucht"],
            "target_groups": ["langzeitarbeitslose"],
            "phases": ["beratung-kooperationsplanung"],
            "partners": [("suchtberatung", "Diakonie Schwelm")],
            "figures": [("Teilnehmende", "120", "pro Jahr")],
            "body": [
                ("situation", "Sucht bleibt oft unerkannt."),
                ("results", "Mehr Beratungen."),
            ],
        }

    def test_applying_less_to_an_existing_page_removes_the_rest(self, library):
        jobcenter = create_jobcenter()
        page = create_practice(
            "Vorher",
            jobcenters=[jobcenter],
            topics=["sucht", "schulden", "wohnen"],
            partners=[("kommune", "Stadt"), ("krankenkasse", "AOK")],
            figures=[("Teilnehmende", "10")],
        )
        content = PracticeContent(
            title="Nachher",
            teaser="Weniger.",
            topics=[term(Topic, "sucht")],
            supra_regional=True,
            bundeslaender=[Bundesland.objects.get(code="HE")],
        )

        practice_apply(page, content=content)
        page.save_revision().publish()

        saved = snapshot(PracticePage.objects.get(pk=page.pk))
        assert saved["title"] == "Nachher"
        assert saved["topics"] == ["sucht"]
        assert saved["jobcenters"] == []
        assert (saved["supra_regional"], saved["bundeslaender"]) == (True, ["HE"])
        assert saved["partners"] == []
        assert saved["figures"] == []
        assert saved["status"] is None

    def test_blocks_the_redaktion_added_survive_and_sections_are_replaced(self, library):
        page = create_practice(
            body=[
                ("situation", RichText("<p>Alte Ausgangslage.</p>")),
                ("quote", {"text": "Das hat uns geholfen.", "attribution": "Teilnehmerin"}),
                ("goals", RichText("<p>Alte Ziele.</p>")),
            ]
        )
        content = PracticeContent(
            title=page.title,
            teaser=page.teaser,
            sections={"situation": "Neue Ausgangslage.", "results": "Erste Ergebnisse."},
        )

        practice_apply(page, content=content)
        page.save_revision().publish()

        body = PracticePage.objects.get(pk=page.pk).body
        assert [block.block_type for block in body] == ["situation", "results", "quote"]
        assert body[2].value["text"] == "Das hat uns geholfen."
        assert richtext_to_text(body[0].value.source) == "Neue Ausgangslage."

    def test_without_keeping_blocks_only_the_sections_remain(self, library):
        page = create_practice(
            body=[("quote", {"text": "Zitat", "attribution": ""})],
        )

        practice_apply(
            page,
            content=PracticeContent(title="T", teaser="T.", sections={"goals": "Ziel."}),
            keep_other_blocks=False,
        )

        assert [block.block_type for block in page.body] == ["goals"]


class TestEveryWayGivesTheSamePractice:
    """The demo, the import and the factories describe a practice differently; written through
    the one service, equal input gives equal pages."""

    SECTIONS = {"situation": "Viele Schulden.\n\nWenig Beratung.", "approach": "Sprechstunde."}

    def demo_spec(self) -> dict:
        return {
            "slug": "schuldnerberatung",
            "title": "Schuldnerberatung vor Ort",
            "teaser": "Die Schuldnerberatung kommt ins Jobcenter.",
            "jobcenters": ["jobcenter-en"],
            "status": "Erprobung",
            "start": date(2022, 1, 1),
            "end": None,
            "topics": ["Schulden", "Beratung und Coaching"],
            "target_groups": ["Alleinerziehende"],
            "phases": ["Maßnahmedurchführung"],
            "partners": [("Schuldnerberatung", "Caritas Hagen")],
            "figures": [("Beratungen", "240", "im ersten Jahr")],
            "sections": self.SECTIONS,
            "contact": ("Ali Beispiel", "Koordination", "ali@jobcenter.example", "02336 1"),
            "staff_only": False,
        }

    def import_record(self) -> dict:
        return {
            "title": "Schuldnerberatung vor Ort",
            "teaser": "Die Schuldnerberatung kommt ins Jobcenter.",
            "jobcenters": ["Jobcenter EN"],
            "status": "Erprobung",
            "start": "2022-01-01",
            "topics": ["Schulden", "Beratung und Coaching"],
            "target_groups": ["Alleinerziehende"],
            "phases": ["Maßnahmedurchführung"],
            "partners": [{"type": "Schuldnerberatung", "name": "Caritas Hagen"}],
            "figures": [{"label": "Beratungen", "value": "240", "note": "im ersten Jahr"}],
            "sections": self.SECTIONS,
            "contact": {
                "name": "Ali Beispiel",
                "function": "Koordination",
                "email": "ali@jobcenter.example",
                "phone": "02336 1",
            },
        }

    def test_demo_import_and_factory_agree(self, library):
        jobcenter = create_jobcenter("Jobcenter EN", slug="jobcenter-en", land="NW")

        from_demo = PracticePage(slug="a")
        practice_apply(from_demo, content=demo_content(self.demo_spec()))
        [record] = import_plan([self.import_record()]).practices
        from_import = PracticePage(slug="b")
        practice_apply(from_import, content=import_content(record))
        from_factory = build_practice(
            "Schuldnerberatung vor Ort",
            teaser="Die Schuldnerberatung kommt ins Jobcenter.",
            jobcenters=[jobcenter],
            status="erprobung",
            start=date(2022, 1, 1),
            topics=[term_slug("Schulden"), term_slug("Beratung und Coaching")],
            target_groups=["alleinerziehende"],
            phases=[term_slug("Maßnahmedurchführung")],
            partners=[("schuldnerberatung", "Caritas Hagen")],
            figures=[("Beratungen", "240", "im ersten Jahr")],
            sections=self.SECTIONS,
            contact={
                "name": "Ali Beispiel",
                "function": "Koordination",
                "email": "ali@jobcenter.example",
                "phone": "02336 1",
            },
        )

        expected = snapshot(from_demo)
        assert expected["body"] == [
            ("situation", "Viele Schulden.\n\nWenig Beratung."),
            ("approach", "Sprechstunde."),
        ]
        assert expected["bundeslaender"] == ["NW"]
        assert snapshot(from_import) == expected
        assert snapshot(from_factory) == expected
