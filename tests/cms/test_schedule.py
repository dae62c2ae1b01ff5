"""The recurring work: one scheduler hands every job to the task worker at its time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.schedule import due_jobs
from tests.cms.magazine_helpers import magazine_index, make_article, make_issue

BERLIN = ZoneInfo("Europe/Berlin")


def names(jobs) -> set[str]:
    return {job.name for job in jobs}


def at(hour: int, minute: int = 0, day: int = 2) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=BERLIN)


class TestWhenJobsAreDue:
    def test_everything_frequent_is_due_at_the_start(self, settings):
        settings.FORUM_DIGEST_TIME = "06:00"
        start = at(9)

        due = names(due_jobs(now=start, last_runs={}, started=start))

        assert {"publish_scheduled", "email_retry", "search_index sync"} <= due
        # The digest time had passed before the start: a restart sends no second digest.
        assert "forum_digest" not in due

    def test_minute_jobs_wait_their_interval(self, settings):
        last_runs = {"publish_scheduled": at(9), "email_retry": at(9), "search_index sync": at(9)}

        soon = names(due_jobs(now=at(9) + timedelta(seconds=30), last_runs=last_runs))
        later = names(due_jobs(now=at(9, 5), last_runs=last_runs))

        assert "publish_scheduled" not in soon
        assert {"publish_scheduled", "email_retry", "search_index sync"} <= later

    def test_the_digest_runs_once_a_day_at_its_time(self, settings):
        settings.FORUM_DIGEST_TIME = "06:00"
        started = at(22, day=1)

        before = names(due_jobs(now=at(5, 59), last_runs={}, started=started))
        on_time = names(due_jobs(now=at(6, 0), last_runs={}, started=started))
        again = names(due_jobs(now=at(6, 1), last_runs={"forum_digest": at(6)}, started=started))
        next_day = names(
            due_jobs(now=at(6, 0, day=3), last_runs={"forum_digest": at(6)}, started=started)
        )

        assert "forum_digest" not in before
        assert "forum_digest" in on_time
        assert "forum_digest" not in again
        assert "forum_digest" in next_day


@pytest.mark.django_db
def test_the_scheduler_publishes_due_pages_through_the_worker(home, monkeypatch):
    issue = make_issue(magazine_index(home), number=3)
    article = make_article(issue, title="Geplanter Artikel")
    article.unpublish()
    article.go_live_at = timezone.now() + timedelta(minutes=30)
    article.save_revision().publish()
    later = timezone.now() + timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    call_command("schedule", "--once", verbosity=0)

    article.refresh_from_db()
    assert article.live
