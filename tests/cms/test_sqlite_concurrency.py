"""Parallel writers against the embedded SQLite default.

A real server process (``runserver``, one thread per request, the settings ``make run`` uses)
serves the demo site from a SQLite file in a temporary directory. Many clients then write at
the same time: they log in, post in the forum and save drafts in the Wagtail admin. No request
may end in a server error ("database is locked"), and every write the site confirmed must be
in the database file afterwards.
"""

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup
from django.conf import settings

from cms.demo import DEMO_PASSWORD
from tests.embedder import VECTORS_DIRECTORY_VARIABLE
from tests.factories.processes import ROOT, child_environment, manage

pytestmark = [
    pytest.mark.skipif(
        not (os.environ.get("DATABASE_URL") or "sqlite").startswith("sqlite"),
        reason="checks the embedded SQLite default; DATABASE_URL selects another database",
    ),
    # One test process runs the module: its scenario (a module fixture) runs once.
    pytest.mark.xdist_group("sqlite_concurrency"),
    # For the migrated test database that the server's database file starts from.
    pytest.mark.django_db,
]

WRITE_SECONDS = 12
# Accounts that log in again and again while the others write.
LOGIN_USERS = ["anna.berger", "jens.fischer"]
# Each forum account writes from several tabs at once: own sessions sharing its login.
FORUM_USERS = ["anna.berger", "jens.fischer", "maria.schulz", "moderation"]
FORUM_TABS = 3
# One page each; their edit forms are plain inputs (a StreamField needs the admin's script).
ADMIN_USERS = ["redaktion", "redaktion2", "admin", "redaktion"]
ADMIN_PAGE_MODELS = ("practiceindexpage", "magazineindexpage", "guideindexpage", "magazineissue")


def server_environment(directory: Path) -> dict[str, str]:
    return child_environment(
        drop=("DATABASE_URL", "ELASTICSEARCH_URL"),
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        WISSENSBOERSE_VAR_DIR=str(directory / "var"),
        MEDIA_ROOT=str(directory / "media"),
        # The model's vectors of the demo texts, as the suite's processes computed them.
        SEARCH_EMBEDDER="tests.embedder.DiskCachedEmbedder",
        **{VECTORS_DIRECTORY_VARIABLE: str(Path(settings.VAR_DIR) / "cache")},
        # The anti-flood rules would turn quick successive posts into form errors.
        FORUM_MIN_POST_INTERVAL_SECONDS="0",
        FORUM_NEW_MEMBER_TOPICS_PER_DAY="0",
        FORUM_NEW_MEMBER_REPLIES_PER_DAY="0",
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def query(database: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(database, timeout=30)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def form_fields(form) -> list[tuple[str, str]]:
    """What a browser sends for ``form`` when it is submitted without a particular button."""
    fields = []
    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        kind = element.get("type", "text")
        if element.name == "input" and kind in {"submit", "button", "image", "reset", "file"}:
            continue
        if kind in {"checkbox", "radio"} and not element.has_attr("checked"):
            continue
        if element.name == "textarea":
            fields.append((name, element.text))
        elif element.name == "select":
            fields.extend(
                (name, option.get("value", option.text))
                for option in element.find_all("option")
                if option.has_attr("selected")
            )
        else:
            fields.append((name, element.get("value", "")))
    return fields


def replaced(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    return [(name, value) for name, value in fields if name not in values] + list(values.items())


@dataclass
class Load:
    """Everything the clients saw, shared between their threads."""

    base_url: str
    answers: list[tuple[str, str, int]] = field(default_factory=list)
    confirmed: Counter = field(default_factory=Counter)
    refused: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, method: str, path: str, status: int) -> None:
        with self.lock:
            self.answers.append((method, path, status))

    def confirm(self, what: str) -> None:
        with self.lock:
            self.confirmed[what] += 1

    def refuse(self, what: str) -> None:
        with self.lock:
            self.refused.append(what)


class Visitor:
    """One browser tab: its own connection and cookies, every answer recorded in ``load``."""

    def __init__(self, load: Load, *, signed_in_as: "Visitor | None" = None):
        self.load = load
        self.session = requests.Session()
        if signed_in_as is not None:
            self.session.cookies.update(signed_in_as.session.cookies)

    def request(self, method: str, path: str, **kwargs) -> requests.Response | None:
        try:
            response = self.session.request(
                method, self.load.base_url + path, allow_redirects=False, timeout=90, **kwargs
            )
        except requests.RequestException as error:
            self.load.record(method, f"{path} ({type(error).__name__})", 0)
            return None
        self.load.record(method, path, response.status_code)
        return response

    def form(self, path: str, selector: str):
        response = self.request("GET", path)
        if response is None or response.status_code != 200:
            return None
        return BeautifulSoup(response.text, "html.parser").select_one(selector)

    def submit(self, path: str, fields: list[tuple[str, str]], *, what: str) -> bool:
        response = self.request("POST", path, data=fields)
        if response is not None and response.status_code == 302:
            self.load.confirm(what)
            return True
        if response is not None and response.status_code < 500:
            self.load.refuse(f"{what} {path}: {response.status_code}")
        return False

    def log_in(self, username: str) -> bool:
        form = self.form("/konto/anmelden/", "form:has(input[name=password])")
        if form is None:
            return False
        fields = replaced(form_fields(form), username=username, password=DEMO_PASSWORD)
        return self.submit("/konto/anmelden/", fields, what="login")


def log_in_repeatedly(load: Load, username: str, deadline: float) -> None:
    """Signs in with a new session again and again until ``deadline`` (at least once)."""
    Visitor(load).log_in(username)
    while time.monotonic() < deadline:
        Visitor(load).log_in(username)


def post_in_forum(tab: Visitor, name: str, turn: int, topic_id: int, deadline: float) -> None:
    """Replies to one topic and new topics by turns, the first kind chosen by ``turn``, until
    ``deadline`` (at least one)."""
    number = 0
    while number == 0 or time.monotonic() < deadline:
        number += 1
        text = (
            f"Beitrag {number} aus {name}: Bei uns hat sich eine feste Ansprechstelle im "
            "Netzwerk bewährt."
        )
        if (number + turn) % 2:
            path = f"/forum/thema/{topic_id}/antworten/"
            form = tab.form(path, "form:has(textarea[name=body])")
            if form is not None:
                tab.submit(path, replaced(form_fields(form), body=text), what="post")
        else:
            path = "/forum/neues-thema/"
            form = tab.form(path, "form:has(textarea[name=body])")
            if form is not None:
                category = form.select("select[name=category] option[value!='']")[0]["value"]
                fields = replaced(
                    form_fields(form),
                    category=category,
                    title=f"Erfahrungsaustausch {name} {number}",
                    body=text,
                )
                tab.submit(path, fields, what="post")


def save_drafts(tab: Visitor, name: str, page_id: int, deadline: float) -> None:
    """Saves drafts of one page, each time from a freshly loaded form (at least one)."""
    path = f"/admin/pages/{page_id}/edit/"
    number = 0
    while number == 0 or time.monotonic() < deadline:
        number += 1
        form = tab.form(path, "form#page-edit-form")
        if form is not None:
            fields = replaced(form_fields(form), search_description=f"Entwurf {number} von {name}")
            tab.submit(path, fields, what=f"draft of page {page_id}")


def all_at_once(*calls) -> None:
    threads = [threading.Thread(target=function, args=args) for function, *args in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WRITE_SECONDS + 180)
    assert not any(thread.is_alive() for thread in threads), "a client hangs"


def counts(database: Path) -> dict[str, int]:
    found = {
        "post": query(database, "SELECT COUNT(*) FROM forum_post")[0][0],
        "login": query(database, "SELECT COUNT(*) FROM axes_accesslog")[0][0],
    }
    for object_id, revisions in query(
        database,
        "SELECT revision.object_id, COUNT(*) FROM wagtailcore_revision revision "
        "JOIN django_content_type type ON type.id = revision.base_content_type_id "
        "WHERE type.app_label = 'wagtailcore' AND type.model = 'page' "
        "GROUP BY revision.object_id",
    ):
        found[f"draft of page {object_id}"] = revisions
    return found


@dataclass
class Outcome:
    load: Load
    before: dict[str, int]
    after: dict[str, int]
    page_ids: list[int]
    topic_id: int
    database: Path
    server_log: str


def demo_site(directory: Path, environment: dict[str, str], migrated: Path) -> Path:
    """The demo site in ``directory``: the migrated database copied in (``migrate`` then finds
    nothing to do), the demo content loaded as ``make run`` does."""
    database = directory / "var" / "db.sqlite3"
    database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated, database)
    for command in (["migrate", "--noinput"], ["load_demo"]):
        result = manage(*command, environment=environment, timeout=900)
        assert result.returncode == 0, result.stdout + result.stderr
    return database


def write_concurrently(directory: Path, environment: dict[str, str], database: Path) -> Outcome:
    models = ", ".join(f"'{model}'" for model in ADMIN_PAGE_MODELS)
    page_ids = [
        page_id
        for (page_id,) in query(
            database,
            "SELECT page.id FROM wagtailcore_page page JOIN django_content_type type "
            f"ON type.id = page.content_type_id WHERE type.model IN ({models}) ORDER BY page.id",
        )
    ][: len(ADMIN_USERS)]
    topic_id = query(database, "SELECT MIN(id) FROM forum_topic")[0][0]
    assert len(page_ids) == len(ADMIN_USERS) and topic_id

    port = free_port()
    server_log = directory / "server.log"
    with (directory / "server.out").open("w") as out, server_log.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=environment,
            stdout=out,
            stderr=log,
        )
    load = Load(base_url=f"http://127.0.0.1:{port}")
    try:
        started = time.monotonic()
        while True:
            assert server.poll() is None, server_log.read_text()
            assert time.monotonic() - started < 180, "the server did not answer"
            try:
                requests.get(load.base_url + "/konto/anmelden/", timeout=10)
                break
            except requests.ConnectionError:
                time.sleep(0.5)

        before = counts(database)
        # Everyone signs in at once: password hashing is slow by design, so the writing tabs
        # below share these logins instead of each hashing again.
        forum_logins = {username: Visitor(load) for username in FORUM_USERS}
        admin_logins = [(username, Visitor(load)) for username in ADMIN_USERS]
        all_at_once(
            *((visitor.log_in, username) for username, visitor in forum_logins.items()),
            *((visitor.log_in, username) for username, visitor in admin_logins),
        )
        deadline = time.monotonic() + WRITE_SECONDS
        all_at_once(
            *((log_in_repeatedly, load, username, deadline) for username in LOGIN_USERS),
            *(
                (
                    post_in_forum,
                    Visitor(load, signed_in_as=login),
                    f"{username} Tab {tab}",
                    tab,
                    topic_id,
                    deadline,
                )
                for username, login in forum_logins.items()
                for tab in range(FORUM_TABS)
            ),
            *(
                (save_drafts, Visitor(load, signed_in_as=login), username, page_id, deadline)
                for (username, login), page_id in zip(admin_logins, page_ids, strict=True)
            ),
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    return Outcome(
        load=load,
        before=before,
        after=counts(database),
        page_ids=page_ids,
        topic_id=topic_id,
        database=database,
        server_log=server_log.read_text(),
    )


@pytest.fixture(scope="module")
def outcome(tmp_path_factory, migrated_sqlite_file) -> Outcome:
    directory = tmp_path_factory.mktemp("sqlite-site")
    environment = server_environment(directory)
    database = demo_site(directory, environment, migrated_sqlite_file)
    return write_concurrently(directory, environment, database)


def summary(outcome: Outcome) -> str:
    statuses = Counter(status for _method, _path, status in outcome.load.answers)
    return f"answers by status {dict(statuses)}, confirmed writes {dict(outcome.load.confirmed)}"


def test_no_writer_gets_a_server_error(outcome):
    failed = [answer for answer in outcome.load.answers if answer[2] >= 500 or answer[2] == 0]
    assert failed == [], summary(outcome)
    assert "database is locked" not in outcome.server_log
    assert "Traceback" not in outcome.server_log


def test_every_write_is_accepted_and_stored(outcome):
    confirmed = outcome.load.confirmed
    assert outcome.load.refused == [], summary(outcome)
    # Every client wrote at least once while the others wrote too.
    logins = len(LOGIN_USERS) + len(FORUM_USERS) + len(ADMIN_USERS)
    assert confirmed["login"] >= logins, summary(outcome)
    assert confirmed["post"] >= len(FORUM_USERS) * FORUM_TABS, summary(outcome)
    for page_id in outcome.page_ids:
        assert confirmed[f"draft of page {page_id}"] >= 1, summary(outcome)
    for what, number in confirmed.items():
        assert outcome.after.get(what, 0) - outcome.before.get(what, 0) == number, what


def test_concurrent_replies_are_numbered_without_gaps(outcome):
    numbers = query(
        outcome.database,
        f"SELECT number FROM forum_post WHERE topic_id = {outcome.topic_id} ORDER BY number",
    )
    post_count = query(
        outcome.database, f"SELECT post_count FROM forum_topic WHERE id = {outcome.topic_id}"
    )[0][0]
    assert [number for (number,) in numbers] == list(range(1, post_count + 1))
