import subprocess
import sys
from datetime import date
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import formats, translation

from tests.factories.processes import child_environment

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3y-" + "x7Qz9Lm2Vb8Nc4Rt6Yp1Ws5Ed0Fg3Hj" * 2


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=child_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestSettingsModules:
    def test_dev_settings_load_with_sqlite_by_default(self):
        result = manage(
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DATABASE_URL="",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("django.db.backends.sqlite3")

    def test_database_url_selects_postgresql(self):
        result = manage(
            "shell",
            "-c",
            "from django.conf import settings; d = settings.DATABASES['default'];"
            "print(d['ENGINE'], d['NAME'], d['HOST'])",
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DATABASE_URL="postgres://u:p@db.internal:5432/wissen",
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[-3:] == [
            "django.db.backends.postgresql",
            "wissen",
            "db.internal",
        ]

    def test_sqlite_default_lets_concurrent_writers_wait(self, tmp_path):
        # Inside an atomic block the site's connection must already hold the write lock, so
        # that a second writer is refused at once (timeout 0) instead of deadlocking later.
        script = "\n".join(
            [
                "import sqlite3",
                "from django.db import connection, transaction",
                "cursor = connection.cursor()",
                "pragmas = [cursor.execute(f'PRAGMA {name}').fetchone()[0]"
                " for name in ('journal_mode', 'busy_timeout', 'synchronous')]",
                "with transaction.atomic():",
                "    other = sqlite3.connect(connection.settings_dict['NAME'], timeout=0)",
                "    try:",
                "        other.execute('BEGIN IMMEDIATE')",
                "        second_writer = 'admitted'",
                "    except sqlite3.OperationalError as error:",
                "        second_writer = str(error)",
                "print(*pragmas, second_writer.replace(' ', '-'))",
            ]
        )
        result = manage(
            "shell",
            "--verbosity",
            "0",
            "-c",
            script,
            DJANGO_SETTINGS_MODULE="cms.settings.dev",
            DATABASE_URL="",
            WISSENSBOERSE_VAR_DIR=str(tmp_path),
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == ["wal", "20000", "1", "database-is-locked"]

    @pytest.mark.parametrize(
        ("env", "message"),
        [
            ({"ALLOWED_HOSTS": "wissen.example"}, "SECRET_KEY"),
            ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "wissen.example"}, "SECRET_KEY"),
            ({"SECRET_KEY": STRONG_KEY}, "ALLOWED_HOSTS"),
            ({"SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "wissen.example"}, "SITE_URL"),
            (
                {
                    "SECRET_KEY": STRONG_KEY,
                    "ALLOWED_HOSTS": "wissen.example",
                    "SITE_URL": "http://localhost",
                },
                "SITE_URL",
            ),
        ],
    )
    def test_production_refuses_insecure_defaults(self, env, message):
        result = manage("check", DJANGO_SETTINGS_MODULE="cms.settings.production", **env)
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr
        assert message in result.stderr

    def test_production_passes_check_deploy_without_warnings(self):
        result = manage(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DJANGO_SETTINGS_MODULE="cms.settings.production",
            SECRET_KEY=STRONG_KEY,
            ALLOWED_HOSTS="wissen.example",
            SITE_URL="https://wissen.example",
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_migrations_are_complete():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


class TestGermanLocale:
    def test_language_and_time_zone(self):
        assert settings.LANGUAGE_CODE == "de"
        assert settings.TIME_ZONE == "Europe/Berlin"

    def test_dates_and_numbers_are_german(self):
        with translation.override("de"):
            assert formats.date_format(date(2026, 11, 22), "SHORT_DATE_FORMAT") == "22.11.2026"
            assert formats.number_format(1900, use_l10n=True, force_grouping=True) == "1.900"
            assert formats.number_format(2.5, decimal_pos=1, use_l10n=True) == "2,5"

    def test_catalogue_is_complete_and_compiled(self):
        po_path = ROOT / "locale/de/LC_MESSAGES/django.po"
        catalogue = polib.pofile(str(po_path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert untranslated == []
        assert fuzzy == []
        with translation.override("de"):
            assert translation.gettext("Skip to content") == "Zum Inhalt springen"


def test_production_workers_share_one_cache(tmp_path):
    # Every gunicorn worker is its own process: what one of them clears (e.g. the practice
    # list's filter choices after a change) must be gone for the others too.
    production = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "wissen.example",
        "SITE_URL": "https://wissen.example",
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    read = "from django.core.cache import cache; print(cache.get('probe'))"

    stored = manage(
        "shell", "-c", "from django.core.cache import cache; cache.set('probe', 7)", **production
    )
    seen = manage("shell", "-c", read, **production)
    manage(
        "shell", "-c", "from django.core.cache import cache; cache.delete('probe')", **production
    )
    gone = manage("shell", "-c", read, **production)

    assert stored.returncode == 0, stored.stderr
    assert seen.stdout.split()[-1] == "7", seen.stderr
    assert gone.stdout.split()[-1] == "None", gone.stderr
