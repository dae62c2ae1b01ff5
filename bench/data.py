"""Benchmark data: the demo site grown to N practices, in a throwaway database, in bulk.

    .venv/bin/python bench/data.py --n 1000
    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/any .venv/bin/python bench/data.py --n 100000

The database is bench/out/pages-N.sqlite3, or the PostgreSQL database wb_bench_N on the server
of DATABASE_URL (created when missing). Into it go the demo content (``load_demo``), 400
Jobcenters, 300 network members, N synthetic practices with taxonomies, Jobcenters, partners
and key figures, N/5000 magazine issues (at least one) of 12 articles, and a forum of 10·N
posts (1,000,000 at N=100,000) in topics of 1–39 posts plus one topic of 500 posts; then the
search index (``search_index rebuild``: the database index, and Elasticsearch when
ELASTICSEARCH_URL is set, under the index prefix wbbench-N, or wbbench-pg-N). Running it again
adds only what is missing and rebuilds the index only when the content changed.

Bench scripts import it: ``environment(n)`` gives the variables a server on this database
needs, ``prepare(n)`` builds and returns ``Targets`` (the URLs worth measuring).
"""

import argparse
import json
import os
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.search_bench import SENTENCES  # noqa: E402

POSTS_PER_PRACTICE = 10
LONG_TOPIC_POSTS = 500
LONG_TOPIC_TITLE = "Erfahrungsaustausch: Suchtberatung im Jobcenter einbinden"
JOBCENTERS = 400
MEMBERS = 300
PRACTICES_PER_ISSUE = 5_000
ARTICLES_PER_ISSUE = 12
BATCH = 5_000
# Fixed, so that the benchmark can make a session the server accepts; never used in production.
SECRET_KEY = "bench-only-" + "x" * 60
FILTERS = {"handlungsfeld": "sucht", "bundesland": "NW"}
MEMBER_LOGIN = "anna.berger"

PLACES = [
    "Hagen",
    "Gelsenkirchen",
    "Kassel",
    "Leipzig",
    "Rostock",
    "Bremen",
    "Mainz",
    "Erfurt",
    "Essen",
    "Dortmund",
    "Magdeburg",
    "Kiel",
    "Saarbrücken",
    "Potsdam",
    "Augsburg",
    "Freiburg",
    "Schwerin",
    "Cottbus",
    "Würzburg",
    "Oldenburg",
]
PROBLEMS = [
    "Suchtberatung",
    "Schuldnerberatung",
    "Kinderbetreuung",
    "Gesundheitsförderung",
    "Mobilitätshilfe",
    "Wohnungssicherung",
    "Qualifizierungsberatung",
    "Arbeitgeberservice",
    "Fallmanagement",
    "Übergangsbegleitung",
]
GROUPS = [
    "Alleinerziehende",
    "Jugendliche unter 25",
    "Langzeitarbeitslose",
    "Ältere",
    "Menschen mit Migrationsgeschichte",
    "Bedarfsgemeinschaften",
]
REPLIES = [
    "Bei uns in {place} hat sich die **{problem}** bewährt.",
    "Wir haben gute Erfahrungen mit einer festen Ansprechperson gemacht.",
    "Habt ihr dafür eine Kooperationsvereinbarung geschlossen?",
    "Die Fallkonferenzen finden bei uns monatlich statt, mit Krankenkasse und Träger.",
    "Wichtig war für uns:\n\n- kurze Wege\n- klare Zuständigkeiten\n- Rückmeldung an alle",
    "Danke für den Hinweis, das probieren wir in {place} aus.",
    "Für {group} braucht es mehr Zeit in der Beratung, das hat der Betreuungsschlüssel gezeigt.",
]
FIGURES = [
    ("Teilnehmende", "1.900"),
    ("Betreuungsschlüssel", "1:60"),
    ("Integrationsquote", "34 %"),
]


@dataclass
class Targets:
    """What a page benchmark asks for, as paths of the built site."""

    n: int
    database: str
    practice_index: str
    practice: str
    filters: dict
    magazine_issue: str
    forum_topic: str
    member: str
    counts: dict


def database_url(n: int) -> str:
    base = os.environ.get("DATABASE_URL", "")
    if base.startswith(("postgres://", "postgresql://")):
        return urlunsplit(urlsplit(base)._replace(path=f"/wb_bench_{n}"))
    return f"sqlite:///{OUT / f'pages-{n}.sqlite3'}"


def environment(n: int) -> dict[str, str]:
    """The variables under which the builder and a server see the same data and index."""
    url = database_url(n)
    engine = "pg-" if url.startswith("postgres") else ""
    return {
        "DATABASE_URL": url,
        "ELASTICSEARCH_INDEX_PREFIX": f"wbbench-{engine}{n}",
        "SECRET_KEY": SECRET_KEY,
    }


def ensure_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            print(f"Creating the PostgreSQL database {name} …", flush=True)
            connection.execute(f'CREATE DATABASE "{name}"')


def setup(n: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.update(environment(n))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    ensure_database(os.environ["DATABASE_URL"])
    import django

    django.setup()


class Progress:
    def __init__(self, label: str, total: int, start: int = 0) -> None:
        self.label, self.total, self.start = label, total, start
        self.started = time.perf_counter()

    def __call__(self, done: int) -> None:
        rate = (done - self.start) / max(time.perf_counter() - self.started, 1e-6)
        print(f"  {self.label}: {done:,}/{self.total:,} ({rate:,.0f}/s)", flush=True)


def build_skeleton() -> None:
    from django.core.management import call_command

    from cms.accounts.models import User

    print("Migrating …", flush=True)
    call_command("migrate", verbosity=0)
    if not User.objects.filter(username="admin").exists():
        print("Loading the demo content …", flush=True)
        call_command("load_demo", verbosity=0)


def build_jobcenters(rng: random.Random) -> None:
    from practices.models import Bundesland, Jobcenter

    existing = Jobcenter.objects.filter(slug__startswith="bench-").count()
    if existing >= JOBCENTERS:
        return
    lands = list(Bundesland.objects.all())
    Jobcenter.objects.bulk_create(
        Jobcenter(
            name=f"Jobcenter {rng.choice(PLACES)}-Land {number}",
            slug=f"bench-jobcenter-{number}",
            bundesland=rng.choice(lands),
            form=rng.choice([Jobcenter.Form.JOINT, Jobcenter.Form.MUNICIPAL]),
            town=rng.choice(PLACES),
        )
        for number in range(existing, JOBCENTERS)
    )
    print(f"  {JOBCENTERS - existing} Jobcenters", flush=True)


def build_members() -> None:
    from django.contrib.auth.models import Group

    from cms.accounts.groups import STAFF
    from cms.accounts.models import User

    existing = User.objects.filter(username__startswith="mitglied-").count()
    if existing >= MEMBERS:
        return
    users = []
    for number in range(existing, MEMBERS):
        user = User(
            username=f"mitglied-{number}",
            display_name=f"Mitglied {number}",
            email=f"mitglied-{number}@jobcenter.example",
            organisation=f"Jobcenter {PLACES[number % len(PLACES)]}",
        )
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    staff = Group.objects.get(name=STAFF)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=staff.pk) for user in users
    )
    print(f"  {len(users)} members", flush=True)


def build_practices(n: int, rng: random.Random) -> int:
    from django.utils import timezone

    from cms.bulk import pages_bulk_create
    from practices.models import (
        Jobcenter,
        PartnerType,
        PracticeFigure,
        PracticeIndexPage,
        PracticePage,
        PracticePartner,
        PracticeStatus,
        ProcessPhase,
        TargetGroup,
        Topic,
    )

    index = PracticeIndexPage.objects.get()
    existing = PracticePage.objects.filter(slug__startswith="bench-").count()
    if existing >= n:
        return 0
    jobcenters = list(Jobcenter.objects.select_related("bundesland"))
    topics = list(Topic.objects.all())
    groups = list(TargetGroup.objects.all())
    phases = list(ProcessPhase.objects.all())
    statuses = list(PracticeStatus.objects.all())
    partner_types = list(PartnerType.objects.all())
    now = timezone.now()
    progress = Progress("practices", n, existing)
    for start in range(existing, n, BATCH):
        pages = []
        for number in range(start, min(start + BATCH, n)):
            problem, group, place = rng.choice(PROBLEMS), rng.choice(GROUPS), rng.choice(PLACES)
            fill = {"place": place, "problem": problem, "group": group}
            sections = [
                (
                    block,
                    "<p>"
                    + " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(4))
                    + "</p>",
                )
                for block in ("situation", "goals", "approach", "results")
            ]
            chosen = rng.sample(jobcenters, rng.randint(1, 2))
            page = PracticePage(
                title=f"{problem} für {group} in {place}",
                slug=f"bench-{number}",
                teaser=SENTENCES[0].format(**fill) + " " + SENTENCES[1].format(**fill),
                body=sections,
                status=rng.choice(statuses),
                start_date=date(2015, 1, 1) + timedelta(days=rng.randrange(3_650)),
                contact_name="Netzwerkkoordination",
                first_published_at=now - timedelta(minutes=n - number),
                last_published_at=now - timedelta(minutes=n - number),
            )
            page.jobcenters = chosen
            page.bundeslaender = list({jobcenter.bundesland for jobcenter in chosen})
            page.topics = rng.sample(topics, rng.randint(1, 3))
            page.target_groups = rng.sample(groups, rng.randint(1, 2))
            page.phases = rng.sample(phases, rng.randint(0, 2))
            page.partners = [
                PracticePartner(partner_type=kind, name=f"{kind.name} {place}")
                for kind in rng.sample(partner_types, rng.randint(1, 3))
            ]
            page.figures = [
                PracticeFigure(label=label, value=value)
                for label, value in rng.sample(FIGURES, rng.randint(1, 2))
            ]
            pages.append(page)
        pages_bulk_create(parent=index, pages=pages)
        progress(start + len(pages))
    return n - existing


def build_magazine(n: int, rng: random.Random) -> int:
    from django.db.models import Max

    from cms.bulk import pages_bulk_create
    from cms.models import ArticlePage, MagazineIndexPage, MagazineIssue
    from practices.models import TargetGroup, Topic

    wanted = max(1, n // PRACTICES_PER_ISSUE)
    existing = MagazineIssue.objects.filter(slug__startswith="bench-ausgabe-").count()
    if existing >= wanted:
        return 0
    index = MagazineIndexPage.objects.get()
    highest = MagazineIssue.objects.aggregate(highest=Max("issue_number"))["highest"] or 0
    issues = pages_bulk_create(
        parent=index,
        pages=[
            MagazineIssue(
                title=f"Ausgabe {highest + step} – Netzwerke vor Ort",
                slug=f"bench-ausgabe-{number}",
                issue_number=highest + step,
                theme="Netzwerke vor Ort",
                publication_date=date(2026, 1, 1) - timedelta(days=90 * number),
                editorial="<p>" + " ".join(SENTENCES[2:6]) + "</p>",
            )
            for step, number in enumerate(range(existing, wanted), start=1)
        ],
    )
    topics, groups = list(Topic.objects.all()), list(TargetGroup.objects.all())
    for issue in issues:
        articles = []
        for number in range(ARTICLES_PER_ISSUE):
            fill = {
                "place": rng.choice(PLACES),
                "problem": rng.choice(PROBLEMS),
                "group": rng.choice(GROUPS),
            }
            article = ArticlePage(
                title=f"{fill['problem']} in {fill['place']} ({number + 1})",
                authors="Redaktion chancen",
                teaser=SENTENCES[0].format(**fill),
                body=[
                    ("paragraph", "<p>" + " ".join(s.format(**fill) for s in SENTENCES) + "</p>")
                ],
            )
            article.topics = rng.sample(topics, 2)
            article.target_groups = rng.sample(groups, 1)
            articles.append(article)
        pages_bulk_create(parent=issue, pages=articles)
    print(f"  {len(issues)} magazine issues of {ARTICLES_PER_ISSUE} articles", flush=True)
    return len(issues)


def _thread(rng: random.Random, members: list, length: int, start) -> list:
    from forum.models import Post

    fill = {
        "place": rng.choice(PLACES),
        "problem": rng.choice(PROBLEMS),
        "group": rng.choice(GROUPS),
    }
    question = SENTENCES[0].format(**fill) + " " + "Wie macht ihr das?"
    posts = [Post(author=rng.choice(members), body=question, created_at=start)]
    for number in range(1, length):
        body = rng.choice(REPLIES).format(**fill)
        created = start + timedelta(minutes=7 * number)
        posts.append(Post(author=rng.choice(members), body=body, created_at=created))
    return posts


def build_forum(n: int, rng: random.Random) -> int:
    from django.utils import timezone

    from cms.accounts.models import User
    from forum.bulk import topics_bulk_create
    from forum.models import Category, CategoryGroupPermission, Post, Topic

    wanted = POSTS_PER_PRACTICE * n
    members = list(User.objects.filter(username__startswith="mitglied-"))
    # Topics go where every member may read: categories without their own group rights.
    open_categories = list(
        Category.objects.exclude(
            pk__in=CategoryGroupPermission.objects.values("category_id")
        ).order_by("pk")
    )
    now = timezone.now()
    added = 0
    if not Topic.objects.filter(title=LONG_TOPIC_TITLE).exists():
        start = now - timedelta(days=30)
        topics_bulk_create(
            topics=[
                Topic(
                    category=open_categories[0],
                    title=LONG_TOPIC_TITLE,
                    author=members[0],
                    created_at=start,
                )
            ],
            posts=[_thread(rng, members, LONG_TOPIC_POSTS, start)],
            revisions=False,
        )
        added += LONG_TOPIC_POSTS
    existing = Post.objects.count()
    if existing >= wanted:
        return added
    progress = Progress("forum posts", wanted, existing)
    done = existing
    while done < wanted:
        topics, threads = [], []
        while done < wanted and sum(map(len, threads)) < BATCH * 10:
            length = min(rng.randint(1, 39), wanted - done)
            # Spread over two years, older topics first, as a forum grows.
            start = now - timedelta(days=730) + timedelta(seconds=int(63_000_000 * done / wanted))
            author = rng.choice(members)
            category = rng.choice(open_categories)
            fill = {"place": rng.choice(PLACES), "problem": rng.choice(PROBLEMS)}
            topics.append(
                Topic(
                    category=category,
                    title=f"{fill['problem']} in {fill['place']}: wer hat Erfahrungen?",
                    author=author,
                    created_at=start,
                )
            )
            threads.append(_thread(rng, members, length, start))
            done += length
        topics_bulk_create(topics=topics, posts=threads, revisions=False)
        progress(done)
    return added + done - existing


def build_search_index(counts: dict) -> None:
    """``search_index rebuild`` when the content changed; when only Elasticsearch is new
    (ELASTICSEARCH_URL set for the first time), its part of the rebuild alone."""
    from django.conf import settings
    from django.core.management import call_command

    from search import indexing

    marker = OUT / f"{_database_name()}.indexed.json"
    wanted = {
        "counts": counts,
        "elasticsearch": bool(settings.ELASTICSEARCH_URL),
        "index_prefix": settings.ELASTICSEARCH_INDEX_PREFIX,
    }
    done = json.loads(marker.read_text()) if marker.exists() else {}
    elasticsearch_done = (
        done.get("elasticsearch") and done.get("index_prefix") == (wanted["index_prefix"])
    )
    if done.get("counts") == counts and (elasticsearch_done or not wanted["elasticsearch"]):
        print("Reusing the search index.", flush=True)
        return
    started = time.perf_counter()
    if done.get("counts") == counts:
        print("Building the Elasticsearch index …", flush=True)
        indexing.rebuild(database=False, progress_for=_index_progress)
    else:
        print("Rebuilding the search index …", flush=True)
        call_command("search_index", "rebuild")
    print(f"  search index built in {time.perf_counter() - started:.0f} s", flush=True)
    marker.write_text(json.dumps(wanted))


def _index_progress(label: str):
    shown = set()

    def report(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth not in shown:
            shown.add(tenth)
            print(f"  {label}: {done:,}/{total:,}", flush=True)

    return report


def _database_name() -> str:
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite"):
        return Path(urlsplit(url).path).stem
    return urlsplit(url).path.lstrip("/")


def content_counts() -> dict[str, int]:
    from cms.models import ArticlePage, MagazineIssue
    from forum.models import Post, Topic
    from practices.models import PracticePage

    return {
        "practices": PracticePage.objects.count(),
        "magazine_issues": MagazineIssue.objects.count(),
        "articles": ArticlePage.objects.count(),
        "forum_topics": Topic.objects.count(),
        "forum_posts": Post.objects.count(),
    }


def targets(n: int) -> Targets:
    from cms.models import MagazineIssue
    from forum.models import Topic
    from practices.models import PracticeIndexPage, PracticePage

    middle = PracticePage.objects.live().filter(slug=f"bench-{n // 2}").first()
    issue = MagazineIssue.objects.filter(slug="bench-ausgabe-0").first()
    return Targets(
        n=n,
        database=_database_name(),
        practice_index=PracticeIndexPage.objects.get().url,
        practice=middle.url,
        filters=FILTERS,
        magazine_issue=issue.url,
        forum_topic=Topic.objects.get(title=LONG_TOPIC_TITLE).get_absolute_url(),
        member=MEMBER_LOGIN,
        counts=content_counts(),
    )


def build(n: int) -> Targets:
    """Build (or complete) the data for ``n`` practices; Django must be set up for it."""
    started = time.perf_counter()
    build_skeleton()
    rng = random.Random(n)
    print(f"Building {n:,} practices and {POSTS_PER_PRACTICE * n:,} forum posts …", flush=True)
    build_jobcenters(rng)
    build_members()
    build_practices(n, rng)
    build_magazine(n, rng)
    build_forum(n, rng)
    counts = content_counts()
    print(f"Data ready in {time.perf_counter() - started:.0f} s: {counts}", flush=True)
    build_search_index(counts)
    return targets(n)


def prepare(n: int) -> Targets:
    setup(n)
    return build(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000, help="number of practices (1000)")
    args = parser.parse_args()
    print(json.dumps(asdict(prepare(args.n)), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
