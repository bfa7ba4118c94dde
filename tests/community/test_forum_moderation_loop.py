"""Moderation closes the loop: reports resolved, the author told and heard, no duplicate notices."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import ModerationLog, Notification, Report
from community.templatetags.dutch import ago

from .factories_forum import AnswerFactory, PostFactory, ReportFactory, moderator_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def test_hiding_a_post_resolves_its_reports_logs_it_and_tells_the_author(login, teacher, colleague, moderator):
    post = PostFactory(author=teacher, title="Koop mijn lasapparaat")
    ReportFactory(post=post, reporter=colleague)
    ReportFactory(post=post, reporter=moderator, reason=Report.Reason.OFFENSIVE)
    login(moderator).post(reverse("community:forum_post_moderate", args=[post.pk]),
                          {"action": "hide", "reason": "Advertentie"})
    assert not Report.objects.open().exists()
    assert all(r.resolution == "Verborgen: Advertentie" and r.resolved_by == moderator for r in Report.objects.all())
    actions = list(ModerationLog.objects.values_list("action", flat=True))
    assert actions.count("resolve_report") == 2 and "hide" in actions
    note = Notification.objects.get(recipient=teacher)
    assert note.kind == "moderated" and note.message == "Advertentie"
    page = login(teacher).get(reverse("community:forum_notifications")).content.decode()
    assert "Advertentie" in page and "zojuist" in page


def test_hiding_an_answer_resolves_only_its_reports(login, teacher, colleague, moderator):
    answer = AnswerFactory(author=colleague)
    ReportFactory(post=answer.post, answer=answer, reporter=teacher)
    other = ReportFactory(post=answer.post, reporter=teacher)
    login(moderator).post(reverse("community:forum_answer_moderate", args=[answer.pk]),
                          {"action": "hide", "reason": "Onvriendelijk"})
    assert list(Report.objects.open()) == [other]
    assert Notification.objects.get(recipient=colleague).answer == answer


def test_resolving_a_report_by_hiding_logs_it_once(login, teacher, colleague, moderator):
    report = ReportFactory(post=PostFactory(author=teacher), reporter=colleague)
    login(moderator).post(reverse("community:forum_report_resolve", args=[report.pk]),
                          {"resolution": "Spam", "hide": "on"})
    report.refresh_from_db()
    assert report.resolved_at and report.post.is_hidden
    assert ModerationLog.objects.filter(action="resolve_report").count() == 1


def test_the_author_edits_and_asks_for_a_review(login, teacher, colleague, moderator):
    post = PostFactory(author=teacher)
    client = login(moderator)
    client.post(reverse("community:forum_post_moderate", args=[post.pk]), {"action": "hide", "reason": "Privacy"})
    author = login(teacher)
    page = author.get(post.get_absolute_url()).content.decode()
    assert reverse("community:forum_post_review", args=[post.pk]) in page
    assert author.get(reverse("community:forum_post_edit", args=[post.pk])).status_code == 200
    author.post(reverse("community:forum_post_review", args=[post.pk]), {"explanation": "Naam weggehaald"})
    author.post(reverse("community:forum_post_review", args=[post.pk]), {"explanation": "Nog een keer"})
    review = Report.objects.open().get()
    assert review.reason == "review" and review.reporter == teacher and review.explanation == "Naam weggehaald"
    # Someone else cannot ask for it; a visible post needs no review.
    assert login(colleague).post(reverse("community:forum_post_review", args=[post.pk])).status_code == 404
    client = login(moderator)
    assert "Naam weggehaald" in client.get(reverse("community:forum_moderation")).content.decode()
    client.post(reverse("community:forum_post_moderate", args=[post.pk]), {"action": "unhide", "reason": "Aangepast"})
    assert not Report.objects.open().exists()
    assert Notification.objects.filter(recipient=teacher, kind="restored").exists()
    author = login(teacher)
    assert author.post(reverse("community:forum_post_review", args=[post.pk])).status_code == 404


def test_toggling_a_solution_notifies_once(login, teacher, colleague, django_capture_on_commit_callbacks):
    post = PostFactory(author=teacher)
    answer = AnswerFactory(post=post, author=colleague)
    client = login(teacher)
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("community:forum_solution", args=[answer.pk]))
    assert Notification.objects.filter(recipient=colleague, kind="solution").count() == 1


def test_just_now_under_a_minute_and_dutch_plurals():
    now = timezone.now()
    assert ago(now - timedelta(seconds=30)) == "zojuist"
    assert ago(now - timedelta(minutes=1)) == "1\xa0minuut geleden"
    assert ago(now - timedelta(minutes=5)) == "5\xa0minuten geleden"


def test_answer_counts_use_dutch_plurals(login, teacher):
    one = PostFactory(title="Eén antwoord")
    AnswerFactory(post=one)
    two = PostFactory(title="Twee antwoorden")
    AnswerFactory(post=two)
    AnswerFactory(post=two)
    client = login(teacher)
    page = client.get(reverse("community:forum_list")).content.decode()
    assert "<strong>1</strong> antwoord<" in page and "<strong>2</strong> antwoorden" in page
    assert "1 antwoord<" in client.get(one.get_absolute_url()).content.decode()
