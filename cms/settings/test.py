"""The test suite: fast hashing, captured e-mail, the environment's database."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, BASE_DIR, DATABASES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGHIJ"
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Not the address the test client calls ("testserver"), so that a link made from the request
# instead of the public address shows up.
SITE_URL = "https://wissensboerse.example"
WAGTAILADMIN_BASE_URL = SITE_URL
MEDIA_ROOT = tempfile.mkdtemp(prefix="wissensboerse-media-")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STATICFILES_DIRS = [BASE_DIR / "static"]

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}

# The forum's anti-flood limits would make tests wait; tests/forum/test_antiflood.py turns
# them on where it checks them.
FORUM_MIN_POST_INTERVAL_SECONDS = 0
FORUM_NEW_MEMBER_TOPICS_PER_DAY = 0
FORUM_NEW_MEMBER_REPLIES_PER_DAY = 0

# The site's embedding model, with the vectors it computed for passages kept on disk between
# tests (tests/embedder.py): each test's database starts empty.
SEARCH_EMBEDDER = os.environ.get("SEARCH_EMBEDDER", "tests.embedder.DiskCachedEmbedder")
