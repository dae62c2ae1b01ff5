"""Database-fallback search benchmark (not a test): the site's search against raw SQL.

    .venv/bin/python bench/fallback_bench.py [--n 100000] [--repeat 15]
    DATABASE_URL=postgres://…/wb_fts_bench .venv/bin/python bench/fallback_bench.py

1. Fills a throwaway database with N synthetic ``SearchDocument`` rows (analysed with
   ``search.analysis.index_terms`` exactly as the write side does, in bulk) with their facet and
   audience rows: bench/out/fallback-N.sqlite3, or the PostgreSQL database of DATABASE_URL.
   A database that already holds N documents is reused.
2. For a fixed mix of queries times (a) what the search page runs: the database backend's
   ``search(SearchRequest)`` for an anonymous visitor, and (b) a raw baseline doing the same
   job by hand on the same full-text index through the DB cursor: the match with visibility
   and filters, the count, the ranked page, the disjunctive facet counts (one GROUP BY) and
   the page's documents. Both return the same total (checked).

Prints p50/p95 in milliseconds per query kind and the ratio, and writes
bench/out/fallback-bench-N.json (one entry per engine).
"""

import argparse
import json
import math
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

from bench.search_bench import GROUPS, PLACES, PROBLEMS, SENTENCES  # noqa: E402

BATCH = 2_000
LANDS = [
    "BW",
    "BY",
    "BE",
    "BB",
    "HB",
    "HH",
    "HE",
    "MV",
    "NI",
    "NW",
    "RP",
    "SL",
    "SN",
    "ST",
    "SH",
    "TH",
]
STATUSES = ["idee", "erprobung", "laufend", "regelgeschaeft", "abgeschlossen"]
PHASES = ["beratung", "uebergabe", "durchfuehrung", "absolventen"]
PARTNERS = ["kommune", "krankenkasse", "schuldnerberatung", "suchtberatung", "jugendamt"]
TYPES = ["practice"] * 6 + ["article", "guide", "topic"]
SYNONYMS = [["Agentur für Arbeit", "Arbeitsagentur"], ["Bürgergeld", "Arbeitslosengeld II"]]
QUERIES = {
    "free-text": [
        {"q": "Suchtberatung"},
        {"q": "Beratung Alleinerziehende"},
        {"q": "Bürgergeld"},
    ],
    "phrase": [{"q": "Agentur für Arbeit"}, {"q": "Arbeitsagentur Übergänge"}],
    "filtered": [
        {"q": "Beratung", "bundesland": ["NW"]},
        {"q": "Kooperation", "topic": ["schulden"], "bundesland": ["NW", "HE"]},
        {"q": "Datenschutz", "target_group": ["aeltere"], "sort": "newest"},
    ],
    "faceted": [
        {"q": "Sucht", "bundesland": ["BY", "SN"], "topic": ["sucht", "wohnen"]},
        {"q": "Kinderbetreuung", "status": ["laufend"], "page": 3},
    ],
    "empty+filters": [
        {},
        {"bundesland": ["BY", "SN"], "topic": ["sucht", "wohnen"]},
        {"status": ["laufend"], "page": 3},
    ],
    "matches-all": [{"q": "Jobcenter"}, {"q": "Jobcenter", "topic": ["gesundheit"]}],
}


def setup_django(n: int) -> str:
    OUT.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{OUT / f'fallback-{n}.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ["ELASTICSEARCH_URL"] = ""
    import django

    django.setup()
    from django.db import connection

    return connection.vendor


def fill(n: int) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from search.builders import IndexEntry
    from search.indexing import analysed_fields, pad
    from search.models import SearchAudience, SearchDocument, SearchFacetValue

    call_command("migrate", verbosity=0)
    existing = SearchDocument.objects.count()
    if existing == n:
        print(f"Reusing {n} documents.")
        return
    SearchDocument.objects.all().delete()
    rng = random.Random(42)
    now = timezone.now()
    start = time.perf_counter()
    for batch_start in range(0, n, BATCH):
        numbers = range(batch_start, min(batch_start + BATCH, n))
        documents, facets, audiences = [], [], []
        for number in numbers:
            problem, topic = rng.choice(PROBLEMS)
            group, group_slug = rng.choice(GROUPS)
            words = {"place": rng.choice(PLACES), "problem": problem, "group": group}
            lands = rng.sample(LANDS, rng.choice([1, 1, 1, 2]))
            entry = IndexEntry(
                doc_id=f"bench:{number}",
                doc_type=rng.choice(TYPES),
                model="bench.document",
                object_id=str(number),
                title=f"{problem} für {group} in {words['place']} ({number})",
                teaser=SENTENCES[0].format(**words) + " " + SENTENCES[1].format(**words),
                body=" ".join(rng.choice(SENTENCES).format(**words) for _ in range(8)),
                url=f"/bench/{number}/",
                date=now - timezone.timedelta(minutes=rng.randrange(0, 5 * 365 * 24 * 60)),
                visibility=("public",) if rng.random() < 0.8 else ("login",),
                facets={
                    "bundesland": lands,
                    "topic": [topic, *rng.sample([t for _p, t in PROBLEMS], rng.randint(0, 1))],
                    "target_group": [group_slug],
                    "status": [rng.choice(STATUSES)],
                    "phase": rng.sample(PHASES, rng.randint(0, 2)),
                    "partner_type": rng.sample(PARTNERS, rng.randint(0, 2)),
                },
            )
            entry.facets["type"] = [entry.doc_type]
            fields = {key: pad(value) for key, value in analysed_fields(entry).items()}
            documents.append(
                SearchDocument(
                    doc_id=entry.doc_id,
                    doc_type=entry.doc_type,
                    model=entry.model,
                    object_id=entry.object_id,
                    title=entry.title,
                    teaser=entry.teaser,
                    body=entry.body,
                    url=entry.url,
                    date=entry.date,
                    bundeslaender=lands,
                    **fields,
                )
            )
            facets.append(entry.facets)
            audiences.append(entry.visibility)
        with transaction.atomic():
            created = SearchDocument.objects.bulk_create(documents)
            ids = dict(
                SearchDocument.objects.filter(doc_id__in=[d.doc_id for d in created]).values_list(
                    "doc_id", "pk"
                )
            )
            SearchFacetValue.objects.bulk_create(
                SearchFacetValue(document_id=ids[d.doc_id], facet=facet, value=value)
                for d, values in zip(created, facets, strict=True)
                for facet, chosen in values.items()
                for value in dict.fromkeys(chosen)
            )
            SearchAudience.objects.bulk_create(
                SearchAudience(document_id=ids[d.doc_id], token=token)
                for d, tokens in zip(created, audiences, strict=True)
                for token in tokens
            )
        done = numbers[-1] + 1
        print(f"  {done}/{n} documents ({done / (time.perf_counter() - start):.0f}/s)", flush=True)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- (a) the site ---------------------------------------------------------------------------


def site_request(params: dict):
    from search.backends import SearchRequest
    from search.query import PAGE_SIZE, parse_query

    filters = {k: v for k, v in params.items() if k not in {"q", "sort", "page"}}
    return SearchRequest(
        query=parse_query(params.get("q", ""), SYNONYMS),
        filters=filters,
        visibilities=frozenset({"public"}),
        sort=params.get("sort", "relevance"),
        page=params.get("page", 1),
        page_size=PAGE_SIZE,
    )


def run_site(params: dict) -> int:
    from search.backends import database

    return database.search(site_request(params)).total


# --- (b) the raw baseline -------------------------------------------------------------------


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def raw_match(vendor: str, query) -> tuple[str, list]:
    """The match of a parsed query, written straight into the engine's own syntax."""
    if vendor == "sqlite":
        clauses = []
        for clause in query.clauses:
            alternatives = []
            for alt in clause.alternatives:
                if alt.phrase:
                    alternatives.append("{stems} : " + _q(" ".join(t.stem for t in alt.terms)))
                else:
                    alternatives.append(
                        "(" + " AND ".join("{stems parts} : " + _q(t.stem) for t in alt.terms) + ")"
                    )
            clauses.append("(" + " OR ".join(alternatives) + ")")
        return (
            "d.id IN (SELECT rowid FROM search_searchdocument_fts "
            "WHERE search_searchdocument_fts MATCH %s)",
            [" AND ".join(clauses)],
        )
    sql, params = [], []
    for clause in query.clauses:
        alternatives = []
        for alt in clause.alternatives:
            if alt.phrase:
                alternatives.append("d.fts_stems @@ phraseto_tsquery('simple', %s)")
                params.append(" ".join(t.stem for t in alt.terms))
            else:
                parts = []
                for t in alt.terms:
                    parts.append(
                        "(d.fts_stems @@ phraseto_tsquery('simple', %s) "
                        "OR d.fts_parts @@ phraseto_tsquery('simple', %s))"
                    )
                    params += [t.stem, t.stem]
                alternatives.append("(" + " AND ".join(parts) + ")")
        sql.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(sql), params


def raw_score(vendor: str, query) -> tuple[str, list]:
    terms, params = [], []
    for term in query.all_terms():
        whens = []
        for column, text, weight in [
            ("title_exact", term.exact, 6),
            ("title_stems", term.stem, 3),
            ("exact", term.exact, 2),
            ("stems parts", term.stem, 1),
        ]:
            if not text:
                continue
            if vendor == "sqlite":
                whens.append(
                    "WHEN h.id IN (SELECT rowid FROM search_searchdocument_fts WHERE "
                    f"search_searchdocument_fts MATCH %s) THEN {weight}"
                )
                params.append("{" + column + "} : " + _q(text))
            else:
                found = " OR ".join(
                    f"s.fts_{c} @@ phraseto_tsquery('simple', %s)" for c in column.split()
                )
                whens.append(
                    f"WHEN h.id IN (SELECT s.id FROM search_searchdocument s WHERE {found}) "
                    f"THEN {weight}"
                )
                params += [text] * len(column.split())
        terms.append("(CASE " + " ".join(whens) + " ELSE 0 END)")
    return " + ".join(terms) or "0", params


def run_raw(vendor: str, params: dict) -> int:
    from django.db import connection

    from search.registry import facet_names

    request = site_request(params)
    query = request.query

    def document_in(table: str, condition: str) -> str:
        if vendor == "sqlite":
            return f"EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = d.id AND {condition})"
        return f"d.id IN (SELECT x.document_id FROM {table} x WHERE {condition})"

    where, args = [document_in("search_searchaudience", "x.token = %s")], ["public"]
    if not query.is_empty:
        match, match_args = raw_match(vendor, query)
        where.append(match)
        args += match_args
    active = list(request.filters.items())
    flag_sql, flag_args = [], []
    for index, (facet, values) in enumerate(active):
        flag_sql.append(
            document_in(
                "search_searchfacetvalue",
                f"x.facet = %s AND x.value IN ({', '.join(['%s'] * len(values))})",
            )
            + f" AS f{index}"
        )
        flag_args += [facet, *values]
    documents = "search_searchdocument d"
    if vendor == "sqlite":
        documents += " INDEXED BY search_doc_id_date"
    matched = (
        f"SELECT {', '.join(['d.id', 'd.date', *flag_sql])} FROM {documents} "
        f"WHERE {' AND '.join(where)}"
    )
    every = " AND ".join(f"m.f{i}" for i in range(len(active))) or "1 = 1"
    with connection.cursor() as cursor:
        # Facet counts: one GROUP BY, each facet's rows held to the other facets' filters.
        conditions, condition_args = [], []
        for index, (facet, _values) in enumerate(active):
            others = " AND ".join(f"m.f{i}" for i in range(len(active)) if i != index) or "1 = 1"
            conditions.append(f"(fv.facet = %s AND {others})")
            condition_args.append(facet)
        rest = [f for f in facet_names() if f not in request.filters]
        conditions.append(f"(fv.facet IN ({', '.join(['%s'] * len(rest))}) AND {every})")
        condition_args += rest
        cursor.execute(
            f"WITH m AS MATERIALIZED ({matched}) SELECT fv.facet, fv.value, COUNT(*) FROM m "
            "JOIN search_searchfacetvalue fv ON fv.document_id = m.id "
            f"WHERE {' OR '.join(conditions)} GROUP BY fv.facet, fv.value",
            flag_args + args + condition_args,
        )
        cursor.fetchall()
        cursor.execute(f"SELECT COUNT(*) FROM ({matched}) m WHERE {every}", flag_args + args)
        total = cursor.fetchone()[0]
        pages = max(1, math.ceil(total / request.page_size))
        offset = (min(request.page, pages) - 1) * request.page_size
        newest = request.sort == "newest" or query.is_empty
        score, score_args = ("", []) if newest else raw_score(vendor, query)
        score = f"{score} DESC, " if score else ""
        cursor.execute(
            f"SELECT h.id FROM (SELECT m.id, m.date FROM ({matched}) m WHERE {every}) h "
            f"ORDER BY {score}h.date DESC NULLS LAST, h.id DESC "
            "LIMIT %s OFFSET %s",
            flag_args + args + score_args + [request.page_size, offset],
        )
        ids = [row[0] for row in cursor.fetchall()]
        if ids:
            cursor.execute(
                "SELECT doc_type, title, url, teaser, body, date, bundeslaender FROM "
                f"search_searchdocument WHERE id IN ({', '.join(['%s'] * len(ids))})",
                ids,
            )
            cursor.fetchall()
    return total


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def measure(run, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    vendor = setup_django(args.n)
    print(f"Engine: {vendor}; filling {args.n} documents …", flush=True)
    fill(args.n)

    results = {}
    print(
        f"\n{'kind':<15}{'site p50':>10}{'site p95':>10}{'raw p50':>10}{'raw p95':>10}{'p95 x':>8}"
    )
    for kind, queries in QUERIES.items():
        site, raw = [], []
        for params in queries:
            site_total, raw_total = run_site(params), run_raw(vendor, params)  # warm and check
            assert site_total == raw_total, (params, site_total, raw_total)
            site += measure(lambda p=params: run_site(p), args.repeat)
            raw += measure(lambda p=params: run_raw(vendor, p), args.repeat)
        row = {
            "site_p50_ms": round(statistics.median(site), 2),
            "site_p95_ms": round(percentile(site, 0.95), 2),
            "raw_p50_ms": round(statistics.median(raw), 2),
            "raw_p95_ms": round(percentile(raw, 0.95), 2),
        }
        row["p95_ratio"] = round(row["site_p95_ms"] / row["raw_p95_ms"], 2)
        results[kind] = row
        print(
            f"{kind:<15}{row['site_p50_ms']:>10.1f}{row['site_p95_ms']:>10.1f}"
            f"{row['raw_p50_ms']:>10.1f}{row['raw_p95_ms']:>10.1f}{row['p95_ratio']:>8.2f}",
            flush=True,
        )
    out = OUT / f"fallback-bench-{args.n}.json"
    report = json.loads(out.read_text()) if out.exists() else {}
    report[vendor] = {
        "documents": args.n,
        "repeat": args.repeat,
        "python": platform.python_version(),
        "queries": QUERIES,
        "results": results,
    }
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nWritten: {out}")


if __name__ == "__main__":
    main()
