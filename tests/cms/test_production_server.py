"""The production server: gunicorn with the project's configuration and production settings."""

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from django.conf import settings

from tests.factories.processes import child_environment

START_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str):
    # Behind the TLS proxy production expects; without the header it redirects to https.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read().decode()


def _wait_for(url: str, server: subprocess.Popen):
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        try:
            return _get(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    server.kill()
    raise AssertionError(f"gunicorn did not answer:\n{server.communicate()[0]}")


def test_gunicorn_serves_production_settings_with_the_search_data_preloaded(tmp_path):
    port = _free_port()
    (tmp_path / "static").mkdir()  # collected static files (none needed for /robots.txt)
    environment = child_environment(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="production-test-key-" + "0123456789abcdef" * 3,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="https://wissen.example",
        # /robots.txt reads no table, so an empty database spares a minute of migrations.
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ELASTICSEARCH_URL="",
        STATIC_ROOT=str(tmp_path / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "cms/gunicorn.py"],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status, body = _wait_for(f"http://127.0.0.1:{port}/robots.txt", server)
    finally:
        server.terminate()
        log = server.communicate(timeout=40)[0]

    assert status == 200
    assert body.splitlines()[0] == "User-agent: *"
    assert "Sitemap: https://wissen.example/sitemap.xml" in body.splitlines()
    # Loaded once, in the master, before the workers were forked from it.
    loaded = re.search(
        r"Compound word list loaded \((\d+) words\) in the master \(pid (\d+)\)", log
    )
    assert loaded, log
    assert int(loaded[1]) > 200_000
    assert int(loaded[2]) == server.pid
    assert f"Encoder's model and graph loaded in the master (pid {server.pid})" in log
    workers = re.findall(r"Booting worker with pid: (\d+)", log)
    assert len(workers) == 2
    assert str(server.pid) not in workers
    assert '"GET /robots.txt HTTP/1.1" 200' in log
