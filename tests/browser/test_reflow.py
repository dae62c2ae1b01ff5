"""Reflow (WCAG 1.4.10), text spacing (WCAG 1.4.12) and axe-core on every page type of the site.

Loading the demo and starting a browser context cost more than visiting a page, so each test
loads the demo once, keeps one context per account and visits every page at both widths; it
collects what fails and reports it as one readable list.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from playwright.sync_api import expect

from tests.browser.conftest import axe_violations

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
# The first screen of a common phone, for "results come first".
SMALL_PHONE = {"width": 375, "height": 667}

# Lists the outermost elements that reach past the right edge of the window (those whose parent
# stays inside, so that one wide element is reported once and not with each of its children),
# and words that run out of their box. Content inside a scroll container or clipped by an
# ancestor does not widen the page.
STICKING_OUT = """
() => {
    const limit = window.innerWidth + 1;
    const clipped = (element) => {
        for (let node = element.parentElement; node && node !== document.body;) {
            const style = getComputedStyle(node);
            if (style.overflowX !== "visible" || style.position === "fixed") return true;
            node = node.parentElement;
        }
        return false;
    };
    const name = (element) => {
        let text = element.tagName.toLowerCase();
        if (element.id) text += "#" + element.id;
        if (typeof element.className === "string" && element.className.trim()) {
            text += "." + element.className.trim().split(/\\s+/).join(".");
        }
        return text;
    };
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0 || box.right <= limit) continue;
        const parent = element.parentElement;
        const parentOut = parent !== document.body && parent.getBoundingClientRect().right > limit;
        if (parentOut) continue;
        if (clipped(element)) continue;
        found.push(name(element) + " (right edge " + Math.round(box.right) + " px)");
    }
    const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let text = texts.nextNode(); text; text = texts.nextNode()) {
        const words = text.textContent.trim();
        if (!words || clipped(text)) continue;
        range.selectNodeContents(text);
        const box = range.getBoundingClientRect();
        const parent = text.parentElement;
        if (box.right <= limit || parent.getBoundingClientRect().right > limit) continue;
        const right = Math.round(box.right);
        found.push(`text in ${name(parent)} «${words.slice(0, 40)}» (right edge ${right} px)`);
    }
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        elements: found.slice(0, 6),
    };
}
"""

# The text spacing of WCAG 1.4.12, as a user style sheet would force it.
TEXT_SPACING = """
* {
    line-height: 1.5 !important;
    letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }
"""

# Boxes that hide what overflows them and hold more text than they show. Boxes of 1 px are the
# visually hidden texts for screen readers, which are clipped on purpose; lists and text fields
# scroll their own content.
CUT_TEXT = """
() => {
    const hides = (value) => value === "hidden" || value === "clip";
    const found = [];
    for (const element of document.body.querySelectorAll("*")) {
        const style = getComputedStyle(element);
        const hidesX = hides(style.overflowX);
        const hidesY = hides(style.overflowY);
        if (!hidesX && !hidesY) continue;
        if (element.clientWidth <= 1 || element.clientHeight <= 1) continue;
        if (["SELECT", "TEXTAREA", "INPUT"].includes(element.tagName)) continue;
        const text = element.textContent.trim();
        if (!text) continue;
        const cutY = hidesY && element.scrollHeight > element.clientHeight + 1;
        const cutX = hidesX && element.scrollWidth > element.clientWidth + 1;
        if (cutY || cutX) {
            const classes = String(element.className).trim().split(/\\s+/).filter(Boolean);
            const name = [element.tagName.toLowerCase(), ...classes].join(".");
            found.push(`${name} «${text.slice(0, 40)}»`);
        }
    }
    return found.slice(0, 6);
}
"""


@dataclass(frozen=True)
class Visit:
    label: str
    url: str


def _pages(*, member: bool) -> list[Visit]:
    """Every page type with the demo's content; the URLs come from the demo rows themselves."""
    from django.urls import reverse

    from events.models import EventSession
    from forum.models import Category, Topic
    from practices.models import Jobcenter

    topic = Topic.objects.filter(solution__isnull=False).order_by("pk").first()
    category = Category.objects.order_by("pk").first()
    board = EventSession.objects.filter(board__isnull=False).order_by("pk").first()
    jobcenter = Jobcenter.objects.order_by("slug").first()
    pages = [
        Visit("home", "/"),
        Visit("standard page", "/impressum/"),
        Visit("Leichte Sprache", "/leichte-sprache/"),
        Visit("Barrierefreiheitserklärung", "/barrierefreiheit/"),
        Visit("Datenschutz", "/datenschutz/"),
        Visit("practice library", "/praxisbeispiele/"),
        Visit(
            "practice library, filtered",
            "/praxisbeispiele/?handlungsfeld=sucht&bundesland=NW&von=2015",
        ),
        Visit("practice", "/praxisbeispiele/kooperationsvereinbarung-jobcenter-en/"),
        Visit("practice submission", reverse("practices:submit")),
        Visit("my submissions", reverse("practices:my_submissions")),
        Visit("magazine", "/magazin/"),
        Visit("magazine issue", "/magazin/ausgabe-07/"),
        Visit("article", "/magazin/ausgabe-07/netzwerke-abc-gemeinsam-mehr-chancen/"),
        Visit("guides", "/handlungshilfen/"),
        Visit("guide", "/handlungshilfen/netzwerkarbeit-im-jobcenter-aufbauen/"),
        Visit("search with results", reverse("search:search") + "?q=Suchtberatung"),
        Visit("search without results", reverse("search:search") + "?q=Zyxwvutsrq"),
        Visit("forum", reverse("forum:index")),
        Visit("forum, latest", reverse("forum:latest")),
        Visit("forum category", reverse("forum:category", args=[category.slug])),
        Visit("topic with solution", reverse("forum:topic", args=[topic.pk])),
        Visit("new topic", reverse("forum:topic_create")),
        Visit("reply", reverse("forum:reply", args=[topic.pk])),
        Visit("notifications", reverse("forum:notifications")),
        Visit("watched topics", reverse("forum:watches")),
        Visit("member", reverse("forum:member", args=["anna.berger"])),
        Visit("saved searches", reverse("alerts:list")),
        Visit(
            "save a search",
            reverse("alerts:save") + "?kind=practices&query=zielgruppe%3Dalleinerziehende",
        ),
        Visit("profile", reverse("accounts:profile")),
        Visit("events", "/veranstaltungen/"),
        Visit("past events", "/veranstaltungen/?zeit=vergangen"),
        Visit("event", "/veranstaltungen/fachveranstaltung-make-it-work/"),
        Visit("event board", reverse("events:board", args=[board.pk])),
        Visit("offers", "/angebote/"),
        Visit("offers, filtered", "/angebote/?q=Schuldnerberatung&topic=schulden"),
        Visit("offer", "/angebote/schuldnerberatung-schwelm/"),
        Visit("map", reverse("regions:map")),
        Visit("Jobcenter directory", reverse("regions:jobcenters")),
        Visit("Jobcenter directory, one Land", reverse("regions:jobcenters") + "?land=NW"),
        Visit("Jobcenter", reverse("regions:jobcenter", args=[jobcenter.slug])),
        Visit("password reset", reverse("accounts:password_reset")),
        Visit("not found", "/gibt-es-nicht/"),
    ]
    if not member:
        pages.append(Visit("login", reverse("accounts:login")))
    return pages


def _provider_pages() -> list[Visit]:
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from offers.selectors_providers import provider_offers

    offer = provider_offers(user=get_user_model().objects.get(username="traeger")).first()
    pages = [
        Visit("my offers", reverse("providers:my_offers")),
        Visit("new offer", reverse("providers:new")),
    ]
    if offer is not None:
        pages.append(Visit("edit offer", reverse("providers:edit", args=[offer.pk])))
    return pages


def _check(browser_page, visits: list[Visit], *, who: str) -> list[str]:
    """Visit every page at both widths; return what sticks out or fails axe, one line each.

    A page that sends the visitor on to one checked already (the login page, for pages only
    members see) is not checked again."""
    failures = []
    checked = set()
    for visit in visits:
        for size in (PHONE, DESKTOP):
            browser_page.set_viewport_size(size)
            response = browser_page.goto(visit.url)
            where = f"{who}, {visit.label} ({visit.url}) at {size['width']} px"
            if response is None or response.status >= 500:
                failures.append(f"{where}: HTTP {response.status if response else '—'}")
                continue
            landed = (urlsplit(browser_page.url).path, size["width"])
            if response.request.redirected_from is not None and landed in checked:
                continue
            checked.add(landed)
            reflow = browser_page.evaluate(STICKING_OUT)
            if reflow["scrollWidth"] > reflow["innerWidth"]:
                failures.append(
                    f"{where}: {reflow['scrollWidth']} px wide; sticking out: "
                    + (", ".join(reflow["elements"]) or "(nothing found)")
                )
            for violation in axe_violations(browser_page):
                targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                failures.append(f"{where}: axe {violation['id']}: {violation['help']} — {targets}")
    return failures


def _report(failures: list[str]) -> str:
    return f"{len(failures)} problems:\n" + "\n".join(failures)


def test_every_page_reflows_and_passes_axe_when_logged_out(page, demo_site):
    failures = _check(page, _pages(member=False), who="logged out")
    assert failures == [], _report(failures)


def test_every_page_reflows_and_passes_axe_when_logged_in(open_as, demo_site):
    failures = _check(open_as("anna.berger"), _pages(member=True), who="member")
    failures += _check(open_as("traeger"), _provider_pages(), who="provider")
    assert failures == [], _report(failures)


def test_text_spacing_override_cuts_no_text(open_as, demo_site):
    from forum.models import Topic

    topic = Topic.objects.filter(solution__isnull=False).order_by("pk").first()
    visits = [
        Visit("practice", "/praxisbeispiele/kooperationsvereinbarung-jobcenter-en/"),
        Visit("article", "/magazin/ausgabe-07/netzwerke-abc-gemeinsam-mehr-chancen/"),
        Visit("guide", "/handlungshilfen/netzwerkarbeit-im-jobcenter-aufbauen/"),
        Visit("topic", f"/forum/thema/{topic.pk}/"),
        Visit("search", "/suche/?q=Suchtberatung"),
        Visit("practice library", "/praxisbeispiele/"),
    ]
    browser_page = open_as("anna.berger")
    failures = []
    for visit in visits:
        for size in (PHONE, DESKTOP):
            browser_page.set_viewport_size(size)
            browser_page.goto(visit.url)
            # As a constructed style sheet, which the site's CSP (no inline styles) lets through
            # just as it lets a user style sheet or bookmarklet.
            browser_page.evaluate(
                "(css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
                " document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]; }",
                TEXT_SPACING,
            )
            where = f"{visit.label} ({visit.url}) at {size['width']} px"
            reflow = browser_page.evaluate(STICKING_OUT)
            if reflow["scrollWidth"] > reflow["innerWidth"]:
                failures.append(
                    f"{where}: {reflow['scrollWidth']} px wide with text spacing; sticking out: "
                    + ", ".join(reflow["elements"])
                )
            cut_off = browser_page.evaluate(CUT_TEXT)
            failures += [f"{where}: text cut off in {element}" for element in cut_off]
    assert failures == [], _report(failures)


def test_filters_fold_behind_a_disclosure_on_phones(page, browser, live_server, demo_site, open_as):
    lists = [
        ("/praxisbeispiele/?handlungsfeld=sucht&bundesland=NW", ".practice-card", "Filter (2)"),
        ("/suche/?q=Beratung", ".search-hit", "Filter"),
        ("/angebote/?topic=schulden", ".offer-card", "Filter (1)"),
        # The place counts as a filter; it sits in the panel too.
        ("/angebote/?nahe=jobcenter-en&umkreis=25", ".offer-card", "Filter (1)"),
        ("/veranstaltungen/?zeit=vergangen", ".event-card", "Filter"),
        ("/jobcenter/?land=NW", ".jobcenter-table tbody tr", "Filter (1)"),
    ]
    apply = page.get_by_role("button", name="Filter anwenden")
    panel = page.locator("details.filter-disclosure")
    summary = page.locator("summary.filter-disclosure__summary")
    for url, result, label in lists:
        page.set_viewport_size(SMALL_PHONE)
        page.goto(url)
        expect(summary).to_have_text(label)
        # Closed, so a screen reader hears "collapsed", and one line high above the results.
        expect(panel).not_to_have_attribute("open", "")
        expect(apply).to_be_hidden()
        panel_box = panel.bounding_box()
        first = page.locator(result).first.bounding_box()
        assert panel_box["height"] < 60, f"{url}: the closed filters are {panel_box['height']} px"
        assert first["y"] - (panel_box["y"] + panel_box["height"]) < 200, (
            f"{url}: the first result starts {round(first['y'])} px down the page"
        )
        summary.press("Enter")
        expect(panel).to_have_attribute("open", "")
        expect(apply).to_be_visible()

        page.set_viewport_size(DESKTOP)
        page.goto(url)
        expect(summary).to_be_hidden()
        expect(panel).to_have_attribute("open", "")
        expect(apply).to_be_visible()

    # Results come first: on every list the first result's title shows on the first screen,
    # below the header with its folded "Menü", for visitors and for a member (whose header
    # has more links, and whose offers are those near her Jobcenter).
    page.set_viewport_size(SMALL_PHONE)
    member = open_as("anna.berger")
    member.set_viewport_size(SMALL_PHONE)
    for viewer, browser_page in (("visitor", page), ("member", member)):
        for url, result, _label in [*lists, ("/angebote/", ".offer-card", "")]:
            browser_page.goto(url)
            expect(browser_page.get_by_role("button", name="Menü")).to_have_attribute(
                "aria-expanded", "false"
            )
            title = browser_page.locator(result).first.get_by_role("link").first.bounding_box()
            assert title["y"] + 24 <= SMALL_PHONE["height"], (
                f"{url} ({viewer}): the first result's title starts {round(title['y'])} px down"
            )

    # Without JavaScript the panel still opens by hand on phones and shows open on wide screens.
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    try:
        plain = context.new_page()
        plain.set_viewport_size(SMALL_PHONE)
        plain.goto(lists[0][0])
        plain.locator("summary.filter-disclosure__summary").click()
        expect(plain.get_by_role("button", name="Filter anwenden")).to_be_visible()
        plain.set_viewport_size(DESKTOP)
        plain.goto(lists[0][0])
        expect(plain.get_by_role("button", name="Filter anwenden")).to_be_visible()
    finally:
        context.close()
