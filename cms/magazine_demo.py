"""Demo content of the magazine “chancen” (Ausgabe 07) and one Handlungshilfe; safe to re-run.

Texts are drawn from the Netzwerke ABC source texts. Pictures are generated here, so the demo
needs nothing from outside; the guide's PDF is made from its chapters when it is published.
"""

import io
from collections.abc import Callable
from datetime import date, datetime, time

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from practices.models import Bundesland, PracticePage, TargetGroup, Topic
from practices.reference import term_slug

from .models import ArticlePage, GuideIndexPage, GuidePage, MagazineIndexPage, MagazineIssue

Log = Callable[[str], None]

BRAND = (11, 79, 138)
ACCENT = (176, 58, 0)
GREEN = (30, 94, 47)

ISSUE = {
    "slug": "ausgabe-07",
    "title": "Ausgabe 07",
    "issue_number": 7,
    "theme": "Zeit | LOS!",
    "publication_date": date(2019, 11, 1),
    "cover_alt_text": "Titelbild der Ausgabe 07 des Magazins „chancen“ mit dem Thema „Zeit | LOS!“",
    "editorial": (
        "<p>Ist unsere Demokratie zu langsam? Kommunizieren wir zu schnell? Wie schaffen wir "
        "gemeinsame Perspektiven für ein demokratisches Morgen?</p>"
        "<p>Langzeitarbeitslosigkeit bleibt eine der großen gesellschaftlichen "
        "Herausforderungen. Für eine gelingende und nachhaltige Vermittlung in Arbeit müssen alle "
        "relevanten Stellen vor Ort zusammenarbeiten. Diese Ausgabe erzählt, wie Jobcenter und "
        "ihre Partner:innen das angehen – und was daraus geworden ist.</p>"
    ),
}


def published_at(day: date) -> datetime:
    """An issue and its articles appear on the issue's date, whenever the demo is loaded."""
    return timezone.make_aware(datetime.combine(day, time(9)))


def _p(*paragraphs: str) -> str:
    return "".join(f"<p>{text}</p>" for text in paragraphs)


ARTICLES = [
    {
        "slug": "netzwerke-abc-gemeinsam-mehr-chancen",
        "title": "Netzwerke ABC: Gemeinsam mehr Chancen schaffen",
        "authors": "Redaktion Netzwerke ABC",
        "teaser": (
            "Mehr als zwei Drittel aller Jobcenter haben sich an der Initiative „Netzwerke für "
            "Aktivierung, Beratung und Chancen“ beteiligt. Ein Rückblick auf drei Jahre "
            "Netzwerkarbeit, Werkstattgespräche und Barcamps."
        ),
        "image_text": "Netzwerke ABC",
        "image_alt": "Grafik mit dem Schriftzug „Netzwerke ABC“ auf blauem Grund",
        "caption": "Die Initiative verbindet Jobcenter mit ihren Partner:innen vor Ort.",
        "credit": "Redaktion Netzwerke ABC",
        "topics": ["Netzwerkarbeit", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose"],
        "lands": [],
        "practice": None,
        "body": [
            (
                "paragraph",
                _p(
                    "Jobcenter wollen die Perspektiven langzeitarbeitsloser Menschen verbessern – "
                    "mit neuen Ansätzen in der Beratung und einer verstärkten Zusammenarbeit vor "
                    "Ort. Diese beiden Ziele stehen auch im Fokus der Initiative Netzwerke für "
                    "Aktivierung, Beratung und Chancen (kurz: Netzwerke ABC). Das "
                    "Bundesministerium für Arbeit und Soziales hatte sie 2016 initiiert.",
                ),
            ),
            (
                "heading",
                {"text": "Die Idee: intensive Betreuung mit starken Partnern", "level": "h2"},
            ),
            (
                "paragraph",
                _p(
                    "Langzeitarbeitslose Menschen brauchen eine intensive und passgenaue "
                    "Betreuung, um den Weg zurück in ein selbstbestimmtes Arbeitsleben zu finden. "
                    "Die Jobcenter können diese Aufgabe aber nur gemeinsam mit starken und "
                    "verlässlichen Partnern stemmen, wie etwa Krankenkassen oder Sucht- und "
                    "Schuldnerberatungen. Zudem müssen sie eine Beratung ermöglichen, in der "
                    "langzeitarbeitslose Menschen wieder Vertrauen in sich und die eigenen "
                    "Stärken fassen können.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Zahlreiche Beispiele aus den Jobcentern zeigen: Bereits heute leisten "
                        "starke Netzwerke vor Ort einen wichtigen Beitrag, um gezielt Angebote für "
                        "Menschen zu schaffen, die sehr weit vom Arbeitsmarkt entfernt sind."
                    ),
                    "attribution": "Leitbild der Netzwerke ABC",
                },
            ),
            ("heading", {"text": "Freiheit für Ideen, Raum für Austausch", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Die Initiative öffnete den Jobcentern bewusst viel Freiheit: Neue Ideen und "
                    "Modellprojekte sollten vor Ort entstehen und sich entwickeln können. Umso "
                    "wichtiger war der Austausch untereinander. Regelmäßige Dialog- und "
                    "Werkstattformate dienten der gemeinsamen Strategieentwicklung und dem "
                    "Transfer guter Praxis – vom Werkstattgespräch bis zum Barcamp.",
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Die Initiative in Zahlen",
                    "facts": [
                        {"value": "2016", "label": "Start der Initiative durch das BMAS"},
                        {"value": "> 2/3", "label": "aller Jobcenter haben sich beteiligt"},
                        {"value": "2019", "label": "Übergang in das Regelgeschäft"},
                    ],
                    "note": "Stand: Ende 2019",
                },
            ),
            (
                "paragraph",
                _p(
                    "Die Jobcenter entwickelten neue Beratungsprozesse, übertrugen diese "
                    "erfolgreich in das Regelgeschäft und professionalisierten die Netzwerkarbeit "
                    "weiter. Die Erfolgsgeschichten aus der konkreten Arbeit stellt das Magazin "
                    "„chancen“ vor; Handlungshilfen bündeln, was sich bewährt hat.",
                ),
            ),
            (
                "callout",
                {
                    "tone": "tip",
                    "title": "Selbst ein Praxisbeispiel teilen",
                    "text": _p(
                        "Ihr Jobcenter hat einen Ansatz erprobt, der anderen helfen kann? Stellen "
                        "Sie ihn in der Wissensbörse vor – die Redaktion unterstützt Sie dabei."
                    ),
                    "link_page": None,
                    "link_url": "",
                    "link_text": "",
                },
            ),
        ],
    },
    {
        "slug": "joboffensive-gelsenkirchen",
        "title": "Joboffensive Gelsenkirchen: Mehr Zeit für jede Beratung",
        "authors": "Deborrah Triantafyllidis",
        "teaser": (
            "19 zusätzliche Vermittlungskräfte, ein Betreuungsschlüssel von 1:100 und bis zu vier "
            "Gespräche im Monat: Das Integrationscenter für Arbeit Gelsenkirchen setzt auf "
            "intensive, persönliche Betreuung."
        ),
        "image_text": "Joboffensive",
        "image_alt": "Grafik mit dem Schriftzug „Joboffensive“ auf orangem Grund",
        "caption": "Mehr Beraterinnen und Berater, mehr Zeit, bessere Vermittlung.",
        "credit": "Redaktion Netzwerke ABC",
        "topics": ["Arbeitgeberservice", "Beratung und Coaching"],
        "target_groups": ["Langzeitarbeitslose", "Alleinerziehende", "Ältere"],
        "lands": ["NW"],
        "practice": "joboffensive-gelsenkirchen",
        "body": [
            (
                "paragraph",
                _p(
                    "Trotz leichter konjunktureller Abkühlung werden Fachkräfte weiter "
                    "händeringend gesucht. Die Möglichkeiten für Leistungsberechtigte auf dem "
                    "Arbeitsmarkt sind so gut wie nie – wenn sie richtig genutzt und aktiviert "
                    "werden. Dabei soll die „Joboffensive“ helfen.",
                    "Das Integrationscenter für Arbeit Gelsenkirchen (IAG) startete am 1. März "
                    "mit dem Projekt. Das mit den Trägern Stadt und Arbeitsagentur abgestimmte "
                    "Ziel: 1.900 ausgesuchte marktnahe Kundinnen und Kunden so effektiv zu "
                    "betreuen, dass möglichst viele von ihnen in eine "
                    "sozialversicherungspflichtige Beschäftigung vermittelt werden können.",
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Die Joboffensive auf einen Blick",
                    "facts": [
                        {"value": "1.900", "label": "Teilnehmende"},
                        {"value": "19", "label": "zusätzliche Vermittlungskräfte"},
                        {"value": "1:100", "label": "Betreuungsschlüssel"},
                        {"value": "bis zu 4", "label": "Kontakte pro Monat"},
                    ],
                    "note": "",
                },
            ),
            ("heading", {"text": "Mehr Berater, mehr Zeit, bessere Vermittlung", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Durch die bessere Betreuungsrelation haben die Vermittlungskräfte wesentlich "
                    "mehr Zeit für ihre Kundinnen und Kunden und gestalten die Betreuung sehr viel "
                    "intensiver und persönlicher. Direkte Arbeitgeberkontakte und neue Werkzeuge "
                    "unterstützen die Offensive; schnellere Kommunikationswege wie E-Mail "
                    "erleichtern den Kontakt.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Die Joboffensive bringt intensivierte, individuellere Betreuung und "
                        "Aktivierung – durch die gezielte Zusammenführung von Arbeitgebern und "
                        "Arbeitsuchenden und das Aufzeigen neuer Wege."
                    ),
                    "attribution": "Thorsten Kempowski, Projektleiter",
                },
            ),
            (
                "paragraph",
                _p(
                    "Arbeitsvermittler Jens Fischer und Arbeitsvermittlerin Justine Günthel haben "
                    "bereits positive Erfahrungen gemacht: Durch die verbesserte "
                    "Berater-Kunden-Ratio sind bis zu vier Kontakte pro Monat möglich, was die "
                    "Beratung persönlicher und vertrauensvoller gestaltet.",
                    "Die Idee wurde erstmals in Berlin bei der „Berliner Joboffensive“ umgesetzt. "
                    "Dort konnten seit Projektbeginn rund 18.000 Menschen zusätzlich in "
                    "Beschäftigung integriert werden.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Es geht dabei nicht um Integrationen um jeden Preis. Die Nachhaltigkeit "
                        "steht im Fokus."
                    ),
                    "attribution": "Christiane Schönefeld, Regionaldirektion NRW",
                },
            ),
        ],
    },
    {
        "slug": "kooperationsvereinbarung-ennepe-ruhr",
        "title": "Ennepe-Ruhr: Jobcenter und Arbeitsagentur besiegeln ihre Zusammenarbeit",
        "authors": "Redaktion Netzwerke ABC",
        "teaser": (
            "Miteinander statt nebeneinander: Das Jobcenter EN und die Agentur für Arbeit Hagen "
            "haben schriftlich vereinbart, wie sie Jugendliche begleiten und den Wechsel vom "
            "Arbeitslosengeld I ins SGB II ohne Brüche gestalten."
        ),
        "image_text": "Kooperation EN",
        "image_alt": "Grafik mit dem Schriftzug „Kooperation EN“ auf grünem Grund",
        "caption": "Im Schwelmer Kreishaus unterzeichnet: zwei Kooperationsvereinbarungen.",
        "credit": "Redaktion Netzwerke ABC",
        "topics": ["Übergänge/Rechtskreiswechsel", "Netzwerkarbeit"],
        "target_groups": ["Jugendliche unter 25", "Langzeitarbeitslose"],
        "lands": ["NW"],
        "practice": "kooperationsvereinbarung-jobcenter-en",
        "body": [
            (
                "paragraph",
                _p(
                    "„Auf den ersten Blick sind unsere Verantwortlichkeiten und Zuständigkeiten "
                    "getrennt. Wenn es aber um die Betreuung von Jugendlichen, um den Übergang "
                    "von der Arbeitslosenversicherung in die Grundsicherung oder um die "
                    "Chancengleichheit von Frauen und Männern am Arbeitsmarkt geht, dann gibt es "
                    "durchaus Überschneidungen und gemeinsame Baustellen.“ Mit diesen Worten "
                    "besiegelten Landrat, Jobcenter und Arbeitsagentur im Schwelmer Kreishaus "
                    "eine umfassende Kooperationsvereinbarung.",
                ),
            ),
            ("heading", {"text": "Jugendarbeitslosigkeit verringern", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Die erste Vereinbarung betrifft Jugendliche im Übergang von der Schule in "
                    "den Beruf. Der Ansatz an sich ist nicht neu, neu sind aber die schriftlich "
                    "fixierten Regeln für die Zusammenarbeit. Ziel ist es, erwerbsfähige "
                    "Jugendliche unter 25 Jahren intensiv und individuell zu betreuen und ihnen "
                    "einen schnellen Berufseinstieg zu ermöglichen.",
                ),
            ),
            (
                "markdown",
                "Im Fokus der Vereinbarung stehen:\n\n"
                "- Austausch und Abstimmung über Projekte und Aktivitäten\n"
                "- das Verhindern von Parallelstrukturen\n"
                "- das Schließen von Betreuungslücken\n"
                "- ein Einzelfallmanagement für **komplexe, rechtskreisübergreifende Fälle**\n",
            ),
            ("heading", {"text": "Kein Bruch beim Rechtskreiswechsel", "level": "h2"}),
            (
                "paragraph",
                _p(
                    "Eine zweite Vereinbarung soll sicherstellen, dass ein Rechtskreiswechsel "
                    "nicht zu einer Unterbrechung der Vermittlungs- und Integrationsbemühungen "
                    "führt. Menschen, deren Arbeitslosengeld I in gut drei Monaten endet, werden "
                    "zweimal im Monat in Gevelsberg und Witten informiert. Eine "
                    "Vermittlungsfachkraft der Agentur und ein Integrationscoach des Jobcenters "
                    "erläutern gemeinsam die Unterstützungsmöglichkeiten; innerhalb von vier "
                    "Wochen folgen Einzelberatungen.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Nur gemeinsam wird es uns gelingen, möglichst vielen Jugendlichen die "
                        "Unterstützung zu bieten, die erforderlich ist."
                    ),
                    "attribution": "Die Unterzeichner der Vereinbarung",
                },
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "title": "Weitere Schnittstellen",
                    "text": _p(
                        "Die Gespräche werden fortgesetzt, weil es weitere gemeinsame Bereiche "
                        "gibt. Mit der Vereinbarung ist ein gutes Fundament gelegt."
                    ),
                    "link_page": None,
                    "link_url": "",
                    "link_text": "",
                },
            ),
        ],
    },
]

GUIDE = {
    "slug": "netzwerkarbeit-im-jobcenter-aufbauen",
    "title": "Netzwerkarbeit im Jobcenter aufbauen",
    "audience": "Netzwerkkoordinator:innen, Teamleitungen und Integrationsfachkräfte in Jobcentern",
    "summary": (
        "Wie ein Jobcenter ein tragfähiges Netzwerk mit Kommune, Krankenkassen, Sucht- und "
        "Schuldnerberatung, Bildungsträgern und Arbeitgebern aufbaut: von der Bestandsaufnahme "
        "über verbindliche Vereinbarungen bis zum regelmäßigen Austausch."
    ),
    "version_date": date(2019, 11, 1),
    "topics": ["Netzwerkarbeit", "Beratung und Coaching"],
    "target_groups": ["Langzeitarbeitslose"],
    "chapters": [
        (
            "Warum Netzwerke?",
            [
                (
                    "paragraph",
                    _p(
                        "Langzeitarbeitslose Menschen benötigen eine besonders intensive "
                        "Unterstützung. Das Jobcenter allein kann Kinderbetreuung, Schuldner- und "
                        "Suchtberatung oder Mobilität nicht sichern – die kommunalen Partner und "
                        "die Krankenkassen schon.",
                        "Vernetztes Arbeiten entlastet die einzelnen Partner: Sie können sich auf "
                        "die Qualität der eigenen Arbeit konzentrieren und ihre Angebote "
                        "systematisch verbessern.",
                    ),
                ),
                (
                    "callout",
                    {
                        "tone": "info",
                        "title": "Gestaltungsfreiheit",
                        "text": _p(
                            "Die Voraussetzungen vor Ort sind sehr unterschiedlich. Jobcenter "
                            "entscheiden selbst, welche Partner sie gewinnen und wie eng sie "
                            "zusammenarbeiten."
                        ),
                        "link_page": None,
                        "link_url": "",
                        "link_text": "",
                    },
                ),
            ],
        ),
        (
            "Partner gewinnen",
            [
                (
                    "paragraph",
                    _p(
                        "Beginnen Sie mit einer Bestandsaufnahme: Welche Angebote gibt es in der "
                        "Region, wer arbeitet schon mit wem, wo entstehen Lücken für Ihre "
                        "Kundinnen und Kunden?"
                    ),
                ),
                (
                    "markdown",
                    "Bewährte Partner der Netzwerke ABC:\n\n"
                    "- Kommune (Kinderbetreuung, Wohnen, Jugendamt)\n"
                    "- Krankenkassen (Gesundheitsförderung)\n"
                    "- Sucht- und Schuldnerberatung\n"
                    "- Bildungsträger und Kammern\n"
                    "- Arbeitgeber der Region\n",
                ),
            ],
        ),
        (
            "Kooperation verbindlich vereinbaren",
            [
                (
                    "paragraph",
                    _p(
                        "Schriftliche Vereinbarungen machen die Zusammenarbeit belastbar: Sie "
                        "halten Ansprechpersonen, Abläufe an den Schnittstellen und den Austausch "
                        "von Unterlagen fest. Das Beispiel aus dem Ennepe-Ruhr-Kreis zeigt, wie "
                        "Jobcenter und Agentur für Arbeit den Rechtskreiswechsel ohne Brüche "
                        "gestalten."
                    ),
                ),
                (
                    "fact_box",
                    {
                        "title": "Was in eine Kooperationsvereinbarung gehört",
                        "facts": [
                            {"value": "Ziele", "label": "gemeinsam und messbar formuliert"},
                            {"value": "Wege", "label": "Ansprechpersonen und Abläufe"},
                            {"value": "Daten", "label": "datenschutzkonformer Austausch"},
                        ],
                        "note": "",
                    },
                ),
            ],
        ),
        (
            "Zusammenarbeit verstetigen",
            [
                (
                    "paragraph",
                    _p(
                        "Regelmäßige Dialog- und Werkstattformate halten ein Netzwerk lebendig. "
                        "Offene Formate vom Werkstattgespräch bis zum Barcamp eröffnen Denkräume, "
                        "sich Fragen neu zu stellen und innovative Lösungswege zu finden.",
                        "Teilen Sie, was funktioniert: als Praxisbeispiel in der Wissensbörse und "
                        "im Forum mit Kolleg:innen aus allen Regionen.",
                    ),
                ),
            ],
        ),
    ],
}


def _png(text: str, size: tuple[int, int], background: tuple[int, int, int], subtitle: str = ""):
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    canvas = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(canvas)
    width, height = size
    draw.rectangle([0, height - height // 8, width, height], fill=(255, 191, 71))
    big = ImageFont.load_default(size=max(24, width // 9))
    small = ImageFont.load_default(size=max(16, width // 16))
    draw.text((width // 12, height // 6), "chancen", font=small, fill="white")
    draw.text((width // 12, height // 3), text, font=big, fill="white")
    if subtitle:
        draw.text((width // 12, height // 3 + width // 6), subtitle, font=small, fill="white")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


def _image(title: str, filename: str, content: Callable[[], bytes]):
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        image = image_model(title=title)
        image.file = ImageFile(io.BytesIO(content()), name=filename)
        image.save()
    return image


def _terms(model, names: list[str]) -> list:
    return list(model.objects.filter(slug__in=[term_slug(name) for name in names]))


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _article_body(spec: dict, practice: PracticePage | None) -> list:
    body = list(spec["body"])
    if practice is not None:
        body.append(
            (
                "practices",
                {"title": "Das Praxisbeispiel in der Wissensbörse", "practices": [practice]},
            )
        )
    return body


def _has_practice_block(article: ArticlePage) -> bool:
    return any(item["type"] == "practices" for item in article.body.raw_data)


def load_magazine(log: Log) -> None:
    index = MagazineIndexPage.objects.first()
    if index is None:
        log("übersprungen: Magazin (keine Magazin-Startseite)")
        return
    load_issue(index, ISSUE, ARTICLES, cover_colour=BRAND, colours=[BRAND, ACCENT, GREEN], log=log)
    load_guide(log)


def load_issue(
    index: MagazineIndexPage,
    spec: dict,
    articles: list[dict],
    *,
    cover_colour: tuple[int, int, int],
    colours: list[tuple[int, int, int]],
    log: Log,
) -> None:
    """One demo issue with its articles, dated on the issue's publication date."""
    published = published_at(spec["publication_date"])
    number = f"{spec['issue_number']:02d}"
    issue = MagazineIssue.objects.child_of(index).filter(slug=spec["slug"]).first()
    if issue is None:
        cover = _image(
            f"Titelbild chancen Ausgabe {number}",
            f"chancen-ausgabe-{number}.png",
            lambda: _png(number, (600, 800), cover_colour, spec["theme"]),
        )
        issue = MagazineIssue(
            title=spec["title"],
            slug=spec["slug"],
            issue_number=spec["issue_number"],
            theme=spec["theme"],
            publication_date=spec["publication_date"],
            cover_image=cover,
            cover_alt_text=spec["cover_alt_text"],
            editorial=spec["editorial"],
            first_published_at=published,
        )
        index.add_child(instance=issue)
        _publish(issue)
        log(f"angelegt: {spec['title']}")

    for article_spec, colour in zip(articles, colours, strict=True):
        _load_article(issue, article_spec, colour, published, log)


def _load_article(
    issue: MagazineIssue, spec: dict, colour: tuple[int, int, int], published: datetime, log: Log
) -> None:
    practice = (
        PracticePage.objects.filter(slug=spec["practice"]).first() if spec["practice"] else None
    )
    article = ArticlePage.objects.child_of(issue).filter(slug=spec["slug"]).first()
    if article is None:
        image = _image(
            f"Artikelbild {spec['image_text']}",
            f"{spec['slug']}.png",
            lambda: _png(spec["image_text"], (1200, 675), colour),
        )
        article = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            authors=spec["authors"],
            teaser=spec["teaser"],
            lead_image=image,
            lead_image_alt_text=spec["image_alt"],
            lead_image_caption=spec["caption"],
            lead_image_credit=spec["credit"],
            body=_article_body(spec, practice),
            first_published_at=published,
        )
        issue.add_child(instance=article)
        article.topics = _terms(Topic, spec["topics"])
        article.target_groups = _terms(TargetGroup, spec["target_groups"])
        article.bundeslaender = list(Bundesland.objects.filter(code__in=spec["lands"]))
        _publish(article)
        log(f"angelegt: Artikel {spec['title']}")
    elif practice is not None and not _has_practice_block(article):
        # The practice library's demo arrived after this article was first created.
        article.body = _article_body(spec, practice)
        _publish(article)
        log(f"ergänzt: Praxisbeispiel im Artikel {spec['title']}")


# Earlier demos attached a one-page placeholder under this title, which never followed the
# chapters; the PDF made from the chapters replaces it.
STALE_DEMO_PDF_TITLE = "Handlungshilfe „Netzwerkarbeit im Jobcenter aufbauen“"


def load_guide(log: Log, spec: dict = GUIDE) -> None:
    index = GuideIndexPage.objects.first()
    if index is None:
        return
    guide = GuidePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if guide is not None:
        _prefer_generated_pdf(guide, log)
        return
    guide = GuidePage(
        title=spec["title"],
        slug=spec["slug"],
        audience=spec["audience"],
        summary=spec["summary"],
        version_date=spec["version_date"],
        chapters=[
            ("chapter", {"title": title, "anchor": "", "body": blocks})
            for title, blocks in spec["chapters"]
        ],
    )
    index.add_child(instance=guide)
    guide.topics = _terms(Topic, spec["topics"])
    guide.target_groups = _terms(TargetGroup, spec["target_groups"])
    _publish(guide)
    log(f"angelegt: Handlungshilfe {spec['title']}")


def _prefer_generated_pdf(guide: GuidePage, log: Log) -> None:
    stale = guide.pdf_id and guide.pdf.title == STALE_DEMO_PDF_TITLE
    # An editor's pending draft is left alone: publishing here would bypass it.
    if not stale or guide.has_unpublished_changes:
        return
    guide.pdf = None
    _publish(guide)
    log(f"ergänzt: PDF aus den Kapiteln für die Handlungshilfe {guide.title}")
