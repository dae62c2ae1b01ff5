"""import_practices / export_practices: the exchange format of docs/import-format.md."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import PageViewRestriction, Revision

from cms.accounts.groups import EDITORS, MODERATORS, STAFF
from practices.models import (
    Bundesland,
    Jobcenter,
    PracticeIndexPage,
    PracticePage,
    PracticeStatus,
    Topic,
)
from practices.reference import load_reference_data

EXAMPLE_FILE = Path(settings.BASE_DIR) / "docs" / "examples" / "praxisbeispiele.json"


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers


@pytest.fixture
def reference(db):
    load_reference_data(apps.get_model)


@pytest.fixture
def index(home, reference):
    return home.add_child(
        instance=PracticeIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
    )


@pytest.fixture
def jobcenter_en(reference):
    return Jobcenter.objects.create(
        name="Jobcenter EN",
        slug="jobcenter-en",
        bundesland=Bundesland.objects.get(code="NW"),
        town="Schwelm",
    )


@pytest.fixture
def jobcenter_kassel(reference):
    return Jobcenter.objects.create(
        name="Jobcenter Stadt Kassel",
        slug="jobcenter-stadt-kassel",
        bundesland=Bundesland.objects.get(code="HE"),
    )


@pytest.fixture
def write(tmp_path):
    counter = iter(range(1000))

    def write(data, *, raw: str | None = None) -> Path:
        path = tmp_path / f"import-{next(counter)}.json"
        path.write_text(raw if raw is not None else json.dumps(data), encoding="utf-8")
        return path

    return write


def run_import(path, *args) -> tuple[str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("import_practices", str(path), *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        pytest.fail(f"{error}\n{stderr.getvalue()}")
    return stdout.getvalue(), stderr.getvalue()


def run_failing_import(path) -> tuple[str, str]:
    """The import's error lines; the command must fail."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_practices", str(path), stdout=stdout, stderr=stderr)
    return stderr.getvalue(), str(raised.value)


def run_export(*args) -> str:
    stdout = io.StringIO()
    call_command("export_practices", *args, stdout=stdout)
    return stdout.getvalue()


def record(**fields) -> dict:
    return {"title": "Beispiel", "teaser": "Kurzbeschreibung.", **fields}


def full_record(**fields) -> dict:
    return {
        "external_id": "en-001",
        "title": "Suchtberatung im Jobcenter EN",
        "teaser": "Sprechstunde der Suchtberatung im Haus, mit begleitetem Erstkontakt.",
        "jobcenters": ["jobcenter en", "Jobcenter Witten-Neu"],
        "bundesland": "nw",
        "status": "LAUFEND",
        "start": "2024-03-01",
        "end": "2025-12-31",
        "topics": ["Sucht", "gesundheit", "uebergaengerechtskreiswechsel"],
        "target_groups": ["Langzeitarbeitslose", "jugendliche-unter-25"],
        "phases": ["beratung & kooperationsplanung"],
        "partners": [
            {"type": "Suchtberatung", "name": "Suchthilfe EN"},
            {"type": "kommune", "name": "Ennepe-Ruhr-Kreis"},
        ],
        "sections": {
            "Ziele": "Ohne Wartezeit ins erste Gespräch.",
            "situation": "Erste Zeile\nzweite Zeile\n\n"
            "Zweiter Absatz mit <script>alert(1)</script> & Co.",
        },
        "figures": [
            {"label": "Teilnehmende", "value": 1900},
            {"label": "Betreuungsschlüssel", "value": "1:100", "note": "statt 1:250"},
        ],
        "contact": {
            "name": "Anna Berger",
            "function": "Netzwerkkoordinatorin",
            "email": "anna.berger@jobcenter-en.example",
            "phone": "+49 2336 0000-0",
        },
        "visibility": "public",
        **fields,
    }


def counts() -> dict[str, int]:
    return {
        "pages": PracticePage.objects.count(),
        "jobcenters": Jobcenter.objects.count(),
        "revisions": Revision.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


# ---------------------------------------------------------------------------------------------
# Import: valid files


class TestImportValid:
    def test_creates_a_published_practice_with_every_field(self, index, jobcenter_en, write):
        stdout, _ = run_import(write([full_record()]))

        page = PracticePage.objects.get(external_id="en-001")
        assert (
            "Praxisbeispiele angelegt: 1, aktualisiert: 0; "
            "neu ins Jobcenter-Verzeichnis aufgenommen: 1." in stdout
        )
        assert page.live and page.live_revision_id == page.latest_revision_id
        assert page.get_parent().pk == index.pk
        assert page.title == "Suchtberatung im Jobcenter EN"
        assert page.slug == "suchtberatung-im-jobcenter-en"
        assert str(page.start_date) == "2024-03-01" and str(page.end_date) == "2025-12-31"
        assert page.status.name == "laufend"
        assert [t.name for t in page.topics.all()] == [
            "Gesundheit",
            "Sucht",
            "Übergänge/Rechtskreiswechsel",
        ]
        assert [t.name for t in page.target_groups.all()] == [
            "Langzeitarbeitslose",
            "Jugendliche unter 25",
        ]
        assert [p.name for p in page.phases.all()] == ["Beratung & Kooperationsplanung"]
        assert [(p.partner_type.name, p.name) for p in page.partners.all()] == [
            ("Suchtberatung", "Suchthilfe EN"),
            ("Kommune", "Ennepe-Ruhr-Kreis"),
        ]
        assert [(f.label, f.value, f.note) for f in page.figures.all()] == [
            ("Teilnehmende", "1900", ""),
            ("Betreuungsschlüssel", "1:100", "statt 1:250"),
        ]
        assert (page.contact_name, page.contact_function) == (
            "Anna Berger",
            "Netzwerkkoordinatorin",
        )
        assert page.contact_email == "anna.berger@jobcenter-en.example"
        assert page.contact_phone == "+49 2336 0000-0"
        assert not PageViewRestriction.objects.filter(page=page).exists()

    def test_sections_become_escaped_paragraphs_in_reading_order(
        self, client, index, jobcenter_en, write
    ):
        run_import(write([full_record()]))

        page = PracticePage.objects.get(external_id="en-001")
        assert [(block.block_type, block.value.source) for block in page.body] == [
            (
                "situation",
                "<p>Erste Zeile<br/>zweite Zeile</p>"
                "<p>Zweiter Absatz mit &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co.</p>",
            ),
            ("goals", "<p>Ohne Wartezeit ins erste Gespräch.</p>"),
        ]
        html = client.get(page.url).content.decode()
        assert "<p>Erste Zeile<br/>zweite Zeile</p>" in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html

    def test_the_teaser_may_have_several_lines(self, index, write):
        run_import(write([record(teaser="Erste Zeile\nzweite Zeile")]))

        assert PracticePage.objects.get().teaser == "Erste Zeile\nzweite Zeile"

    def test_unknown_jobcenter_is_created_and_lands_follow_the_jobcenters(
        self, index, jobcenter_kassel, write
    ):
        run_import(
            write(
                [record(jobcenters=["Jobcenter Stadt Kassel", "Jobcenter Hagen"], bundesland="NW")]
            )
        )

        page = PracticePage.objects.get()
        created = Jobcenter.objects.get(name="Jobcenter Hagen")
        assert created.slug == "jobcenter-hagen"
        assert created.bundesland.code == "NW"
        assert not page.supra_regional
        assert sorted(land.code for land in page.bundeslaender.all()) == ["HE", "NW"]
        assert sorted(j.name for j in page.jobcenters.all()) == [
            "Jobcenter Hagen",
            "Jobcenter Stadt Kassel",
        ]

    def test_a_new_jobcenter_named_twice_is_created_once(self, index, write):
        run_import(
            write(
                [
                    record(title="Eins", jobcenters=["Jobcenter Neu"], bundesland="HE"),
                    record(title="Zwei", jobcenters=["JOBCENTER NEU"], bundesland="Hessen"),
                ]
            )
        )

        assert Jobcenter.objects.filter(name__iexact="jobcenter neu").count() == 1
        assert [p.jobcenters.get().name for p in PracticePage.objects.order_by("path")] == [
            "Jobcenter Neu",
            "Jobcenter Neu",
        ]

    def test_a_list_of_laender_makes_the_practice_supra_regional(self, index, write):
        run_import(write([record(bundesland=["Hessen", "by", "nordrhein-westfalen"])]))

        page = PracticePage.objects.get()
        assert page.supra_regional
        assert sorted(land.code for land in page.bundeslaender.all()) == ["BY", "HE", "NW"]

    def test_a_single_land_without_jobcenters_is_kept(self, index, write):
        run_import(write([record(bundesland="Baden-Württemberg")]))

        page = PracticePage.objects.get()
        assert page.supra_regional
        assert [land.code for land in page.bundeslaender.all()] == ["BW"]

    def test_reimport_with_the_same_external_id_updates_the_page(self, index, jobcenter_en, write):
        run_import(write([full_record()]))
        page = PracticePage.objects.get()
        revisions_before = Revision.objects.filter(object_id=str(page.pk)).count()

        changed = full_record(
            title="Suchtberatung im Jobcenter EN (verstetigt)",
            status="ins Regelgeschäft überführt",
            partners=[{"type": "Krankenkasse", "name": "AOK"}],
            topics=["Sucht"],
        )
        stdout, _ = run_import(write([changed]))

        assert "Praxisbeispiele angelegt: 0, aktualisiert: 1;" in stdout
        page = PracticePage.objects.get()
        assert page.title == "Suchtberatung im Jobcenter EN (verstetigt)"
        assert page.slug == "suchtberatung-im-jobcenter-en"
        assert page.status.name == "ins Regelgeschäft überführt"
        assert [(p.partner_type.name, p.name) for p in page.partners.all()] == [
            ("Krankenkasse", "AOK")
        ]
        assert [t.name for t in page.topics.all()] == ["Sucht"]
        assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions_before + 1
        assert page.live_revision_id == page.latest_revision_id
        assert page.live_revision.as_object().title == page.title
        assert Jobcenter.objects.filter(name="Jobcenter Witten-Neu").count() == 1

    def test_staff_visibility_restricts_the_page_to_staff_groups(
        self, client, index, staff_user, write
    ):
        run_import(write([record(external_id="intern-1", visibility="staff")]))

        page = PracticePage.objects.get()
        restriction = PageViewRestriction.objects.get(page=page)
        assert restriction.restriction_type == PageViewRestriction.GROUPS
        assert {g.name for g in restriction.groups.all()} == {STAFF, EDITORS, MODERATORS}
        assert client.get(page.url).status_code == 302
        client.force_login(staff_user)
        assert client.get(page.url).status_code == 200

    def test_reimport_as_public_lifts_the_restriction(self, index, write):
        run_import(write([record(external_id="intern-1", visibility="staff")]))

        run_import(write([record(external_id="intern-1", visibility="public")]))

        assert not PageViewRestriction.objects.exists()

    def test_the_documented_example_file_imports(self, index, write):
        stdout, stderr = run_import(EXAMPLE_FILE)

        assert stderr == ""
        assert PracticePage.objects.live().count() == 5
        care = PracticePage.objects.get(external_id="nw-en-pflegehilfe-einstieg")
        assert [j.name for j in care.jobcenters.all()] == ["Jobcenter EN"]
        assert [land.code for land in care.bundeslaender.all()] == ["NW"]
        assert ("bestanden", "41 von 52") in [(f.label, f.value) for f in care.figures.all()]
        assert {p.name for p in care.partners.all()} == {
            "Pflegeschule im Ennepe-Ruhr-Kreis",
            "Ambulante Dienste und Pflegeheime der Region",
            "Diakonie Mark-Ruhr",
        }
        staff_only = PracticePage.objects.get(external_id="st-th-einwilligung-fallkonferenzen")
        assert PageViewRestriction.objects.filter(page=staff_only).exists()
        assert sorted(land.code for land in staff_only.bundeslaender.all()) == ["ST", "TH"]
        # Importing the same file again changes nothing but adds revisions.
        stdout, _ = run_import(EXAMPLE_FILE)
        assert (
            "Praxisbeispiele angelegt: 0, aktualisiert: 5; "
            "neu ins Jobcenter-Verzeichnis aufgenommen: 0." in stdout
        )
        assert PracticePage.objects.count() == 5

    def test_progress_is_shown_while_writing(self, index, write):
        stdout, _ = run_import(write([record(title=f"Praxis {n}") for n in range(40)]))

        assert "Prüfe 40 Datensätze …" in stdout
        assert "Praxisbeispiele geschrieben: 2/40 (5 %)" in stdout
        assert "Praxisbeispiele geschrieben: 20/40 (50 %)" in stdout
        assert "Praxisbeispiele geschrieben: 40/40 (100 %)" in stdout
        assert stdout.count("Praxisbeispiele geschrieben") == 20

    def test_dry_run_checks_but_writes_nothing(self, index, write):
        before = counts()

        stdout, _ = run_import(
            write([record(jobcenters=["Jobcenter Neu"], bundesland="HE")]), "--dry-run"
        )

        assert "Prüfung bestanden. Neu: 1, zu aktualisieren: 0, neue Jobcenter: 1." in stdout
        assert counts() == before


# ---------------------------------------------------------------------------------------------
# Import: invalid files


class TestImportInvalid:
    def test_every_error_is_reported_and_nothing_is_written(self, index, jobcenter_en, write):
        run_import(write([record(external_id="alt", title="Bestehend")]))
        before = counts()
        path = write(
            [
                # Valid on its own, and would create a Jobcenter and update a page.
                record(external_id="alt", title="Geändert", jobcenters=["Neu"], bundesland="NW"),
                record(status="laufnd", start="2024-02-30"),
                record(title="", contact={"email": "keine-adresse"}, farbe="blau"),
            ]
        )

        errors, summary = run_failing_import(path)

        assert errors.splitlines() == [
            "Datensatz 2, Feld „status“: unbekannter Wert „laufnd“. Erlaubt: Idee, Erprobung, "
            "laufend, ins Regelgeschäft überführt, abgeschlossen",
            "Datensatz 2, Feld „start“: „2024-02-30“ ist kein Datum im Format JJJJ-MM-TT "
            "(z. B. 2024-03-01)",
            "Datensatz 3, Feld „farbe“: unbekanntes Feld. Erlaubt: external_id, title, teaser, "
            "jobcenters, bundesland, status, start, end, topics, target_groups, phases, "
            "partners, sections, figures, contact, visibility",
            "Datensatz 3, Feld „title“: ist ein Pflichtfeld und darf nicht leer sein",
            "Datensatz 3, Feld „contact.email“: „keine-adresse“ ist keine gültige E-Mail-Adresse",
        ]
        assert summary == "Import abgebrochen: 5 Fehler; es wurde nichts geschrieben."
        assert counts() == before
        assert PracticePage.objects.get().title == "Bestehend"
        assert not Jobcenter.objects.filter(name="Neu").exists()

    @pytest.mark.parametrize(
        ("records", "expected"),
        [
            pytest.param(
                [{"teaser": "ohne Titel"}],
                "Datensatz 1, Feld „title“: ist ein Pflichtfeld und darf nicht leer sein",
                id="missing-title",
            ),
            pytest.param(
                [{"title": "ohne Teaser"}],
                "Datensatz 1, Feld „teaser“: ist ein Pflichtfeld und darf nicht leer sein",
                id="missing-teaser",
            ),
            pytest.param(
                [record(teaser=["Liste"])],
                "Datensatz 1, Feld „teaser“: muss ein Text sein (gefunden: Liste)",
                id="teaser-wrong-type",
            ),
            pytest.param(
                [record(title="x" * 256)],
                "Datensatz 1, Feld „title“: ist zu lang (256 Zeichen, höchstens 255)",
                id="title-too-long",
            ),
            pytest.param(
                [record(topics="Sucht")],
                "Datensatz 1, Feld „topics“: muss eine Liste […] sein (gefunden: Text)",
                id="topics-not-a-list",
            ),
            pytest.param(
                [record(topics=["Sucht", "Sport"])],
                "Datensatz 1, Feld „topics[2]“: unbekannter Wert „Sport“. Erlaubt: Gesundheit, "
                "Sucht,",
                id="unknown-topic",
            ),
            pytest.param(
                [record(target_groups=[3])],
                "Datensatz 1, Feld „target_groups[1]“: muss ein Text sein (gefunden: Zahl)",
                id="target-group-wrong-type",
            ),
            pytest.param(
                [record(start="1.3.2024")],
                "Datensatz 1, Feld „start“: „1.3.2024“ ist kein Datum im Format JJJJ-MM-TT",
                id="german-date",
            ),
            pytest.param(
                [record(start="2024-05-01", end="2024-04-30")],
                "Datensatz 1, Feld „end“: das Ende (2024-04-30) liegt vor dem Beginn (2024-05-01)",
                id="end-before-start",
            ),
            pytest.param(
                [record(contact={"email": "anna@"})],
                "Datensatz 1, Feld „contact.email“: „anna@“ ist keine gültige E-Mail-Adresse",
                id="bad-email",
            ),
            pytest.param(
                [record(contact={"fax": "0201"})],
                "Datensatz 1, Feld „contact.fax“: unbekanntes Feld. Erlaubt: name, function, "
                "email, phone",
                id="unknown-contact-key",
            ),
            pytest.param(
                [record(external_id="a"), record(external_id="a")],
                "Datensatz 2, Feld „external_id“: „a“ kommt schon in Datensatz 1 vor",
                id="duplicate-external-id",
            ),
            pytest.param(
                [record(bundesland="Bayernland")],
                "Datensatz 1, Feld „bundesland“: unbekannter Wert „Bayernland“. Erlaubt: BB, BE",
                id="unknown-land",
            ),
            pytest.param(
                [record(bundesland={"code": "NW"})],
                "Datensatz 1, Feld „bundesland“: muss ein Text oder eine Liste von Texten sein "
                "(gefunden: Objekt)",
                id="land-wrong-type",
            ),
            pytest.param(
                [record(jobcenters=["Jobcenter Nirgendwo"])],
                "Datensatz 1, Feld „jobcenters[1]“: „Jobcenter Nirgendwo“ steht nicht im "
                "Jobcenter-Verzeichnis",
                id="new-jobcenter-without-land",
            ),
            pytest.param(
                [
                    record(jobcenters=["Jobcenter Neu"], bundesland="NW"),
                    record(jobcenters=["Jobcenter Neu"], bundesland="HE"),
                ],
                "Datensatz 2, Feld „jobcenters[1]“: das neue Jobcenter „Jobcenter Neu“ wird "
                "schon durch Datensatz 1 in Nordrhein-Westfalen angelegt",
                id="new-jobcenter-in-two-laender",
            ),
            pytest.param(
                [record(status="laufnd")],
                "Datensatz 1, Feld „status“: unbekannter Wert „laufnd“. Erlaubt: Idee, "
                "Erprobung, laufend, ins Regelgeschäft überführt, abgeschlossen",
                id="unknown-status",
            ),
            pytest.param(
                [record(partners=[{"type": "Kirche", "name": ""}])],
                "Datensatz 1, Feld „partners[1].type“: unbekannter Wert „Kirche“.",
                id="unknown-partner-type",
            ),
            pytest.param(
                [record(partners=[{"type": "Kommune", "name": ""}])],
                "Datensatz 1, Feld „partners[1].name“: ist ein Pflichtfeld",
                id="partner-without-name",
            ),
            pytest.param(
                [record(figures=[{"label": "Teilnehmende"}])],
                "Datensatz 1, Feld „figures[1].value“: ist ein Pflichtfeld",
                id="figure-without-value",
            ),
            pytest.param(
                [record(sections={"Fazit": "…"})],
                "Datensatz 1, Feld „sections.Fazit“: unbekannter Abschnitt. Erlaubt: situation",
                id="unknown-section",
            ),
            pytest.param(
                [record(sections={"goals": "a", "Ziele": "b"})],
                "Datensatz 1, Feld „sections.Ziele“: der Abschnitt ist doppelt angegeben "
                "(auch als „goals“)",
                id="section-twice",
            ),
            pytest.param(
                [record(visibility="intern")],
                "Datensatz 1, Feld „visibility“: unbekannter Wert „intern“. Erlaubt: public, staff",
                id="unknown-visibility",
            ),
            pytest.param(
                ["Titel"],
                "Datensatz 1: muss ein Objekt {…} sein (gefunden: Text)",
                id="record-not-an-object",
            ),
            pytest.param(
                [record(title="Erste Zeile\nzweite Zeile")],
                "Datensatz 1, Feld „title“: darf nur eine Zeile ohne Zeilenumbrüche oder "
                "Steuerzeichen enthalten",
                id="title-with-line-break",
            ),
            pytest.param(
                [record(partners=[{"type": "Kommune", "name": "Stadt\u0085Schwelm"}])],
                "Datensatz 1, Feld „partners[1].name“: darf nur eine Zeile ohne Zeilenumbrüche",
                id="partner-name-with-next-line",
            ),
            pytest.param(
                [record(contact={"name": "Anna\x07Berger"})],
                "Datensatz 1, Feld „contact.name“: darf nur eine Zeile ohne Zeilenumbrüche",
                id="contact-with-control-character",
            ),
        ],
    )
    def test_field_errors(self, index, write, records, expected):
        before = counts()

        errors, _ = run_failing_import(write(records))

        assert expected in errors
        assert counts() == before

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            pytest.param(
                '[\n  {"title": "A",}\n]',
                "Die Datei ist kein gültiges JSON: Zeile 2, Spalte 17:",
                id="invalid-json",
            ),
            pytest.param(
                '{"title": "A"}',
                "Die Datei muss auf oberster Ebene eine Liste von Praxisbeispielen enthalten "
                "([ {…}, {…} ]); gefunden: Objekt.",
                id="not-a-list",
            ),
        ],
    )
    def test_file_errors(self, index, write, content, expected):
        errors, _ = run_failing_import(write(None, raw=content))

        assert errors.startswith(expected)

    def test_missing_file(self, index, tmp_path):
        errors, _ = run_failing_import(tmp_path / "fehlt.json")

        assert errors.strip() == f"Datei „{tmp_path / 'fehlt.json'}“ nicht gefunden."

    def test_without_a_practice_index_nothing_is_written(self, home, reference, write):
        before = counts()

        errors, _ = run_failing_import(
            write([record(jobcenters=["Jobcenter Neu"], bundesland="NW")])
        )

        assert "Es gibt keine Übersichtsseite für Praxisbeispiele" in errors
        assert counts() == before


# ---------------------------------------------------------------------------------------------
# Import: cost


# Imported records become published pages, each a few hundred queries: twenty show a cost per
# record as clearly as more would.
RECORDS = 20


class TestImportQueries:
    def count_queries(self, write, records, *args) -> int:
        path = write(records)
        # CaptureQueriesContext keeps at most 9000 queries; counting needs no log.
        executed = []

        def count(execute, sql, params, many, context):
            executed.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            run_import(path, *args)
        return len(executed)

    def test_checking_runs_a_fixed_number_of_queries_whatever_the_file(
        self, index, jobcenter_en, write
    ):
        records = [
            full_record(external_id=f"x-{n}", title=f"Praxis {n}", jobcenters=[f"Neu {n}"])
            for n in range(50)
        ]

        one = self.count_queries(write, records[:1], "--dry-run")
        fifty = self.count_queries(write, records, "--dry-run")

        # Reference data, the index page, existing external IDs and slugs: each loaded once.
        assert fifty == one
        assert fifty <= 12

    def test_writing_costs_the_same_whatever_the_number_of_taxonomy_values(
        self, index, jobcenter_en, write
    ):
        topics = list(Topic.objects.values_list("name", flat=True))
        common = {"status": "laufend", "bundesland": "NW", "jobcenters": ["Jobcenter EN"]}
        few = [
            record(
                title=f"Wenig {n}",
                topics=topics[:1],
                target_groups=["Ältere"],
                phases=["Absolventenmanagement"],
                **common,
            )
            for n in range(RECORDS // 2)
        ]
        many = [
            record(
                title=f"Viel {n}",
                topics=topics,
                target_groups=["Langzeitarbeitslose", "Ältere", "Alleinerziehende"],
                phases=["Maßnahmedurchführung", "Absolventenmanagement"],
                **common,
            )
            for n in range(RECORDS // 2)
        ]

        few_queries = self.count_queries(write, few)
        many_queries = self.count_queries(write, many)

        # Fourteen more values per record: a lookup or insert per value would add 140 queries.
        assert abs(many_queries - few_queries) < 25

    def test_full_records_cost_a_fixed_amount_more_than_bare_ones(self, index, jobcenter_en, write):
        bare = [record(title=f"Schlicht {n}") for n in range(RECORDS)]
        full = [
            full_record(external_id=f"x-{n}", jobcenters=["Jobcenter EN"], title=f"Praxis {n}")
            for n in range(RECORDS)
        ]

        bare_queries = self.count_queries(write, bare)
        full_queries = self.count_queries(write, full)

        # What Wagtail and other apps spend per page cancels out. Left is what Wagtail spends
        # on the relations of a full record (FK checks, reference index and revision reading
        # them, two partners, two figures): about 75 queries. A lookup for each of the eleven
        # taxonomy values, Jobcenters, Länder and partner types would add eleven per record.
        assert full_queries - bare_queries < RECORDS * 82


# ---------------------------------------------------------------------------------------------
# Export


class TestExport:
    def test_json_writes_the_import_format(self, index, jobcenter_en, write):
        run_import(write([full_record()]))

        exported = json.loads(run_export("--format", "json"))

        assert exported == [
            {
                "external_id": "en-001",
                "title": "Suchtberatung im Jobcenter EN",
                "teaser": "Sprechstunde der Suchtberatung im Haus, mit begleitetem Erstkontakt.",
                "jobcenters": ["Jobcenter EN", "Jobcenter Witten-Neu"],
                "bundesland": "NW",
                "status": "laufend",
                "start": "2024-03-01",
                "end": "2025-12-31",
                "topics": ["Gesundheit", "Sucht", "Übergänge/Rechtskreiswechsel"],
                "target_groups": ["Langzeitarbeitslose", "Jugendliche unter 25"],
                "phases": ["Beratung & Kooperationsplanung"],
                "partners": [
                    {"type": "Suchtberatung", "name": "Suchthilfe EN"},
                    {"type": "Kommune", "name": "Ennepe-Ruhr-Kreis"},
                ],
                "sections": {
                    "situation": "Erste Zeile\nzweite Zeile\n\n"
                    "Zweiter Absatz mit <script>alert(1)</script> & Co.",
                    "goals": "Ohne Wartezeit ins erste Gespräch.",
                },
                "figures": [
                    {"label": "Teilnehmende", "value": "1900"},
                    {"label": "Betreuungsschlüssel", "value": "1:100", "note": "statt 1:250"},
                ],
                "contact": {
                    "name": "Anna Berger",
                    "function": "Netzwerkkoordinatorin",
                    "email": "anna.berger@jobcenter-en.example",
                    "phone": "+49 2336 0000-0",
                },
                "visibility": "public",
            }
        ]

    def test_staff_only_practices_are_exported_as_staff_and_drafts_not_at_all(self, index, write):
        run_import(write([record(title="Intern", visibility="staff")]))
        index.add_child(instance=PracticePage(title="Entwurf", teaser="…", live=False))

        exported = json.loads(run_export())

        assert [(r["title"], r["visibility"]) for r in exported] == [("Intern", "staff")]

    def test_csv_has_one_row_per_practice_with_flat_columns(self, index, jobcenter_en, write):
        run_import(
            write(
                [
                    full_record(),
                    record(
                        title='=HYPERLINK("http://example.com")',
                        bundesland=["HE", "BY"],
                        visibility="staff",
                    ),
                ]
            )
        )

        text = run_export("--format", "csv")
        # As German Excel reads it: UTF-8 with a BOM, semicolons.
        assert text.startswith("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text[1:]), dialect="excel", delimiter=";"))

        assert len(rows) == 2
        first, second = rows
        assert first["jobcenters"] == "Jobcenter EN | Jobcenter Witten-Neu"
        assert first["bundesland"] == "NW"
        assert first["supra_regional"] == "nein"
        assert first["topics"] == "Gesundheit | Sucht | Übergänge/Rechtskreiswechsel"
        assert first["partners"] == "Suchtberatung: Suchthilfe EN | Kommune: Ennepe-Ruhr-Kreis"
        assert first["figures"] == "Teilnehmende: 1900 | Betreuungsschlüssel: 1:100 (statt 1:250)"
        assert first["section_goals"] == "Ohne Wartezeit ins erste Gespräch."
        assert first["section_results"] == ""
        assert first["contact_email"] == "anna.berger@jobcenter-en.example"
        assert first["contact_phone"] == "+49 2336 0000-0"
        assert second["bundesland"] == "BY | HE"
        assert second["supra_regional"] == "ja"
        assert second["visibility"] == "staff"
        # Spreadsheets would run this as a formula.
        assert second["title"] == '\'=HYPERLINK("http://example.com")'

    def test_output_file(self, index, write, tmp_path):
        run_import(write([record(title="Datei")]))
        target = tmp_path / "export.json"

        stdout = run_export("--output", str(target))

        assert stdout == f"1 Praxisbeispiel nach {target} exportiert.\n"
        assert json.loads(target.read_text(encoding="utf-8"))[0]["title"] == "Datei"


class TestRoundTrip:
    def test_export_import_into_an_empty_database_export_is_identical(
        self, index, jobcenter_kassel, write, tmp_path
    ):
        run_import(EXAMPLE_FILE)
        # Content an editor made in the admin, with what the file format cannot say directly.
        dortmund = Jobcenter.objects.create(
            name="Jobcenter Dortmund",
            slug="jobcenter-dortmund",
            bundesland_id=Bundesland.objects.get(code="NW").pk,
        )
        by_hand = PracticePage(
            title="Länderübergreifend",
            teaser="Zwei Jobcenter, zwei Länder.",
            status=PracticeStatus.objects.get(name="Idee"),
            body=[
                (
                    "results",
                    '<p><b>Fett</b> und <a href="https://example.org">Link</a></p>'
                    "<ul><li>eins</li><li>zwei</li></ul>",
                ),
                ("results", "<p>Noch ein Ergebnis</p>"),
            ],
        )
        by_hand.jobcenters = [dortmund, jobcenter_kassel]
        index.add_child(instance=by_hand)
        by_hand.save_revision().publish()
        supra = PracticePage(title="Bundesweit", teaser="Ohne Land.", supra_regional=True)
        supra.jobcenters = [dortmund]
        supra.bundeslaender = list(Bundesland.objects.filter(code__in=["HE", "SN"]))
        index.add_child(instance=supra)
        supra.save_revision().publish()
        first = run_export()
        export_file = tmp_path / "export.json"
        export_file.write_text(first, encoding="utf-8")

        PracticePage.objects.all().delete()
        Jobcenter.objects.all().delete()
        run_import(export_file)
        second = run_export()

        assert second == first
        assert len(json.loads(second)) == 7
        assert PracticePage.objects.get(title="Länderübergreifend").supra_regional is False
        assert Jobcenter.objects.get(name="Jobcenter Stadt Kassel").bundesland.code == "HE"

    def test_the_demo_content_and_the_example_file_survive_the_round_trip(
        self, demo, write, tmp_path
    ):
        run_import(EXAMPLE_FILE)
        first = run_export()
        export_file = tmp_path / "export.json"
        export_file.write_text(first, encoding="utf-8")

        PracticePage.objects.all().delete()
        Jobcenter.objects.all().delete()
        run_import(export_file)
        second = run_export()

        assert second == first
        assert len(json.loads(second)) == PracticePage.objects.live().count() > 5
