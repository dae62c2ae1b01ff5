"""Demo content of the forum: categories, a regional group and a few realistic discussions.

Safe to run again: categories, rights and group members are only added when missing, and a
discussion is only written when no topic with its title exists yet.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.accounts.groups import STAFF
from practices.models import PracticePage
from practices.models import Topic as FieldOfAction

from . import services
from .models import (
    Category,
    CategoryGroupPermission,
    EmailStatus,
    Notification,
    PermissionState,
    Topic,
)
from .permissions import ensure_default_permissions

Log = Callable[[str], None]

REGIONAL_GROUP = "Regionalgruppe Nordrhein-Westfalen"
REGIONAL_MEMBERS = ["anna.berger", "jens.fischer"]

CATEGORIES = [
    (
        "Netzwerkarbeit",
        "netzwerkarbeit",
        "Kooperationen aufbauen und pflegen: mit Kommunen, Krankenkassen, Trägern und "
        "Arbeitgebern.",
    ),
    (
        "Gesundheit und Sucht",
        "gesundheit-und-sucht",
        "Gesundheitsorientierung, Suchtberatung und psychosoziale Unterstützung in der "
        "Integrationsarbeit.",
    ),
    (
        "Übergänge SGB III / SGB II",
        "uebergaenge-sgb-iii-sgb-ii",
        "Rechtskreiswechsel gut begleiten: vom Arbeitslosengeld zum Bürgergeld und zurück.",
    ),
    (
        "Jugendliche unter 25",
        "jugendliche-unter-25",
        "Junge Menschen erreichen: Jugendberufsagenturen, aufsuchende Arbeit, Ausbildung.",
    ),
    (
        REGIONAL_GROUP,
        "regionalgruppe-nordrhein-westfalen",
        "Interner Austausch der Netzwerkkoordinator:innen in Nordrhein-Westfalen.",
    ),
]
# Rights the staff group loses in the regional category and the regional group holds there.
RESTRICTED_CODES = (
    "see_category",
    "read_category",
    "start_topics",
    "reply_topics",
    "edit_own_posts",
    "delete_own_posts",
)


@dataclass
class DemoDiscussion:
    category_slug: str
    title: str
    author: str
    body: str
    fields_of_action: list[str]
    # (author, body); the reply marked as solution is given by its index
    replies: list[tuple[str, str]] = field(default_factory=list)
    solution: int | None = None
    helpful: list[tuple[str, int]] = field(default_factory=list)  # (voter, reply index)
    practice_title: str | None = None


DISCUSSIONS = [
    DemoDiscussion(
        category_slug="gesundheit-und-sucht",
        title="Wie bindet ihr die Suchtberatung in die Fallarbeit ein?",
        author="anna.berger",
        fields_of_action=["Sucht", "Gesundheit", "Netzwerkarbeit"],
        practice_title="Offene Sprechstunde der Suchtberatung im Jobcenter",
        body=(
            "Hallo zusammen,\n\n"
            "bei uns im Jobcenter EN merken wir, dass viele Kund:innen mit einer "
            "Suchtproblematik den Weg zur Beratungsstelle nicht finden, obwohl wir sie "
            "verweisen. Die Termine liegen oft Wochen später, und dann ist die Motivation weg.\n\n"
            "Wie macht ihr das:\n\n"
            "- Gibt es feste Ansprechpersonen bei der Suchtberatung?\n"
            "- Habt ihr Sprechstunden direkt im Jobcenter?\n"
            "- Wie regelt ihr die Schweigepflichtentbindung?\n\n"
            "Danke für eure Erfahrungen!"
        ),
        replies=[
            (
                "jens.fischer",
                "> **Anna Berger** schrieb:\n"
                "> Habt ihr Sprechstunden direkt im Jobcenter?\n\n"
                "Ja, seit gut einem Jahr. Die Suchtberatung der Caritas ist jeden Dienstag "
                "von 9 bis 12 Uhr bei uns im Haus, ohne Termin. Die Integrationsfachkräfte "
                "können Kund:innen direkt hinbegleiten – das senkt die Schwelle enorm.\n\n"
                "Was bei uns wichtig war:\n\n"
                "1. Eine **Kooperationsvereinbarung** mit klaren Rollen (die Beratung bleibt "
                "freiwillig und vertraulich).\n"
                "2. Ein Formular zur Schweigepflichtentbindung, das die Kund:innen nur "
                "unterschreiben, wenn sie selbst wollen.\n"
                "3. Ein Raum, der nicht nach Amt aussieht.\n\n"
                "Seitdem kommen etwa doppelt so viele Erstgespräche zustande.",
            ),
            (
                "maria.schulz",
                "Bei uns in Kassel läuft es ähnlich, allerdings im Wechsel mit der "
                "Schuldnerberatung. Wir haben zusätzlich Fallkonferenzen einmal im Monat, "
                "natürlich nur mit Einwilligung der Kund:innen.",
            ),
            (
                "anna.berger",
                "Vielen Dank euch beiden! Die offene Sprechstunde nehmen wir in unser nächstes "
                "Netzwerktreffen mit. Ich markiere Jens' Antwort als Lösung.",
            ),
        ],
        solution=0,
        helpful=[("maria.schulz", 0), ("anna.berger", 0), ("jens.fischer", 1)],
    ),
    DemoDiscussion(
        category_slug="uebergaenge-sgb-iii-sgb-ii",
        title="Übergang ALG I → Bürgergeld: Wer informiert die Kund:innen wann?",
        author="maria.schulz",
        fields_of_action=["Übergänge/Rechtskreiswechsel", "Beratung und Coaching"],
        body=(
            "Beim Rechtskreiswechsel verlieren wir immer wieder Menschen, weil der Antrag auf "
            "Bürgergeld zu spät gestellt wird. Habt ihr mit eurer Agentur für Arbeit "
            "vereinbart, **wann** und **wie** die Kund:innen informiert werden?\n\n"
            "Uns interessiert besonders, ob es gemeinsame Übergabegespräche gibt."
        ),
        replies=[
            (
                "jens.fischer",
                "Wir haben mit der Agentur Gelsenkirchen eine Absprache: Drei Monate vor Ende "
                "des Arbeitslosengeldes gibt es ein gemeinsames Gespräch, auf Wunsch auch per "
                "Video. Eine Checkliste dazu kann ich gern teilen.",
            ),
        ],
        helpful=[("maria.schulz", 0)],
    ),
    DemoDiscussion(
        category_slug="regionalgruppe-nordrhein-westfalen",
        title="Sozialer Arbeitsmarkt in NRW: Wer begleitet die Arbeitgeber nach § 16i?",
        author="jens.fischer",
        fields_of_action=["Arbeitgeberservice"],
        body=(
            "Liebe Kolleg:innen aus NRW,\n\n"
            "bei uns laufen die ersten Stellen nach § 16i SGB II aus. Wer übernimmt bei euch "
            "das Coaching der Arbeitgeber, und wie haltet ihr den Kontakt nach der Förderung?"
        ),
        replies=[
            (
                "anna.berger",
                "Bei uns macht das ein Träger im Auftrag des Jobcenters, mit einem festen "
                "Ansprechpartner je Betrieb. Das Gespräch sechs Monate vor Förderende hat sich "
                "bewährt.",
            ),
        ],
    ),
    DemoDiscussion(
        category_slug="netzwerkarbeit",
        title="Kinderbetreuung bei Arbeitsaufnahme: Wer hat ein Kontingent beim Jugendamt?",
        author="maria.schulz",
        fields_of_action=["Kinderbetreuung", "Netzwerkarbeit"],
        body=(
            "Hallo in die Runde,\n\n"
            "bei uns scheitern Arbeitsaufnahmen von Alleinerziehenden regelmäßig daran, dass "
            "der Kita-Platz erst Monate später frei wird. Das Stellenangebot ist dann weg.\n\n"
            "Hat jemand mit dem Jugendamt ein **Kontingent für eilige Fälle** vereinbart? Wie "
            "habt ihr das begründet, und wer entscheidet, welcher Fall eilig ist?"
        ),
        replies=[
            (
                "anna.berger",
                "Schau dir das Praxisbeispiel aus München an („Kita-Lotsin vermittelt "
                "Betreuungsplätze“). Dort gibt es genau so ein Kontingent, und eine Kita-Lotsin "
                "im Jobcenter entscheidet gemeinsam mit dem Jugendamt.\n\n"
                "Wir haben das im Ennepe-Ruhr-Kreis nachgebaut, kleiner:\n\n"
                "1. Das Jugendamt hält zehn Plätze pro Halbjahr frei.\n"
                "2. Eilig ist ein Fall, wenn eine schriftliche Einstellungszusage vorliegt.\n"
                "3. Bis zum Kita-Platz überbrückt die Tagespflege.\n\n"
                "Das Argument, das beim Jugendamt gezogen hat: Jede Arbeitsaufnahme entlastet "
                "auch die Kosten der Unterkunft, die der Kreis trägt.",
            ),
            (
                "jens.fischer",
                "Bei uns in Gelsenkirchen hilft zusätzlich eine Randzeitenbetreuung für "
                "Schichtarbeit. Ohne die kämen viele Stellen in der Pflege gar nicht infrage.",
            ),
            (
                "maria.schulz",
                "Danke! Die Begründung mit den Kosten der Unterkunft nehme ich mit in unser "
                "nächstes Gespräch mit der Stadt Kassel.",
            ),
        ],
        solution=0,
        helpful=[("maria.schulz", 0), ("jens.fischer", 0), ("anna.berger", 1)],
        practice_title="Kita-Lotsin vermittelt Betreuungsplätze",
    ),
    DemoDiscussion(
        category_slug="uebergaenge-sgb-iii-sgb-ii",
        title="Übergabebogen an Maßnahmeträger: Habt ihr eine Vorlage?",
        author="anna.berger",
        fields_of_action=["Netzwerkarbeit", "Beratung und Coaching"],
        body=(
            "Unsere Träger beklagen, dass sie von neuen Teilnehmenden nur Name und "
            "Maßnahmenummer bekommen. Viele treten gar nicht erst an.\n\n"
            "Arbeitet jemand mit einem **Übergabebogen**? Was steht drin, und wie regelt ihr "
            "die Einwilligung?"
        ),
        replies=[
            (
                "maria.schulz",
                "Das Kreisjobcenter Marburg-Biedenkopf macht das seit 2019: zwei Seiten mit "
                "Zielen, Stärken und Rahmenbedingungen, gemeinsam mit der Kundin oder dem "
                "Kunden ausgefüllt. Was weitergegeben wird, entscheidet die Person selbst, und "
                "das wird auf dem Bogen angekreuzt.\n\n"
                "Danach gibt es in der ersten Woche ein Dreiergespräch beim Träger. Die "
                "Nichtantritte sind dort um 40 Prozent zurückgegangen.",
            ),
            (
                "moderation",
                "Ergänzend: Die neue Handlungshilfe „Übergänge gut gestalten“ enthält eine "
                "Gliederung für den Bogen und Vorschläge für die Rückmeldungen des Trägers.",
            ),
            (
                "jens.fischer",
                "Wir nutzen den Bogen seit dem Frühjahr. Wichtig: Die Träger müssen ihn auch "
                "wirklich lesen – wir haben das in die Leistungsbeschreibung aufgenommen.",
            ),
        ],
        solution=0,
        helpful=[("anna.berger", 0), ("jens.fischer", 0), ("anna.berger", 1), ("maria.schulz", 2)],
        practice_title="Übergabebogen und warme Übergabe an den Maßnahmeträger",
    ),
    DemoDiscussion(
        category_slug="jugendliche-unter-25",
        title="Junge Menschen ohne Kontakt: Wer macht aufsuchende Arbeit nach § 16h?",
        author="jens.fischer",
        fields_of_action=["Beratung und Coaching", "Wohnen"],
        body=(
            "Wir haben eine Gruppe junger Menschen, die auf keine Einladung mehr reagieren. "
            "Einige sind vermutlich wohnungslos.\n\n"
            "Finanziert jemand Streetwork über § 16h SGB II? Wie teilt ihr euch das mit dem "
            "Jugendamt, und wie messt ihr, ob es etwas bringt?"
        ),
        replies=[
            (
                "anna.berger",
                "Unsere Nachbarn in Hagen machen das seit 2019 gemeinsam mit dem Jugendamt und "
                "der Diakonie. Zwei Streetworkerinnen, Finanzierung je zur Hälfte.\n\n"
                "Gemessen wird nicht an Vermittlungen, sondern daran, wie viele wieder in "
                "Schule, Ausbildung oder eine Maßnahme finden – knapp die Hälfte innerhalb "
                "eines Jahres. Und: Die Förderung muss über mehrere Jahre laufen, sonst reißt "
                "der Kontakt ab.",
            ),
            (
                "maria.schulz",
                "In Kassel ist die Jugendberufsagentur der Türöffner: Die Streetworker sind "
                "dort einmal pro Woche im Haus und bringen die jungen Leute direkt mit.",
            ),
        ],
        solution=0,
        helpful=[("jens.fischer", 0), ("jens.fischer", 1)],
        practice_title="Aufsuchende Arbeit mit schwer erreichbaren jungen Menschen",
    ),
    DemoDiscussion(
        category_slug="netzwerkarbeit",
        title="Führerscheinförderung auf dem Land: Lohnt sich das?",
        author="anna.berger",
        fields_of_action=["Mobilität"],
        body=(
            "Im südlichen Ennepe-Ruhr-Kreis fährt der Bus zu Schichtbeginn schlicht nicht. "
            "Wir überlegen, Führerscheine stärker zu fördern.\n\n"
            "- Unter welchen Voraussetzungen fördert ihr?\n"
            "- Was macht ihr, wenn nach dem Führerschein das Auto fehlt?"
        ),
        replies=[
            (
                "jens.fischer",
                "In der Stadt brauchen wir das kaum, da hilft eher ein Jobticket. Für euch "
                "wäre das Beispiel aus der Uckermark interessant.",
            ),
            (
                "maria.schulz",
                "Die Uckermark fördert den Führerschein nur mit Einstellungszusage oder "
                "realistischer Aussicht; 47 von 54 haben bestanden. Zusätzlich fährt ein "
                "Rufbus zu den Schichtzeiten, und es gibt eine Mitfahrbörse mit den "
                "Betrieben.\n\n"
                "Das Autoproblem ist dort auch noch offen – sie prüfen es mit einer Stiftung.",
            ),
        ],
        solution=1,
        helpful=[("anna.berger", 1), ("jens.fischer", 1)],
        practice_title="Mobil auf dem Land: Führerschein, Rufbus und Mitfahrbörse",
    ),
    DemoDiscussion(
        category_slug="gesundheit-und-sucht",
        title="Glücksspiel: Wie sprecht ihr das im Beratungsgespräch an?",
        author="maria.schulz",
        fields_of_action=["Sucht", "Schulden"],
        body=(
            "In der Fallkonferenz mit der Schuldnerberatung kam zuletzt mehrfach Glücksspiel "
            "als Ursache der Schulden heraus – aber nie im Gespräch bei uns.\n\n"
            "Habt ihr Formulierungen, mit denen ihr das ansprecht, ohne dass sich jemand "
            "angegriffen fühlt?"
        ),
        replies=[
            (
                "jens.fischer",
                "Bei uns hilft, Beobachtungen zu beschreiben statt zu fragen: „Mir fällt auf, "
                "dass das Geld jeden Monat sehr früh weg ist. Magst du erzählen, woran das "
                "liegt?“",
            ),
            (
                "anna.berger",
                "Nürnberg hat dazu einen Leitfaden und eine Schulung mit der Fachstelle "
                "Glücksspielsucht. Das Beispiel ist nur für angemeldete Netzwerkmitarbeitende "
                "sichtbar – einfach in der Wissensbörse nach „Glücksspielsucht“ suchen.",
            ),
        ],
        helpful=[("maria.schulz", 0), ("maria.schulz", 1)],
    ),
    DemoDiscussion(
        category_slug="uebergaenge-sgb-iii-sgb-ii",
        title="Abendsprechstunde für Erwerbstätige mit aufstockendem Bürgergeld?",
        author="jens.fischer",
        fields_of_action=["Beratung und Coaching", "Übergänge/Rechtskreiswechsel"],
        body=(
            "Ein Viertel unserer Kundinnen und Kunden arbeitet bereits. Zu unseren "
            "Vormittagsterminen kommen sie kaum.\n\n"
            "Bietet jemand Beratung am Abend oder per Telefon an, und wie viele nutzen das?"
        ),
        replies=[
            (
                "maria.schulz",
                "Kiel hat ein eigenes Team mit zwei Abenden pro Woche. Nach einem Jahr "
                "arbeitete gut ein Viertel der Beratenen mehr Stunden oder zu besserem Lohn.",
            ),
            (
                "anna.berger",
                "Wir bieten einen Abend im Monat an und sind noch unsicher. Würde mich "
                "interessieren, was ihr daraus macht.",
            ),
        ],
        helpful=[("jens.fischer", 0)],
        practice_title="Beratung für Erwerbstätige mit aufstockendem Bürgergeld",
    ),
]


def _users() -> dict:
    usernames = {d.author for d in DISCUSSIONS}
    usernames |= {name for d in DISCUSSIONS for name, _body in d.replies}
    usernames |= {name for d in DISCUSSIONS for name, _index in d.helpful}
    return {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}


def load_categories(log: Log) -> dict[str, Category]:
    categories = {}
    for name, slug, description in CATEGORIES:
        category, created = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        if created:
            log(f"angelegt: Forumskategorie {name}")
        categories[slug] = category

    regional_group, _created = Group.objects.get_or_create(name=REGIONAL_GROUP)
    for user in get_user_model().objects.filter(username__in=REGIONAL_MEMBERS):
        user.groups.add(regional_group)
    restricted = categories["regionalgruppe-nordrhein-westfalen"]
    staff = Group.objects.get(name=STAFF)
    for group, state in (
        (staff, PermissionState.DENIED),
        (regional_group, PermissionState.GRANTED),
    ):
        _row, created = CategoryGroupPermission.objects.get_or_create(
            category=restricted,
            group=group,
            defaults=dict.fromkeys(RESTRICTED_CODES, state),
        )
        if created:
            log(f"angelegt: Forumsrechte {group.name} in {restricted.name}")
    return categories


def load_discussion(discussion: DemoDiscussion, categories: dict, users: dict, log: Log) -> None:
    if Topic.objects.filter(title=discussion.title).exists():
        return
    author = users.get(discussion.author)
    if author is None:
        return
    practice = None
    if discussion.practice_title:
        practice = PracticePage.objects.filter(title=discussion.practice_title).first()
    topic = services.topic_create(
        category=categories[discussion.category_slug],
        author=author,
        title=discussion.title,
        body=discussion.body,
        fields_of_action=FieldOfAction.objects.filter(name__in=discussion.fields_of_action),
        practice=practice,
        # Written in one go, so the anti-flood pause between posts does not apply.
        rate_limited=False,
    )
    replies = [
        services.post_create(topic=topic, author=users[username], body=body, rate_limited=False)
        for username, body in discussion.replies
    ]
    for voter, index in discussion.helpful:
        services.post_vote_helpful(post=replies[index], user=users[voter])
    if discussion.solution is not None:
        services.topic_mark_solution(topic=topic, post=replies[discussion.solution], actor=author)
    # The members see these notifications at the bell, but the demo's history is not e-mailed.
    Notification.objects.filter(topic=topic, email_status=EmailStatus.PENDING).update(
        email_status=EmailStatus.SKIPPED
    )
    log(f"angelegt: Forumsthema {discussion.title}")


# Demo threads of earlier versions, removed on the next run if nobody wrote in them since:
# topic proposals for the Regionaltreffen are collected on its event's proposal board now.
RETIRED_DISCUSSIONS = [
    (
        "Regionaltreffen NRW im Herbst: Themenvorschläge",
        "jens.fischer",
        "Liebe Kolleg:innen aus NRW,\n\n"
        "für unser Regionaltreffen im Herbst sammeln wir Themen. Bitte schreibt eure "
        "Vorschläge als Antwort, gern mit einem Satz, warum euch das Thema wichtig ist.",
    ),
]


def remove_retired_discussions(log: Log) -> None:
    """Delete a retired demo thread only while it is exactly what the demo wrote: opened by the
    demo author with the demo text and with no more than the demo's one reply."""
    for title, author, body in RETIRED_DISCUSSIONS:
        for topic in Topic.objects.filter(title=title):
            posts = list(topic.posts.select_related("author").order_by("number"))
            first = posts[0] if posts else None
            if (
                first is not None
                and first.author is not None
                and first.author.username == author
                and first.body.strip() == body.strip()
                and len(posts) <= 2
            ):
                topic.delete()
                log(f"entfernt: Forumsthema {title}")


def load_forum(log: Log) -> None:
    ensure_default_permissions()
    remove_retired_discussions(log)
    categories = load_categories(log)
    users = _users()
    for discussion in DISCUSSIONS:
        load_discussion(discussion, categories, users, log)
