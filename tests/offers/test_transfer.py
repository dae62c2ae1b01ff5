"""offers_import / offers_export: HSDS-style JSON and the CSV table (``offers.transfer``)."""

import csv
import io
import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Revision

from offers.models import AccessibilityFeature, Language, OfferPage, Provider
from offers.transfer import offers_export_records
from tests.factories.offers import create_offer, create_provider, offer_index
from tests.factories.practices import create_jobcenter

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers


@pytest.fixture
def index(home):
    return offer_index()


@pytest.fixture
def jobcenters(index):
    return [
        create_jobcenter("Jobcenter EN", town="Schwelm"),
        create_jobcenter("Jobcenter Hagen", town="Hagen"),
    ]


@pytest.fixture
def write(tmp_path):
    counter = iter(range(1000))

    def write(data=None, *, raw: str | None = None, suffix: str = "json") -> Path:
        path = tmp_path / f"angebote-{next(counter)}.{suffix}"
        text = raw if raw is not None else json.dumps(data, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


def run_import(path, *args) -> str:
    stdout, stderr = io.StringIO(), io.StringIO()
    try:
        call_command("offers_import", str(path), *args, stdout=stdout, stderr=stderr)
    except CommandError as error:
        pytest.fail(f"{error}\n{stderr.getvalue()}")
    return stdout.getvalue()


def run_failing_import(path, *args) -> tuple[list[str], str]:
    """The import's error lines and its final message; the command must fail."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("offers_import", str(path), *args, stdout=stdout, stderr=stderr)
    return stderr.getvalue().splitlines(), str(raised.value)


def run_export(*args) -> str:
    stdout = io.StringIO()
    call_command("offers_export", *args, stdout=stdout)
    return stdout.getvalue()


def service(**fields) -> dict:
    return {
        "id": "sb-hagen",
        "name": "Schuldnerberatung Hagen",
        "short_description": "Beratung bei Schulden und Pfändung.",
        "description": "Erster Absatz.\n\nZweiter Absatz mit <b>Markup</b> & Co.",
        "topics": ["Schulden", "beratung und coaching"],
        "target_groups": ["Langzeitarbeitslose"],
        "eligibility_description": "Leistungsberechtigte aus Hagen.",
        "minimum_age": 18,
        "maximum_age": 67,
        "application_process": "Zuweisung durch das Jobcenter",
        "funding": ["§ 16a SGB II kommunale Eingliederungsleistungen", {"source": "avgs"}],
        "fees_description": "kostenlos",
        "languages": ["Deutsch", {"name": "Türkisch"}],
        "accessibility": ["rollstuhlgerecht"],
        "accessibility_description": "Eingang über den Hof.",
        "capacity": 40,
        "wait_time": 6,
        "schedules": [{"description": "Mo–Fr 8:30–12 Uhr"}],
        "status": "inactive",
        "service_areas": ["Jobcenter Hagen", {"name": "jobcenter en"}],
        "locations": [
            {
                "name": "Rathaus",
                "address_1": "Elberfelder Straße 60",
                "postal_code": "58095",
                "city": "Hagen",
                "latitude": 51.3594,
                "longitude": "7,4747",
            }
        ],
        "contacts": [
            {"name": "Frank Weber", "email": "f.weber@hagen.example", "phone": "02331 207-0"}
        ],
        "assured_date": "2025-03-01",
        "assurer": "Frank Weber",
        "visibility": "public",
        **fields,
    }


def organization(*services, **fields) -> dict:
    return {
        "id": "stadt-hagen",
        "name": "Stadt Hagen",
        "type": "Kommune",
        "description": "Kommunale Beratung.",
        "website": "https://www.hagen.example",
        "email": "soziales@hagen.example",
        "phone": "02331 207-0",
        "services": list(services),
        **fields,
    }


def counts() -> dict[str, int]:
    return {
        "offers": OfferPage.objects.count(),
        "providers": Provider.objects.count(),
        "revisions": Revision.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
    }


def offers_snapshot() -> dict:
    """Everything an offer shows, by provider and title, without database ids or slugs."""
    restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
    snapshot = {}
    for page in OfferPage.objects.live().select_related("provider__partner_type"):
        provider = page.provider
        snapshot[(provider.name, page.title)] = {
            "provider": (
                provider.external_id,
                provider.partner_type.name if provider.partner_type else None,
                provider.description,
                provider.website,
                provider.email,
                provider.phone,
            ),
            "fields": tuple(
                getattr(page, name)
                for name in (
                    "external_id",
                    "teaser",
                    "description",
                    "eligibility",
                    "min_age",
                    "max_age",
                    "access",
                    "costs",
                    "accessibility_note",
                    "capacity",
                    "waiting_weeks",
                    "schedule",
                    "offer_status",
                    "contact_name",
                    "contact_email",
                    "contact_phone",
                    "confirmed_at",
                    "confirmed_by",
                )
            ),
            "terms": tuple(
                sorted(term.name for term in getattr(page, name).all())
                for name in (
                    "topics",
                    "target_groups",
                    "funding_routes",
                    "languages",
                    "accessibility",
                    "jobcenters",
                )
            ),
            "locations": [
                (loc.name, loc.street, loc.postcode, loc.town, loc.latitude, loc.longitude)
                for loc in page.locations.order_by("sort_order")
            ],
            "staff_only": page.pk in restricted,
        }
    return snapshot


def delete_all_offers() -> None:
    for page in OfferPage.objects.all():
        page.delete()
    Provider.objects.all().delete()


@pytest.fixture
def catalogue(jobcenters):
    """Offers made on the site, with every field the exchange format carries."""
    en, hagen = jobcenters
    debt = create_provider(
        "Schuldnerberatung EN e. V.",
        partner_type="schuldnerberatung",
        description="Beratung im ganzen Kreis.",
        website="https://www.sb-en.example",
        email="info@sb-en.example",
        phone="+49 2336 0000",
    )
    full = create_offer(
        "Schuldnerberatung Schwelm",
        provider=debt,
        topics=["schulden"],
        target_groups=["langzeitarbeitslose", "alleinerziehende"],
        funding=["16a", "eigenmittel"],
        jobcenters=[en, hagen],
        locations=((51.2889, 7.2955, "Schwelm"), (51.3594, 7.4747, "Hagen")),
        confirmed_at=date(2024, 5, 2),
        confirmed_by="Petra Lange",
        teaser="Beratung bei Schulden – auch =Formeln bleiben Text.",
        description="<p>Erster Absatz.</p><p>Zweiter &amp; letzter.</p>",
        eligibility="Leistungsberechtigte\nim Kreis.",
        min_age=18,
        max_age=99,
        access="frei",
        costs="kostenlos",
        accessibility_note="Aufzug vorhanden",
        capacity=30,
        waiting_weeks=0,
        schedule="Mo–Do 9–16 Uhr | Di offen",
        offer_status="pausiert",
        contact_name="Petra Lange",
        contact_email="p.lange@sb-en.example",
        contact_phone="+49 2336 4471",
        external_id="sb-schwelm",
    )
    full.languages = list(Language.objects.filter(slug__in=["deutsch", "tuerkisch"]))
    full.accessibility = list(AccessibilityFeature.objects.filter(slug="rollstuhlgerecht"))
    full.save_revision().publish()
    # The first location with a full address, the second with the town alone.
    location = full.locations.order_by("sort_order").first()
    location.name, location.street, location.postcode = "Beratungsstelle", "Markt 1", "58332"
    location.save()
    create_offer("Interne Sprechstunde", provider=debt, staff_only=True, offer_status="beendet")
    create_offer("Entwurf, nie veröffentlicht", provider=debt, live=False)
    create_offer(
        "Suchtberatung Hagen",
        provider=create_provider("Suchthilfe Hagen", external_id="suchthilfe-hagen"),
        topics=["sucht"],
        locations=((51.3594, 7.4747, "Hagen"),),
    )


# ---------------------------------------------------------------------------------------------
# Import


def test_json_import_creates_a_published_offer_with_every_field(jobcenters, write):
    stdout = run_import(write([organization(service())]))

    assert "Prüfe 1 Angebot …" in stdout
    assert "Angebote geschrieben: 1/1 (100 %)" in stdout
    assert "Angebote angelegt: 1, aktualisiert: 0, unverändert: 0; Träger angelegt: 1" in stdout
    provider = Provider.objects.get()
    assert (provider.external_id, provider.name, provider.partner_type.name) == (
        "stadt-hagen",
        "Stadt Hagen",
        "Kommune",
    )
    assert (provider.website, provider.email, provider.phone) == (
        "https://www.hagen.example",
        "soziales@hagen.example",
        "02331 207-0",
    )
    page = OfferPage.objects.get()
    assert page.live and page.live_revision_id == page.latest_revision_id
    assert page.get_parent().specific.slug == "angebote"
    assert (page.title, page.slug, page.external_id, page.provider) == (
        "Schuldnerberatung Hagen",
        "schuldnerberatung-hagen",
        "sb-hagen",
        provider,
    )
    assert page.description == (
        "<p>Erster Absatz.</p><p>Zweiter Absatz mit &lt;b&gt;Markup&lt;/b&gt; &amp; Co.</p>"
    )
    assert [t.name for t in page.topics.all()] == ["Schulden", "Beratung und Coaching"]
    assert [f.slug for f in page.funding_routes.all()] == ["16a", "avgs"]
    assert [lang.name for lang in page.languages.all()] == ["Deutsch", "Türkisch"]
    assert [a.name for a in page.accessibility.all()] == ["rollstuhlgerecht"]
    assert sorted(j.name for j in page.jobcenters.all()) == ["Jobcenter EN", "Jobcenter Hagen"]
    assert (page.min_age, page.max_age, page.access, page.capacity, page.waiting_weeks) == (
        18,
        67,
        "zuweisung",
        40,
        6,
    )
    assert (page.offer_status, page.schedule, page.costs) == (
        "pausiert",
        "Mo–Fr 8:30–12 Uhr",
        "kostenlos",
    )
    assert (page.contact_name, page.contact_email, page.confirmed_at, page.confirmed_by) == (
        "Frank Weber",
        "f.weber@hagen.example",
        date(2025, 3, 1),
        "Frank Weber",
    )
    [location] = page.locations.all()
    assert (location.name, location.street, location.postcode, location.town) == (
        "Rathaus",
        "Elberfelder Straße 60",
        "58095",
        "Hagen",
    )
    assert (location.latitude, location.longitude) == (Decimal("51.35940"), Decimal("7.47470"))
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_staff_visibility_restricts_the_offer_to_network_staff(jobcenters, write, client):
    run_import(write([organization(service(visibility="staff"))]))

    page = OfferPage.objects.get()
    assert PageViewRestriction.objects.filter(page=page).exists()
    response = client.get(page.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/anmelden/")


def test_a_second_run_of_the_same_file_changes_nothing(jobcenters, write):
    path = write([organization(service(), service(id="sb-en", name="Schuldnerberatung EN"))])
    run_import(path)
    before = counts()

    stdout = run_import(path)

    assert counts() == before
    assert "Angebote angelegt: 0, aktualisiert: 0, unverändert: 2; Träger angelegt: 0" in stdout


def test_records_without_id_are_matched_by_provider_and_title(jobcenters, write):
    path = write([organization(service(id=None), id=None)])
    run_import(path)
    before = counts()

    run_import(path)

    assert counts() == before


def test_a_changed_record_updates_the_offer_it_matches_by_id(jobcenters, write):
    run_import(write([organization(service())]))
    page = OfferPage.objects.get()
    revisions = Revision.objects.count()

    stdout = run_import(
        write([organization(service(name="Schuldnerberatung Hagen-Mitte", wait_time=1))])
    )

    assert "aktualisiert: 1" in stdout
    page.refresh_from_db()
    assert (page.title, page.waiting_weeks) == ("Schuldnerberatung Hagen-Mitte", 1)
    assert OfferPage.objects.count() == 1
    assert Revision.objects.count() == revisions + 1


def test_one_bad_record_aborts_the_whole_import(jobcenters, write):
    path = write(
        [
            organization(
                service(id="a", name="Schuldnerberatung Schwelm"),
                service(id="b", name="Suchtberatung Hagen"),
                service(id="c", funding=["§ 99"]),
            )
        ]
    )

    errors, message = run_failing_import(path)

    assert counts() == {"offers": 0, "providers": 0, "revisions": 0, "restrictions": 0}
    assert message == "Import abgebrochen: 1 Fehler; es wurde nichts geschrieben."
    assert errors == [
        "Datensatz 3 (Schuldnerberatung Hagen): Unbekannter Förderweg „§ 99“. Erlaubt: "
        "§ 16a SGB II kommunale Eingliederungsleistungen, § 16i/§ 16e SGB II, § 16h SGB II, "
        "AVGS nach § 45 SGB III, Bildungsgutschein nach § 81 SGB III, Eigenmittel/kostenlos."
    ]


def test_every_error_of_the_file_is_listed_in_german(jobcenters, write):
    path = write(
        [
            organization(
                service(
                    topics=["Gartenbau"],
                    minimum_age=30,
                    maximum_age=20,
                    service_areas=["Jobcenter Atlantis"],
                    wait_time="bald",
                    status="vielleicht",
                ),
                service(
                    id="paris",
                    name="Beratung in Paris",
                    locations=[{"city": "Paris", "latitude": 48.8566, "longitude": 2.3522}],
                    contacts=[{"email": "kein-at-zeichen"}],
                ),
                service(id="ohne-titel", name=" "),
            ),
            organization(name="", id="ohne-namen"),
            organization(service(id="x", name="Coaching"), id="y", type="Raumfahrt", name="Neu"),
        ]
    )

    errors, message = run_failing_import(path)

    assert errors == [
        "Datensatz 1 (Schuldnerberatung Hagen): Unbekanntes Handlungsfeld „Gartenbau“. Erlaubt: "
        "Gesundheit, Sucht, Schulden, Kinderbetreuung, Mobilität, Wohnen, Qualifizierung, "
        "Arbeitgeberservice, Beratung und Coaching, Netzwerkarbeit, "
        "Übergänge/Rechtskreiswechsel.",
        "Datensatz 1 (Schuldnerberatung Hagen), Feld „maximum_age“: das Höchstalter (20) liegt "
        "unter dem Mindestalter (30)",
        "Datensatz 1 (Schuldnerberatung Hagen), Feld „wait_time“: muss eine ganze Zahl von 0 "
        "bis 104 sein (gefunden: „bald“)",
        "Datensatz 1 (Schuldnerberatung Hagen): Unbekannter Status „vielleicht“. Erlaubt: "
        "active, inactive, defunct, aktiv, pausiert, beendet.",
        "Datensatz 1 (Schuldnerberatung Hagen): Unbekanntes Jobcenter „Jobcenter Atlantis“: Es "
        "steht nicht im Jobcenter-Verzeichnis.",
        "Datensatz 2 (Beratung in Paris), Feld „locations[1]“: der Standort „Paris“ (48.8566, "
        "2.3522) liegt nicht in Deutschland: Die Breite muss zwischen 47 und 55,1 liegen, die "
        "Länge zwischen 5,8 und 15,1",
        "Datensatz 2 (Beratung in Paris), Feld „contacts[1].email“: „kein-at-zeichen“ ist keine "
        "gültige E-Mail-Adresse",
        "Datensatz 3, Feld „name“: ist ein Pflichtfeld und darf nicht leer sein",
        "Träger 2, Feld „name“: ist ein Pflichtfeld und darf nicht leer sein",
        "Träger 3 (Neu): Unbekannte Trägerart „Raumfahrt“. Erlaubt: Kommune, Krankenkasse, "
        "Schuldnerberatung, Suchtberatung, Bildungsträger, Arbeitgeber, Agentur für Arbeit, "
        "Jugendamt, Kammer, Wohlfahrtsverband, Wissenschaft.",
    ]
    assert message == "Import abgebrochen: 10 Fehler; es wurde nichts geschrieben."
    assert counts()["offers"] == 0


def test_unreadable_files_are_refused_in_german(index, write, tmp_path):
    errors, _ = run_failing_import(write(raw='{"name": "kein Array"}'))
    assert errors == [
        "Die Datei muss auf oberster Ebene eine Liste von Trägern mit ihren Angeboten enthalten "
        "([ {…}, {…} ]); gefunden: Objekt."
    ]
    errors, _ = run_failing_import(tmp_path / "fehlt.json")
    assert errors == [f"Datei „{tmp_path / 'fehlt.json'}“ nicht gefunden."]


def test_without_the_offer_page_nothing_is_imported(home, jobcenters, write):
    OfferPage.objects.all().delete()
    Page.objects.filter(slug="angebote").delete()

    errors, _ = run_failing_import(write([organization(service())]))

    assert errors == [
        "Es gibt keine Angebotsübersicht, unter der Angebote angelegt werden können. Legen Sie "
        "zuerst die Seite „Angebote“ an."
    ]


def test_dry_run_checks_and_writes_nothing(jobcenters, write):
    stdout = run_import(write([organization(service())]), "--dry-run")

    assert "Prüfung bestanden. Neue Angebote: 1, vorhandene Angebote: 0." in stdout
    assert counts()["offers"] == 0


# ---------------------------------------------------------------------------------------------
# Export and round trip


@pytest.mark.parametrize("format", ["json", "csv"])
def test_export_then_import_into_an_empty_database_gives_the_same_offers(
    catalogue, tmp_path, format
):
    before = offers_snapshot()
    path = tmp_path / f"export.{format}"
    stdout = run_export("--format", format, "-o", str(path))
    assert stdout == f"3 Angebote nach {path} exportiert.\n"

    delete_all_offers()
    assert counts()["offers"] == 0
    run_import(path)

    assert offers_snapshot() == before
    assert "Entwurf, nie veröffentlicht" not in {title for _, title in before}
    # Importing the export again finds every offer it wrote.
    offers = counts()["offers"]
    assert "unverändert: 3" in run_import(path)
    assert counts()["offers"] == offers


def test_json_export_is_hsds_style(catalogue):
    records = json.loads(run_export())

    assert [record["name"] for record in records] == [
        "Schuldnerberatung EN e. V.",
        "Suchthilfe Hagen",
    ]
    debt = records[0]
    assert debt["type"] == "Schuldnerberatung"
    assert [service["name"] for service in debt["services"]] == [
        "Schuldnerberatung Schwelm",
        "Interne Sprechstunde",
    ]
    full, internal = debt["services"]
    assert full["status"] == "inactive" and internal["status"] == "defunct"
    assert full["application_process"] == "freier Zugang"
    assert full["funding"] == [
        "§ 16a SGB II kommunale Eingliederungsleistungen",
        "Eigenmittel/kostenlos",
    ]
    assert full["locations"][0] == {
        "name": "Beratungsstelle",
        "address_1": "Markt 1",
        "postal_code": "58332",
        "city": "Schwelm",
        "latitude": "51.28890",
        "longitude": "7.29550",
    }
    assert (full["assured_date"], full["assurer"]) == ("2024-05-02", "Petra Lange")
    assert full["description"] == "Erster Absatz.\n\nZweiter & letzter."
    assert internal["visibility"] == "staff"


def test_csv_export_reads_back_with_semicolons_and_a_bom(catalogue):
    text = run_export("--format", "csv")

    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert [row["Titel"] for row in rows] == [
        "Schuldnerberatung Schwelm",
        "Interne Sprechstunde",
        "Suchtberatung Hagen",
    ]
    full = rows[0]
    assert full["Träger"] == "Schuldnerberatung EN e. V."
    assert full["Trägerart"] == "Schuldnerberatung"
    assert full["Förderwege"] == (
        "§ 16a SGB II kommunale Eingliederungsleistungen | Eigenmittel/kostenlos"
    )
    assert full["Sprachen"] == "Deutsch | Türkisch"
    assert full["Einzugsgebiet (Jobcenter)"] == "Jobcenter EN | Jobcenter Hagen"
    assert full["Standorte"] == (
        "Beratungsstelle: Markt 1, 58332 Schwelm (51.28890 7.29550) | Hagen (51.35940 7.47470)"
    )
    assert (full["Zugang"], full["Status"], full["Wartezeit in Wochen"]) == (
        "freier Zugang",
        "pausiert",
        "0",
    )
    assert full["Zuletzt bestätigt am"] == "02.05.2024"
    assert full["Kurzbeschreibung"] == "Beratung bei Schulden – auch =Formeln bleiben Text."
    assert full["Teilnahmevoraussetzungen"] == "Leistungsberechtigte\nim Kreis."
    assert full["Telefon der Ansprechperson"] == "+49 2336 4471"
    assert rows[1]["Sichtbarkeit"] == "intern"


def test_csv_cells_that_look_like_formulas_are_neutralised_and_read_back(jobcenters, write):
    run_import(write([organization(service(fees_description="=HYPERLINK(1)"))]))
    text = run_export("--format", "csv")
    [row] = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";")
    assert row["Kosten"] == "'=HYPERLINK(1)"

    delete_all_offers()
    run_import(write(raw=text, suffix="csv"))

    assert OfferPage.objects.get().costs == "=HYPERLINK(1)"


def test_csv_errors_name_the_row_and_the_german_column(jobcenters, write):
    header = "Träger;Titel;Mindestalter;Förderwege;Standorte;Einzugsgebiet (Jobcenter)"
    rows = [
        "Stadt Hagen;Schuldnerberatung;18;§ 16a SGB II kommunale Eingliederungsleistungen;"
        "Hagen (51.3594 7.4747);Jobcenter Hagen",
        "Stadt Hagen;Suchtberatung;zwölf;avgs;Markt 1 in Hagen;Jobcenter Hagen",
        ";Ohne Träger;;;;",
    ]
    path = write(raw="\ufeff" + "\r\n".join([header, *rows]) + "\r\n", suffix="csv")

    errors, _ = run_failing_import(path)

    assert errors == [
        "Zeile 3 (Suchtberatung), Feld „Mindestalter“: muss eine ganze Zahl von 0 bis 120 sein "
        "(gefunden: „zwölf“)",
        "Zeile 3 (Suchtberatung), Feld „Standorte, Eintrag 1“: „Markt 1 in Hagen“ ist kein "
        "Standort in der Form „Name: Straße 1, 12345 Ort (Breite Länge)“",
        "Zeile 4, Feld „Träger“: ist ein Pflichtfeld und darf nicht leer sein",
    ]
    assert counts()["offers"] == 0


def test_csv_rows_of_one_provider_make_one_provider(jobcenters, write):
    header = "Träger-ID;Träger;Trägerart;Titel;Standorte;Status;Zuletzt bestätigt am"
    yesterday = timezone.localdate() - timedelta(days=1)
    rows = [
        f"hagen;Stadt Hagen;Kommune;Schuldnerberatung;Hagen (51,3594 7,4747);aktiv;"
        f"{yesterday:%d.%m.%Y}",
        "hagen;Stadt Hagen;;Wohnungsnotfallhilfe;Hagen (51.3594 7.4747);beendet;",
    ]
    run_import(write(raw="\n".join([header, *rows]), suffix="csv"))

    provider = Provider.objects.get()
    assert (provider.external_id, provider.partner_type.name) == ("hagen", "Kommune")
    offers = {page.title: page for page in OfferPage.objects.all()}
    assert offers["Schuldnerberatung"].confirmed_at == yesterday
    assert offers["Wohnungsnotfallhilfe"].offer_status == "beendet"
    assert offers["Schuldnerberatung"].locations.get().latitude == Decimal("51.35940")


def test_csv_rows_that_disagree_about_their_provider_are_refused(jobcenters, write):
    header = "Träger-ID;Träger;Website des Trägers;Titel"
    rows = [
        "hagen;Stadt Hagen;https://www.hagen.example;Schuldnerberatung",
        "hagen;Stadt Hagen;https://www.hagen-alt.example;Suchtberatung",
    ]

    errors, _ = run_failing_import(write(raw="\n".join([header, *rows]), suffix="csv"))

    assert errors == [
        "Zeile 3, Feld „Website des Trägers“: die Angaben zum Träger „Stadt Hagen“ weichen von "
        "Zeile 2 ab"
    ]
    assert counts()["providers"] == 0


def test_the_export_runs_the_same_queries_for_few_and_many_offers(catalogue):
    with CaptureQueriesContext(connection) as few:
        offers_export_records()
    for number in range(5):
        create_offer(
            f"Weiteres Angebot {number}",
            provider=create_provider(f"Träger {number}", partner_type="kommune"),
            topics=["schulden", "sucht"],
            funding=["16a"],
            locations=((51.3, 7.3, "Schwelm"), (51.4, 7.4, "Witten")),
        )

    with CaptureQueriesContext(connection) as many:
        records = offers_export_records()

    assert sum(len(record["services"]) for record in records) == 8
    assert len(many.captured_queries) == len(few.captured_queries)
