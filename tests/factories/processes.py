import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# What the test run itself sets and a child process of the project must not inherit.
TEST_RUN_VARIABLES = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "SITE_URL",
}


def child_environment(*, drop: tuple[str, ...] = (), **overrides: str) -> dict[str, str]:
    """The environment for a ``manage.py`` child process: this one's, without the test run's
    own settings (and ``drop``), with ``overrides``."""
    removed = TEST_RUN_VARIABLES | set(drop)
    environment = {key: value for key, value in os.environ.items() if key not in removed}
    environment.update(overrides)
    return environment


def manage(*args: str, environment: dict[str, str], timeout: int) -> subprocess.CompletedProcess:
    """``manage.py *args`` of this checkout in a child process, its output captured as text."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
