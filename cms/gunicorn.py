"""gunicorn settings of the production server: ``gunicorn -c cms/gunicorn.py`` (``make serve``).

Every value can be changed from the environment; README, "Produktionsbetrieb", explains them.
"""

import gc
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)

# Synchronous workers: each answers one request at a time, so a slow request holds only its
# own worker. Twice the cores plus one keeps the cores busy while others wait for the
# database or Elasticsearch.
workers = int(os.environ.get("WEB_CONCURRENCY") or 2 * (os.cpu_count() or 1) + 1)
worker_class = "sync"

# The application (settings, code, the compound splitter's word list) is loaded once in the
# master and shared by the forked workers, copy-on-write: a new worker answers its first
# search without reading the word list again, and memory is not paid per worker.
preload_app = True

# A worker silent for this long is killed and replaced (a request stuck on a dead connection).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On a restart or `kill -TERM`, running requests get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Seconds a connection from the proxy stays open for its next request.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Each worker is replaced after this many requests, so that memory a worker grows over time
# is given back; the jitter keeps the workers from restarting all at once.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))

# gunicorn's control socket (`gunicornc`) is not used, and its default path in the home folder
# would be shared by every server of the same user.
control_socket_disable = True

# The heartbeat files of the workers in memory rather than on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Combined log format plus the time taken in milliseconds and the worker's pid.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms %(p)s'


def when_ready(server) -> None:
    """In the master, after the application is loaded and before the first worker is forked."""
    from django.db import connections

    from search.compounds import word_list
    from search.encoder import prepared

    # A database connection opened while loading must not be shared by the forked workers.
    connections.close_all()
    loaded = word_list.cache_info().currsize > 0
    server.log.info(
        "Compound word list %s in the master (pid %s).",
        f"loaded ({len(word_list())} words)" if loaded else "not loaded",
        os.getpid(),
    )
    server.log.info(
        "Encoder's model and graph %s in the master (pid %s).",
        "loaded" if prepared.cache_info().currsize else "not loaded",
        os.getpid(),
    )
    # Objects loaded so far are never collected: the collector would otherwise touch them in
    # every worker and so copy the pages they share with the master.
    gc.freeze()
