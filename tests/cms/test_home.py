"""The home page as the hub: the sections each visitor sees, the region of a member (its
practices, events and offers), access, the cached sections' invalidation and a query count
that does not grow with the content."""

import re
from collections import Counter
from datetime import date
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.access import page_set_staff_only
from cms.accounts.groups import STAFF
from events import home as events_home
from forum import home as forum_home
from forum.permissions import ensure_default_permissions
from offers import home as offers_home
from practices import home as practices_home
from practices.models import Jobcenter
from tests.cms.magazine_helpers import magazine_index, make_article, make_issue
from tests.conftest import read_again, rows_for_the_class
from tests.factories import create_user, site_home
from tests.factories.events import create_event, event_index
from tests.factories.offers import create_offer, create_provider, offer_index
from tests.factories.practices import create_jobcenter, create_practice, create_practices
from tests.forum.helpers import create_category, create_topic
from tests.search.helpers import sync

pytestmark = pytest.mark.django_db

GERMAN_DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")


def build_hub() -> SimpleNamespace:
    """A little of everything the home page shows, in two Länder."""
    home = site_home()
    ensure_default_permissions()
    en = create_jobcenter("Jobcenter EN", land="NW", slug="jobcenter-en")
    bochum = create_jobcenter("Jobcenter Bochum", land="NW", slug="jobcenter-bochum")
    nuernberg = create_jobcenter("Jobcenter Nürnberg", land="BY", slug="jobcenter-nuernberg")
    world = SimpleNamespace(
        en_practice=create_practice(
            "Suchtberatung im Ennepe-Ruhr-Kreis", jobcenters=[en], revision=False
        ),
        bochum_practice=create_practice("Mobilität in Bochum", jobcenters=[bochum], revision=False),
        bavarian_practice=create_practice(
            "Schuldnerberatung in Nürnberg", jobcenters=[nuernberg], revision=False
        ),
        staff_practice=create_practice(
            "Interne Auswertung der Netzwerke", jobcenters=[bochum], staff_only=True, revision=False
        ),
        event=create_event("Regionaltreffen West", days_ahead=10, land="NW"),
        past_event=create_event("Werkstattgespräch des Vorjahres", days_ahead=-30),
        issue=make_issue(magazine_index(home), number=7, title="Ausgabe 07", theme="Zeit | LOS!"),
        category=create_category("Netzwerkarbeit"),
    )
    world.article = make_article(world.issue, title="Gemeinsam stark im Quartier")
    world.member = create_user(
        STAFF, username="anna.berger", region="NW", organisation="Jobcenter EN"
    )
    world.topic = create_topic(
        world.category, world.member, title="Wie bindet ihr die Suchtberatung ein?"
    )
    return world


# Written once for the module's tests (every one of them takes ``hub``), rolled back after them.
hub_of_the_module = rows_for_the_class(build_hub, name="hub_of_the_module", scope="module")


@pytest.fixture
def hub(hub_of_the_module, db):
    return read_again(hub_of_the_module)


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def sections(soup: BeautifulSoup) -> dict[str, BeautifulSoup]:
    """Each section of the hub by the text of the heading that labels it."""
    found = {}
    for section in soup.select(".home-sections > section[aria-labelledby]"):
        heading = section.find(id=section["aria-labelledby"])
        assert heading.name == "h2"
        found[heading.find(string=True, recursive=False).strip()] = section
    return found


def link_texts(section) -> list[str]:
    return [link.get_text(strip=True) for link in section.select("h3 a, h4 a, .home-list__title")]


def region_parts(section) -> dict[str, BeautifulSoup]:
    """The parts of „Neu in Ihrer Region“ by their sub-heading."""
    return {
        heading.get_text(strip=True): heading.find_parent(class_="home-region__part")
        for heading in section.select(".home-region__head > h3")
    }


class TestAnonymousVisitor:
    def test_sees_the_public_sections_after_the_search(self, client, hub):
        soup = soup_of(client.get("/"))

        found = sections(soup)
        assert list(found) == [
            "Neue Praxisbeispiele",
            "Nächste Veranstaltungen",
            "Aktuelle Ausgabe",
        ]
        search = soup.select_one("main form[role=search]")
        first_section = soup.select_one(".home-sections > section")
        assert search.find_next("section") is first_section

    def test_newest_public_practices_only(self, client, hub):
        practices = link_texts(sections(soup_of(client.get("/")))["Neue Praxisbeispiele"])

        assert set(practices) == {
            "Suchtberatung im Ennepe-Ruhr-Kreis",
            "Mobilität in Bochum",
            "Schuldnerberatung in Nürnberg",
        }

    def test_upcoming_events_only_with_german_dates(self, client, hub):
        section = sections(soup_of(client.get("/")))["Nächste Veranstaltungen"]

        assert link_texts(section) == ["Regionaltreffen West"]
        assert GERMAN_DATE.search(section.find("time").get_text())

    def test_current_issue_with_cover_and_articles(self, client, home, hub):
        make_issue(
            magazine_index(home), number=3, title="Ausgabe 03", publication_date=date(2003, 1, 1)
        )

        section = sections(soup_of(client.get("/")))["Aktuelle Ausgabe"]

        assert link_texts(section) == ["Ausgabe 07", "Gemeinsam stark im Quartier"]
        assert section.find("img")["alt"] == "Titelbild der Ausgabe 7"
        assert GERMAN_DATE.search(section.find("time").get_text())

    def test_no_forum_and_no_region(self, client, hub):
        soup = soup_of(client.get("/"))

        assert "Aktive Diskussionen" not in sections(soup)
        assert "Neu in Ihrer Region" not in sections(soup)
        assert "Wie bindet ihr die Suchtberatung ein?" not in soup.get_text()

    def test_each_section_links_to_its_list(self, client, hub):
        found = sections(soup_of(client.get("/")))

        more = {
            name: section.select_one(".home-section__more")["href"]
            for name, section in found.items()
        }
        assert more == {
            "Neue Praxisbeispiele": "/praxisbeispiele/",
            "Nächste Veranstaltungen": event_index().url,
            "Aktuelle Ausgabe": "/magazin/",
        }


class TestMember:
    def test_sees_active_discussions(self, client, hub):
        client.force_login(hub.member)

        section = sections(soup_of(client.get("/")))["Aktive Diskussionen"]

        assert link_texts(section) == ["Wie bindet ihr die Suchtberatung ein?"]
        assert section.select_one(".home-section__more")["href"] == "/forum/neueste/"

    def test_sees_the_practices_of_their_land_own_jobcenter_first(self, client, hub):
        create_practice("Neuer in Bochum", jobcenters=[hub.bochum_practice.jobcenters.first()])
        client.force_login(hub.member)

        section = sections(soup_of(client.get("/")))["Neu in Ihrer Region"]

        practices = region_parts(section)["Praxisbeispiele"]
        titles = link_texts(practices)
        assert titles[0] == "Suchtberatung im Ennepe-Ruhr-Kreis"
        # The cards' titles sit one level below the part's heading.
        assert {title.name for title in practices.select(".practice-card__title")} == {"h4"}
        assert set(titles) == {
            "Suchtberatung im Ennepe-Ruhr-Kreis",
            "Neuer in Bochum",
            "Mobilität in Bochum",
            "Interne Auswertung der Netzwerke",  # network staff may see it
        }
        assert "Schuldnerberatung in Nürnberg" not in titles
        assert section.select_one(".home-own").get_text(strip=True) == (
            "Aus Ihrem Jobcenter: Jobcenter EN"
        )
        assert section.select_one(".home-section__more")["href"] == (
            "/praxisbeispiele/?bundesland=NW"
        )

    def test_another_land_shows_its_own(self, client, hub):
        bavarian = create_user(STAFF, username="bayern", region="BY", organisation="")
        client.force_login(bavarian)

        section = sections(soup_of(client.get("/")))["Neu in Ihrer Region"]

        assert link_texts(section) == ["Schuldnerberatung in Nürnberg"]
        assert "Bayern" in section.find("h2").get_text()

    def test_without_a_region_gets_a_hint_to_the_profile(self, client, hub):
        client.force_login(create_user(STAFF, username="ohne.land", region=""))

        section = sections(soup_of(client.get("/")))["Neu in Ihrer Region"]

        assert section.find("ul") is None
        assert section.select_one(".home-hint a")["href"] == "/konto/profil/#id_region"

    def test_a_member_without_forum_rights_gets_no_forum_section(self, client, hub):
        client.force_login(create_user(username="ohne.gruppe", region="NW"))

        found = sections(soup_of(client.get("/")))

        assert "Aktive Diskussionen" not in found
        assert "Neu in Ihrer Region" in found


def build_region() -> SimpleNamespace:
    """Events and offers in Nordrhein-Westfalen and Bayern, with those no list may show."""
    en = Jobcenter.objects.get(slug="jobcenter-en")
    nuernberg = Jobcenter.objects.get(slug="jobcenter-nuernberg")
    provider = create_provider("Diakonie Mark-Ruhr")
    offer_index()
    return SimpleNamespace(
        bavarian_event=create_event("Regionaltreffen Süd", days_ahead=5, land="BY"),
        staff_event=create_event("Internes Netzwerktreffen West", days_ahead=3, staff_only=True),
        draft_event=create_event("Barcamp in Vorbereitung", days_ahead=4, live=False),
        offer=create_offer("Schuldnerberatung Schwelm", provider=provider, jobcenters=[en]),
        bavarian_offer=create_offer(
            "Suchtberatung Nürnberg",
            jobcenters=[nuernberg],
            locations=[(49.4521, 11.0767, "Nürnberg")],
        ),
        staff_offer=create_offer(
            "Fallkonferenz für Netzwerkpartner", jobcenters=[en], staff_only=True
        ),
        draft_offer=create_offer("Coaching in Planung", jobcenters=[en], live=False),
        ended_offer=create_offer(
            "Bewerbungstraining 2024", jobcenters=[en], offer_status="beendet"
        ),
    )


@pytest.fixture
def region(region_of_the_class, db):
    # Only read: no test changes these objects.
    return region_of_the_class


def region_of(client, user) -> BeautifulSoup:
    client.force_login(user)
    return sections(soup_of(client.get("/")))["Neu in Ihrer Region"]


# Every test of the class takes ``region``.
region_of_the_class = rows_for_the_class(build_region, name="region_of_the_class")


class TestRegion:
    def test_one_heading_for_the_land_and_one_per_kind(self, client, hub, region):
        section = region_of(client, hub.member)

        assert " ".join(section.find("h2").get_text().split()) == (
            "Neu in Ihrer Region: Nordrhein-Westfalen"
        )
        assert list(region_parts(section)) == ["Praxisbeispiele", "Veranstaltungen", "Angebote"]

    def test_staff_see_the_next_events_of_their_land_only(self, client, hub, region):
        events = region_parts(region_of(client, hub.member))["Veranstaltungen"]

        assert link_texts(events) == ["Internes Netzwerktreffen West", "Regionaltreffen West"]
        badges = [item.select_one(".badge--staff") for item in events.select("li")]
        assert badges[0].get_text(strip=True) == "Nur für Netzwerk-Mitarbeitende"
        assert badges[1] is None
        assert GERMAN_DATE.search(events.find("time").get_text())

    def test_staff_see_the_newest_offers_of_their_land_only(self, client, hub, region):
        offers = region_parts(region_of(client, hub.member))["Angebote"]

        assert link_texts(offers) == [
            "Fallkonferenz für Netzwerkpartner",
            "Schuldnerberatung Schwelm",
        ]
        newest = offers.select("li")[1].select_one(".home-list__meta").get_text(" ", strip=True)
        assert newest == "Diakonie Mark-Ruhr · Schwelm"

    def test_others_never_see_staff_only_or_unpublished(self, client, hub, region):
        member = create_user(username="ohne.gruppe", region="NW")

        parts = region_parts(region_of(client, member))

        assert link_texts(parts["Veranstaltungen"]) == ["Regionaltreffen West"]
        assert link_texts(parts["Angebote"]) == ["Schuldnerberatung Schwelm"]

    def test_no_more_than_three_of_each(self, client, hub, region):
        for number in range(4):
            create_event(f"Fachtag {number}", days_ahead=1)
            create_offer(f"Coaching {number}", jobcenters=[region.offer.jobcenters.first()])

        parts = region_parts(region_of(client, hub.member))

        assert link_texts(parts["Veranstaltungen"]) == ["Fachtag 0", "Fachtag 1", "Fachtag 2"]
        assert link_texts(parts["Angebote"]) == ["Coaching 3", "Coaching 2", "Coaching 1"]

    def test_the_events_link_lists_the_events_of_the_land(self, client, hub, region):
        events = region_parts(region_of(client, hub.member))["Veranstaltungen"]
        more = events.select_one(".home-section__more")

        assert more.get_text(strip=True) == "Alle Veranstaltungen in Nordrhein-Westfalen"
        assert more["href"] == f"{event_index().url}?land=NW"
        listed = soup_of(client.get(more["href"])).get_text()
        assert "Regionaltreffen West" in listed
        assert "Regionaltreffen Süd" not in listed

    def test_the_offers_link_lists_the_offers_of_the_land(self, client, settings, hub, region):
        settings.SEARCH_HYBRID = False
        sync()
        offers = region_parts(region_of(client, hub.member))["Angebote"]
        more = offers.select_one(".home-section__more")

        assert more.get_text(strip=True) == "Alle Angebote in Nordrhein-Westfalen"
        assert more["href"] == f"{offer_index().url}?bundesland=NW&nahe="
        listed = [
            title.get_text(strip=True)
            for title in soup_of(client.get(more["href"])).select(".offer-card__title")
        ]
        assert "Schuldnerberatung Schwelm" in listed
        assert "Suchtberatung Nürnberg" not in listed


class TestRegionWithoutItsEventsAndOffers:
    def test_a_kind_the_land_lacks_is_left_out(self, client, hub):
        bavarian = create_user(STAFF, username="bayern", region="BY", organisation="")
        create_offer(
            "Suchtberatung Nürnberg", jobcenters=[hub.bavarian_practice.jobcenters.first()]
        )

        parts = region_parts(region_of(client, bavarian))

        assert list(parts) == ["Praxisbeispiele", "Angebote"]

    def test_a_land_with_nothing_new_says_so(self, client, hub):
        section = region_of(client, create_user(STAFF, username="hessen", region="HE"))

        assert region_parts(section) == {}
        assert section.select_one(".home-empty").get_text(strip=True) == (
            "Aus Hessen gibt es noch nichts Neues."
        )


class TestAccess:
    def test_staff_only_practice_hidden_from_the_public_shown_to_staff(self, client, hub):
        public = link_texts(sections(soup_of(client.get("/")))["Neue Praxisbeispiele"])
        client.force_login(hub.member)
        staff = link_texts(sections(soup_of(client.get("/")))["Neue Praxisbeispiele"])

        assert "Interne Auswertung der Netzwerke" not in public
        assert "Interne Auswertung der Netzwerke" in staff

    def test_public_never_gets_the_staff_rendering(self, client, hub):
        client.force_login(hub.member)
        client.get("/")
        client.logout()

        soup = soup_of(client.get("/"))

        assert "Interne Auswertung der Netzwerke" not in soup.get_text()

    def test_staff_only_event_badge_for_staff_only(self, client, hub):
        create_event("Internes Netzwerktreffen", days_ahead=3, staff_only=True)

        public = sections(soup_of(client.get("/")))["Nächste Veranstaltungen"]
        client.force_login(hub.member)
        staff = sections(soup_of(client.get("/")))["Nächste Veranstaltungen"]

        assert link_texts(public) == ["Regionaltreffen West"]
        assert link_texts(staff) == ["Internes Netzwerktreffen", "Regionaltreffen West"]
        assert staff.select_one(".badge--staff").get_text(strip=True) == (
            "Nur für Netzwerk-Mitarbeitende"
        )


class TestCachedSections:
    def newest(self, client) -> list[str]:
        return link_texts(sections(soup_of(client.get("/")))["Neue Praxisbeispiele"])

    def test_kept_between_requests(self, client, hub):
        client.get("/")

        with CaptureQueriesContext(connection) as cached:
            client.get("/")
        cache.clear()
        with CaptureQueriesContext(connection) as fresh:
            client.get("/")

        assert len(cached) < len(fresh)

    def test_published_practice_shows_at_once_and_leaves_when_unpublished(self, client, hub):
        assert "Frisch veröffentlicht" not in self.newest(client)

        practice = create_practice("Frisch veröffentlicht", jobcenters=[create_jobcenter()])
        assert "Frisch veröffentlicht" in self.newest(client)

        practice.unpublish()
        assert "Frisch veröffentlicht" not in self.newest(client)

    def test_made_staff_only_leaves_the_public_list(self, client, hub):
        assert "Mobilität in Bochum" in self.newest(client)

        page_set_staff_only(hub.bochum_practice, True)

        assert "Mobilität in Bochum" not in self.newest(client)

    def test_deleted_practice_leaves(self, client, hub):
        assert "Mobilität in Bochum" in self.newest(client)

        hub.bochum_practice.delete()

        assert "Mobilität in Bochum" not in self.newest(client)

    def test_new_event_and_issue_show_at_once(self, client, home, hub):
        client.get("/")

        create_event("Barcamp Netzwerke", days_ahead=2, event_type="barcamp")
        make_issue(magazine_index(home), number=8, title="Ausgabe 08")
        found = sections(soup_of(client.get("/")))

        assert link_texts(found["Nächste Veranstaltungen"])[0] == "Barcamp Netzwerke"
        assert link_texts(found["Aktuelle Ausgabe"])[0] == "Ausgabe 08"


# More practices, topics, events and offers of a Land than any section of the home page shows.
MORE_THAN_SHOWN = 1 + max(
    practices_home.NEWEST_SHOWN,
    practices_home.REGION_SHOWN,
    forum_home.TOPICS_SHOWN,
    events_home.UPCOMING_SHOWN,
    events_home.REGION_SHOWN,
    offers_home.REGION_SHOWN,
)


class TestQueryCount:
    """The same number of statements for two practices, topics, events and offers of each Land
    as for more than any section shows."""

    def add(self, hub, count: int) -> None:
        nw = hub.en_practice.jobcenters.first()
        bavarian = hub.bavarian_practice.jobcenters.first()
        create_practices(count, jobcenters=[nw])
        create_practices(count, jobcenters=[bavarian])
        provider = create_provider()
        for number in range(count):
            create_topic(hub.category, hub.member, title=f"Frage Nummer {number}")
            create_event(f"Fachveranstaltung {number}", days_ahead=20 + number)
            create_event(f"Regionaltreffen Bayern {number}", days_ahead=20 + number, land="BY")
            create_offer(f"Angebot NRW {number}", provider=provider, jobcenters=[nw])
            create_offer(f"Angebot Bayern {number}", provider=provider, jobcenters=[bavarian])

    def statements(self, client) -> list[str]:
        client.get("/")  # the per-process caches (content types, site, renditions)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/")
        assert response.status_code == 200
        return [query["sql"] for query in captured]

    @pytest.mark.parametrize("who", ["anonymous", "member"])
    def test_constant(self, client, hub, who):
        if who == "member":
            client.force_login(hub.member)
        self.add(hub, 2)
        few = self.statements(client)

        self.add(hub, MORE_THAN_SHOWN)
        many = self.statements(client)

        assert len(many) == len(few)
        assert [sql for sql, count in Counter(many).items() if count > 1] == []
