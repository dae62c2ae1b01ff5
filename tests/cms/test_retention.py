"""Stored personal data is deleted after the periods the Datenschutz page states."""

from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command
from django.utils import timezone

from cms.legal import AccessibilityFeedback
from cms.legal_demo import PRIVACY_SECTIONS, legal_values
from cms.schedule import jobs
from practices.models import ImportRun
from tests.factories.legal import create_feedback

pytestmark = pytest.mark.django_db


def login_record(model, *, days_ago: int):
    record = model.objects.create(
        username=f"mmuster{days_ago}", ip_address="192.0.2.1", user_agent="Firefox", **_extra(model)
    )
    # attempt_time is set on creation; move it back as time would.
    model.objects.filter(pk=record.pk).update(
        attempt_time=timezone.now() - timedelta(days=days_ago)
    )
    return record


def _extra(model) -> dict:
    if model is AccessAttempt:
        return {"get_data": "", "post_data": "", "failures_since_start": 1}
    if model is AccessFailureLog:
        return {"locked_out": False}
    return {}


class TestLoginRecords:
    @pytest.mark.parametrize("model", [AccessAttempt, AccessFailureLog, AccessLog])
    def test_records_older_than_the_period_are_deleted_recent_ones_kept(self, settings, model):
        settings.AXES_RECORD_RETENTION_DAYS = 30
        old = login_record(model, days_ago=31)
        recent = login_record(model, days_ago=29)

        call_command("personal_data_purge", stdout=StringIO())

        assert not model.objects.filter(pk=old.pk).exists()
        assert model.objects.filter(pk=recent.pk).exists()


class TestAccessibilityFeedback:
    def test_answered_long_ago_is_deleted_open_and_recent_answers_are_kept(self, settings):
        settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS = 730
        today = timezone.localdate()
        long_ago = timezone.now() - timedelta(days=1000)
        expired = create_feedback(
            received_at=long_ago,
            email="m.muster@example.org",
            status=AccessibilityFeedback.Status.ANSWERED,
            answered_on=today - timedelta(days=731),
        )
        recently_answered = create_feedback(
            received_at=long_ago,
            status=AccessibilityFeedback.Status.ANSWERED,
            answered_on=today - timedelta(days=700),
        )
        still_open = create_feedback(received_at=long_ago)

        out = StringIO()
        call_command("personal_data_purge", stdout=out)

        remaining = set(AccessibilityFeedback.objects.values_list("pk", flat=True))
        assert remaining == {recently_answered.pk, still_open.pk}
        assert expired.pk not in remaining
        assert "Rückmeldungen zur Barrierefreiheit: 1 gelöscht" in out.getvalue()

    def test_answered_without_a_date_counts_from_its_arrival(self, settings):
        settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS = 730
        create_feedback(
            received_at=timezone.now() - timedelta(days=800),
            status=AccessibilityFeedback.Status.ANSWERED,
        )

        call_command("personal_data_purge", stdout=StringIO())

        assert not AccessibilityFeedback.objects.exists()


def import_run(status: str, *, days_ago: int, finished: bool = True) -> ImportRun:
    """An import run queued ``days_ago`` days ago and, if ``finished``, ended an hour later."""
    queued_at = timezone.now() - timedelta(days=days_ago)
    run = ImportRun.objects.create(
        file_name="praxisbeispiele-nrw.csv",
        file_format="csv",
        status=status,
        errors=[{"where": "Zeile 3", "field": "E-Mail", "message": "Ungültig"}],
    )
    # created_at is set on creation; move it back as time would.
    ImportRun.objects.filter(pk=run.pk).update(
        created_at=queued_at, finished_at=queued_at + timedelta(hours=1) if finished else None
    )
    return run


class TestImportRuns:
    def test_finished_long_ago_is_deleted_recent_and_unfinished_ones_kept(self, settings):
        settings.IMPORT_RUN_RETENTION_DAYS = 180
        done_long_ago = import_run(ImportRun.Status.DONE, days_ago=200)
        failed_long_ago = import_run(ImportRun.Status.FAILED, days_ago=181)
        done_recently = import_run(ImportRun.Status.DONE, days_ago=179)
        still_running = import_run(ImportRun.Status.RUNNING, days_ago=400, finished=False)
        still_queued = import_run(ImportRun.Status.QUEUED, days_ago=400, finished=False)

        out = StringIO()
        call_command("personal_data_purge", stdout=out)

        remaining = set(ImportRun.objects.values_list("pk", flat=True))
        assert remaining == {done_recently.pk, still_running.pk, still_queued.pk}
        assert {done_long_ago.pk, failed_long_ago.pk}.isdisjoint(remaining)
        lines = out.getvalue().splitlines()
        assert (
            "Importe von Praxisbeispielen: 2 gelöscht (abgeschlossen vor mehr als 180 Tagen)"
            in (lines)
        )

    def test_finished_without_an_end_counts_from_when_it_was_queued(self, settings):
        settings.IMPORT_RUN_RETENTION_DAYS = 180
        import_run(ImportRun.Status.FAILED, days_ago=200, finished=False)
        recent = import_run(ImportRun.Status.FAILED, days_ago=10, finished=False)

        call_command("personal_data_purge", stdout=StringIO())

        assert list(ImportRun.objects.values_list("pk", flat=True)) == [recent.pk]


class TestScheduleAndText:
    def test_the_schedule_runs_the_purge_daily(self):
        purge = [job for job in jobs() if job.command == "personal_data_purge"]

        assert len(purge) == 1
        assert purge[0].daily_at is not None

    def test_the_datenschutz_text_states_the_periods_of_the_settings(self, settings):
        settings.AXES_RECORD_RETENTION_DAYS = 21
        settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS = 365
        settings.IMPORT_RUN_RETENTION_DAYS = 90

        text = " ".join(body.format(**legal_values()) for _heading, body in PRIVACY_SECTIONS)

        assert "werden nach 21 Tagen gelöscht" in text
        assert "wird 365 Tage nach der Antwort gelöscht" in text
        assert "werden 90 Tage nach dem Ende des Imports gelöscht" in text
