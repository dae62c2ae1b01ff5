"""Page benchmark (not a test): the public and member pages under the production server.

    .venv/bin/python bench/pages_bench.py --n 1000
    ELASTICSEARCH_URL=http://127.0.0.1:9200 DATABASE_URL=postgres://… \\
        .venv/bin/python bench/pages_bench.py --n 100000

1. Builds or reuses the data of bench/data.py for N practices (and 10·N forum posts).
2. Starts gunicorn with cms/gunicorn.py and the production settings (2 workers, static files
   collected into bench/out/static), once with the database search backend and, when
   ELASTICSEARCH_URL is set, once more with Elasticsearch for the search page.
3. Asks for /robots.txt and every page in turn, one request at a time over a plain HTTP
   connection, as a TLS proxy would pass them on (X-Forwarded-Proto: https); the forum pages
   with the session of a network member. Warm-up rounds first, then the timed rounds.
   Interleaving the pages makes a busy neighbour on the machine hit them all alike.
4. Prints p50/p95 in milliseconds and p50(page)/p50(robots.txt), writes
   bench/out/pages-bench-N.json (pages-bench-N-postgresql.json on PostgreSQL) with the
   machine it ran on.

``--profile "practice list"`` instead profiles that page in-process (cProfile and its SQL).

Aims: every page at most 40× /robots.txt, and the ratio at 100,000 practices at most 1.5× the
ratio at 1,000.
"""

import argparse
import http.client
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import data  # noqa: E402

AIM_RATIO = 40
STATIC_ROOT = data.OUT / "static"
HOST = "127.0.0.1"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def pages(targets: data.Targets) -> dict[str, tuple[str, bool]]:
    """Name → (path, needs the member's session)."""
    last_page = -(-data.LONG_TOPIC_POSTS // 20)
    return {
        "robots.txt": ("/robots.txt", False),
        "home": ("/", False),
        "practice list": (targets.practice_index, False),
        "practice list, 2 filters": (
            f"{targets.practice_index}?{urlencode(targets.filters)}",
            False,
        ),
        "practice detail": (targets.practice, False),
        "search": ("/suche/?" + urlencode({"q": "Suchtberatung Alleinerziehende"}), False),
        "magazine issue": (targets.magazine_issue, False),
        "forum index": ("/forum/", True),
        "forum topic (500 posts), page 1": (f"{targets.forum_topic}?seite=1", True),
        f"forum topic (500 posts), page {last_page}": (
            f"{targets.forum_topic}?seite={last_page}",
            True,
        ),
    }


def member_cookie(username: str) -> str:
    """A session of ``username`` in the bench database, as logging in would make it."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from cms.accounts.models import User

    user = User.objects.get(username=username)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def server_environment(n: int, port: int, elasticsearch_url: str) -> dict[str, str]:
    return {
        **os.environ,
        **data.environment(n),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "ALLOWED_HOSTS": f"{HOST},localhost",
        "SITE_URL": f"https://{HOST}",
        "STATIC_ROOT": str(STATIC_ROOT),
        "ELASTICSEARCH_URL": elasticsearch_url,
        "WEB_CONCURRENCY": "2",
        "GUNICORN_BIND": f"{HOST}:{port}",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_LOG_LEVEL": "warning",
        # No worker restarts in the middle of a measurement.
        "GUNICORN_MAX_REQUESTS": "0",
    }


def collect_static(n: int) -> None:
    env = server_environment(n, 0, "")
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


class Server:
    def __init__(self, n: int, port: int, elasticsearch_url: str, log: Path) -> None:
        self.port = port
        self.log = log
        with log.open("w") as output:
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "-c", "cms/gunicorn.py"],
                cwd=ROOT,
                env=server_environment(n, port, elasticsearch_url),
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait(self, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                sys.exit(f"gunicorn stopped ({self.process.returncode}); see {self.log}.")
            try:
                status, _ = fetch(http.client.HTTPConnection(HOST, self.port), "/robots.txt")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        sys.exit("gunicorn did not answer within three minutes.")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def fetch(connection: http.client.HTTPConnection, path: str, cookie: str = "") -> tuple[int, int]:
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Language": "de"}
    if cookie:
        headers["Cookie"] = cookie
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    return response.status, len(body)


def answering_backend(port: int) -> str:
    """Which search backend the server answers with (its JSON API says so)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    connection.request(
        "GET",
        "/api/v1/search/?q=Suchtberatung",
        headers={"Host": HOST, "X-Forwarded-Proto": "https"},
    )
    return json.loads(connection.getresponse().read())["backend"]


def measure(
    port: int, plan: dict[str, tuple[str, bool]], cookie: str, warmup: int, rounds: int
) -> dict[str, dict]:
    connection = http.client.HTTPConnection(HOST, port, timeout=120)
    times: dict[str, list[float]] = {name: [] for name in plan}
    statuses: dict[str, set[int]] = {name: set() for name in plan}
    sizes: dict[str, int] = {}
    for round_number in range(warmup + rounds):
        for name, (path, member) in plan.items():
            start = time.perf_counter()
            status, size = fetch(connection, path, cookie if member else "")
            elapsed = (time.perf_counter() - start) * 1000
            statuses[name].add(status)
            sizes[name] = size
            if round_number >= warmup:
                times[name].append(elapsed)
        if round_number + 1 == warmup:
            print(f"  warmed up ({warmup} rounds)", flush=True)
        elif round_number >= warmup and (round_number - warmup + 1) % 25 == 0:
            print(f"  {round_number - warmup + 1}/{rounds} rounds", flush=True)
    robots = statistics.median(times["robots.txt"])
    results = {}
    for name, (path, _member) in plan.items():
        p50 = statistics.median(times[name])
        results[name] = {
            "path": path,
            "status": sorted(statuses[name]),
            "bytes": sizes[name],
            "p50_ms": round(p50, 2),
            "p95_ms": round(percentile(times[name], 0.95), 2),
            "ratio": round(p50 / robots, 1),
            "samples": len(times[name]),
        }
    return results


def profile(plan: dict[str, tuple[str, bool]], names: list[str], member: str, runs: int) -> None:
    """cProfile of ``runs`` requests per page through Django's test client on the same
    database, with its queries: where the time of a page that misses the aim goes."""
    import cProfile
    import pstats

    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import override_settings

    from cms.accounts.models import User

    client = Client(HTTP_HOST=HOST)
    client.force_login(User.objects.get(username=member))
    # Each request would otherwise empty the query log it is measured with.
    request_started.disconnect(reset_queries)
    with override_settings(DEBUG=True):
        for name in names:
            path, _member = plan[name]
            client.get(path)  # warm-up: templates, caches, connections
            reset_queries()
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(runs):
                response = client.get(path)
            profiler.disable()
            queries = connection.queries
            print(f"\n== {name}: {path} (HTTP {response.status_code}), {runs} requests")
            print(f"{len(queries) // runs} queries per request, slowest:")
            for query in sorted(queries, key=lambda q: -float(q["time"]))[:8]:
                print(f"  {float(query['time']) * 1000:7.1f} ms  {query['sql'][:160]}")
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(30)
            stats.sort_stats("tottime").print_stats(15)


def machine() -> dict:
    from django.db import connection

    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        version = connection.cursor().connection.info.server_version
        database = f"PostgreSQL {version // 10000}.{version % 10000}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "database": database,
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1_000, help="number of practices (1000)")
    parser.add_argument("--rounds", type=int, default=60, help="timed rounds over all pages")
    parser.add_argument("--warmup", type=int, default=5, help="untimed rounds first")
    parser.add_argument("--port", type=int, default=8431)
    parser.add_argument(
        "--profile",
        action="append",
        metavar="PAGE",
        help="instead of measuring, profile this page (a name from the table; repeatable)",
    )
    args = parser.parse_args()

    elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "")
    targets = data.prepare(args.n)
    plan = pages(targets)
    if args.profile:
        profile(plan, args.profile, targets.member, runs=5)
        return
    cookie = member_cookie(targets.member)
    print("Collecting static files …", flush=True)
    collect_static(args.n)
    info = machine()

    runs = [("database", "")]
    if elasticsearch_url:
        runs.append(("elasticsearch", elasticsearch_url))
    results: dict[str, dict] = {}
    for backend, url in runs:
        # The second run only needs what the backend changes: the search page.
        run_plan = (
            plan
            if backend == "database"
            else {name: plan[name] for name in ("robots.txt", "search")}
        )
        print(f"Serving with the {backend} search backend …", flush=True)
        log = data.OUT / f"gunicorn-{args.n}-{backend}.log"
        server = Server(args.n, args.port, url, log)
        try:
            server.wait()
            answering = answering_backend(args.port)
            if answering != backend:
                print(f"  the server searches with {answering}, not {backend}", flush=True)
            measured = measure(args.port, run_plan, cookie, args.warmup, args.rounds)
            measured["search"]["backend"] = answering
        finally:
            server.stop()
        for name, row in measured.items():
            key = f"search ({backend})" if name == "search" else name
            if backend != "database" and name == "robots.txt":
                key = f"robots.txt ({backend} run)"
            results[key] = row

    print()
    print(
        f"Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, {info['database']}"
    )
    print(f"Data: {targets.counts}")
    print(f"{'page':<36} {'status':>6} {'p50 ms':>8} {'p95 ms':>8} {'× robots':>9}")
    for name, row in results.items():
        flag = "" if row["ratio"] <= AIM_RATIO else "  above the aim"
        if row["status"] != [200]:
            flag += "  not 200: see bench/out/gunicorn-*.log"
        status = ",".join(map(str, row["status"]))
        print(
            f"{name:<36} {status:>6} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} "
            f"{row['ratio']:>9.1f}{flag}"
        )
    engine = "-postgresql" if info["database"].startswith("PostgreSQL") else ""
    output = data.OUT / f"pages-bench-{args.n}{engine}.json"
    output.write_text(
        json.dumps(
            {
                "n": args.n,
                "machine": info,
                "data": targets.counts,
                "rounds": args.rounds,
                "warmup": args.warmup,
                "aim_ratio": AIM_RATIO,
                "pages": results,
            },
            indent=2,
            ensure_ascii=False,
        )
    )
    print(f"\nWritten to {output.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
