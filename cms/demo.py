"""Demo content drawn from the Netzwerke ABC source texts; every step is safe to repeat."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from cms.accounts.groups import EDITORS, MODERATORS, PROVIDERS, STAFF, groups_sync
from events.demo import load_events
from events.demo_boards import load_boards
from forum.demo import load_forum
from offers.demo import load_offers
from practices.demo import load_practices
from practices.models import PracticeIndexPage

from .bulk import changes_batched
from .legal_demo import (
    EASY_LANGUAGE_SECTIONS,
    PRIVACY_INTRO,
    PRIVACY_SECTIONS,
    legal_values,
    load_accessibility_statement,
)
from .magazine_demo import load_magazine
from .magazine_demo_more import load_more_magazine
from .models import FooterSettings, GuideIndexPage, HomePage, MagazineIndexPage, StandardPage
from .site_url import site_address

DEMO_PASSWORD = "Netzwerk-ABC-2026"
DEMO_MEMBERS_SINCE_DAYS = 90


@dataclass(frozen=True)
class DemoUser:
    username: str
    display_name: str
    email: str
    organisation: str
    function: str
    region: str
    group: str | None
    superuser: bool = False


DEMO_USERS = [
    DemoUser(
        "anna.berger",
        "Anna Berger",
        "anna.berger@jobcenter-en.example",
        "Jobcenter EN",
        "Netzwerkkoordinatorin",
        "NW",
        STAFF,
    ),
    DemoUser(
        "jens.fischer",
        "Jens Fischer",
        "jens.fischer@iag-gelsenkirchen.example",
        "Integrationscenter für Arbeit Gelsenkirchen",
        "Arbeitsvermittler",
        "NW",
        STAFF,
    ),
    DemoUser(
        "maria.schulz",
        "Maria Schulz",
        "maria.schulz@jobcenter-kassel.example",
        "Jobcenter Stadt Kassel",
        "Integrationsfachkraft",
        "HE",
        STAFF,
    ),
    DemoUser(
        "redaktion",
        "Redaktion Wissensbörse",
        "redaktion@wissensboerse.example",
        "Redaktion Netzwerke ABC",
        "Redakteurin",
        "",
        EDITORS,
    ),
    DemoUser(
        "redaktion2",
        "Tobias Keller",
        "tobias.keller@wissensboerse.example",
        "Redaktion Netzwerke ABC",
        "Redakteur",
        "",
        EDITORS,
    ),
    DemoUser(
        "moderation",
        "Moderation Forum",
        "moderation@wissensboerse.example",
        "Redaktion Netzwerke ABC",
        "Moderatorin",
        "",
        MODERATORS,
    ),
    # Keeps the offers of her provider on the site (offers.demo makes her a member).
    DemoUser(
        "traeger",
        "Petra Lange",
        "p.lange@sib-en.example",
        "Schuldner- und Insolvenzberatung Ennepe-Ruhr e. V.",
        "Schuldnerberaterin",
        "NW",
        PROVIDERS,
    ),
    DemoUser(
        "admin",
        "Administration",
        "admin@wissensboerse.example",
        "Betrieb Wissensbörse",
        "Administrator",
        "",
        None,
        superuser=True,
    ),
]

HOME_INTRO = (
    "Die Wissensbörse der Initiative „Netzwerke für Aktivierung, Beratung und Chancen“: "
    "erprobte Ansätze aus den Jobcentern, das Magazin „chancen“, Handlungshilfen und ein "
    "Forum für den Austausch der Netzwerkmitarbeitenden."
)
HOME_BODY = [
    ("heading", {"text": "Gemeinsam gegen Langzeitarbeitslosigkeit", "level": "h2"}),
    (
        "paragraph",
        "<p>Langzeitarbeitslose Menschen benötigen eine besonders intensive Unterstützung, "
        "damit sich für sie neue Perspektiven am Arbeitsmarkt eröffnen. Daher hat das "
        "Bundesministerium für Arbeit und Soziales die Initiative „Netzwerke für Aktivierung, "
        "Beratung und Chancen“ gestartet – kurz „Netzwerke ABC“. Zahlreiche Beispiele aus den "
        "Jobcentern zeigen: Bereits heute leisten starke Netzwerke vor Ort einen wichtigen "
        "Beitrag, um gezielt Angebote für Menschen zu schaffen, die sehr weit vom Arbeitsmarkt "
        "entfernt sind.</p>",
    ),
    ("heading", {"text": "Neue Gestaltungsspielräume für Jobcenter", "level": "h2"}),
    (
        "paragraph",
        "<p>Alle Jobcenter sind aufgefordert, mit allen örtlichen Akteuren, die für eine "
        "erfolgreiche Vermittlung in Arbeit relevant sind, in einem Netzwerk zu kooperieren. "
        "Vor allem den kommunalen Partnern kommt dabei eine wichtige Rolle zu – beispielsweise "
        "bei der Kinderbetreuung, der Schuldner- und Suchtberatung oder der Sicherung von "
        "Mobilität für langzeitarbeitslose Menschen. Aber auch Krankenkassen sind zentrale "
        "Akteure, damit gemeinsam gute Ideen entstehen oder erfolgreiche Programme "
        "weiterentwickelt werden.</p>",
    ),
    ("heading", {"text": "Eine Ideenbörse für erfolgreiche Ansätze", "level": "h2"}),
    (
        "paragraph",
        "<p>Der regelmäßige Erfahrungsaustausch untereinander macht gute Ideen sichtbar. "
        "Bundesweit existieren bereits viele erfolgreiche Ansätze in den Jobcentern, die eine "
        "hohe Betreuungsintensität und -qualität verfolgen. Hier können "
        "Netzwerkmitarbeiterinnen und -mitarbeiter diskutieren, Fragen stellen und sich "
        "Anregungen aus allen Regionen bundesweit holen.</p>",
    ),
]

SECTION_PAGES = [
    (
        PracticeIndexPage,
        "Praxisbeispiele",
        "praxisbeispiele",
        "<p>Erprobte Ansätze aus den Jobcentern: finden, vergleichen, Kontakt aufnehmen.</p>",
    ),
    (
        MagazineIndexPage,
        "Magazin „chancen“",
        "magazin",
        "<p>Erfolgsgeschichten aus der Arbeit der Netzwerke ABC.</p>",
    ),
    (
        GuideIndexPage,
        "Handlungshilfen",
        "handlungshilfen",
        "<p>Praktische Anleitungen rund um die Netzwerkarbeit im Jobcenter.</p>",
    ),
]

# The demo's first versions of these pages; an unchanged one is replaced by today's text once.
LEGACY_STUBS = {
    "datenschutz": (
        "<p>Wir verarbeiten personenbezogene Daten nur, soweit dies für den Betrieb der "
        "Plattform erforderlich ist. Daten von Kundinnen und Kunden der Jobcenter "
        "(Sozialdaten) gehören nicht in Beiträge oder Praxisbeispiele.</p>"
        "<p>Die Suche speichert Suchbegriffe, die Zahl der Treffer und die Position des ersten "
        "angeklickten Treffers, damit die Redaktion die Suche verbessern kann, ohne Bezug zu "
        "Ihrer Person: ohne Benutzerkonto, IP-Adresse, Sitzung oder Browserangaben. Diese "
        "Einträge werden nach {search_log_days} Tagen gelöscht.</p>"
    ),
}

# (footer field, title, slug, lead, sections of (heading or None, rich text)); the texts may
# use the figures of ``legal_values()``.
LEGAL_PAGES = [
    (
        "imprint_page",
        "Impressum",
        "impressum",
        "Angaben gemäß § 5 DDG.",
        [
            (
                None,
                # Wagtail's rich text editor reads only the self-closing <br/> of its storage
                # format.
                "<p>Wissensbörse der Netzwerke ABC<br/>Redaktion Netzwerke ABC<br/>"
                "Musterstraße 1, 10115 Berlin<br/>E-Mail: redaktion@wissensboerse.example</p>",
            )
        ],
    ),
    ("privacy_page", "Datenschutz", "datenschutz", PRIVACY_INTRO, PRIVACY_SECTIONS),
    (
        "easy_language_page",
        "Leichte Sprache",
        "leichte-sprache",
        "Die Wissensbörse in Leichter Sprache.",
        EASY_LANGUAGE_SECTIONS,
    ),
]

Log = Callable[[str], None]


def _child_by_slug(parent: Page, slug: str) -> Page | None:
    return parent.get_children().filter(slug=slug).specific().first()


def _add_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _legal_body(sections: list[tuple[str | None, str]]) -> list[tuple[str, object]]:
    values = legal_values()
    body: list[tuple[str, object]] = []
    for heading, text in sections:
        if heading:
            body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", text.format(**values)))
    return body


def _legal_page(
    home: HomePage, slug: str, title: str, intro: str, sections: list, log: Log
) -> StandardPage:
    page = _child_by_slug(home, slug)
    if page is None:
        page = StandardPage(
            title=title, slug=slug, intro=intro, body=_legal_body(sections), show_in_menus=False
        )
        log(f"angelegt: Seite {title}")
        return _add_child(home, page)
    stub = LEGACY_STUBS.get(slug)
    body = [block.value.source for block in page.body if block.block_type == "paragraph"]
    if stub is not None and body == [stub.format(**legal_values())]:
        page.intro = intro
        page.body = _legal_body(sections)
        page.save_revision().publish()
        log(f"aktualisiert: Seite {title}")
    return page


def load_users(log: Log) -> None:
    groups_sync()
    user_model = get_user_model()
    for demo in DEMO_USERS:
        user, created = user_model.objects.get_or_create(
            username=demo.username,
            defaults={
                "display_name": demo.display_name,
                "email": demo.email,
                "organisation": demo.organisation,
                "function": demo.function,
                "region": demo.region,
                "is_staff": demo.superuser,
                "is_superuser": demo.superuser,
                # Members of some standing: the forum's limits for new members (and the demo's
                # own topics, written in their names just now) must not stop a first visit.
                "date_joined": timezone.now() - timedelta(days=DEMO_MEMBERS_SINCE_DAYS),
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
            if demo.group:
                user.groups.add(Group.objects.get(name=demo.group))
        log(f"{'angelegt' if created else 'vorhanden'}: Benutzer {demo.username}")


def load_site(log: Log) -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = HomePage(title="Wissensbörse Netzwerke ABC", slug="home")
        _add_child(root, home)
    if not home.intro:
        home.intro = HOME_INTRO
        home.body = HOME_BODY
        home.save_revision().publish()
        log("angelegt: Startseite")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_address()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Wissensbörse Netzwerke ABC",
        )
    for page_class, title, slug, intro in SECTION_PAGES:
        if _child_by_slug(home, slug) is None:
            _add_child(home, page_class(title=title, slug=slug, intro=intro))
            log(f"angelegt: Seite {title}")

    footer = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    pages = {
        field: _legal_page(home, slug, title, intro, sections, log)
        for field, title, slug, intro, sections in LEGAL_PAGES
    }
    pages["accessibility_page"] = load_accessibility_statement(home, log)
    changed = [field for field, page in pages.items() if getattr(footer, f"{field}_id") != page.pk]
    for field in changed:
        setattr(footer, field, pages[field])
    if changed:
        footer.save()
    return home


# Each app adds its own loader here as its content types arrive.
LOADERS: list[Callable[[Log], object]] = [
    load_users,
    load_site,
    load_practices,
    # After the practices, so that articles can embed them on the first run.
    load_magazine,
    load_more_magazine,
    # After the practices, so that discussions can link to them on the first run.
    load_forum,
    # After the forum: proposals link to the topics that grew out of them.
    load_events,
    load_boards,
    # After the practices, whose loader makes the Jobcenters the offers serve.
    load_offers,
]


def load_demo(log: Log) -> None:
    # Each object is indexed once, at the end, however often the loaders save it.
    with transaction.atomic(), changes_batched():
        for loader in LOADERS:
            loader(log)
