"""Teachers in the lead: moderators hide, lock, merge and handle reports; all of it logged."""

import pytest
from django.urls import reverse

from community.models import ModerationLog, Post, Report, Role

from .factories_forum import AnswerFactory, PostFactory, ReportFactory, moderator_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def test_members_report_a_post_with_a_reason(login, teacher, colleague):
    post = PostFactory(author=teacher)
    response = login(colleague).post(
        reverse("community:forum_post_report", args=[post.pk]), {"reason": "spam", "explanation": "Reclame"}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.reporter == colleague and report.reason == "spam" and report.resolved_at is None


def test_the_queue_shows_open_reports_and_the_log_to_moderators_only(login, teacher, colleague, moderator):
    ReportFactory(post=PostFactory(title="Gemelde vraag"), reporter=colleague)
    assert login(teacher).get(reverse("community:forum_moderation")).status_code == 403
    page = login(moderator).get(reverse("community:forum_moderation")).content.decode()
    assert "Gemelde vraag" in page and "1 open melding" in page


def test_hiding_needs_a_reason_and_is_logged(login, teacher, moderator):
    post = PostFactory(author=teacher)
    url = reverse("community:forum_post_moderate", args=[post.pk])
    client = login(moderator)
    response = client.post(url, {"action": "hide", "reason": ""})
    assert response.status_code == 200
    post.refresh_from_db()
    assert not post.is_hidden
    client.post(url, {"action": "hide", "reason": "Reclame"})
    post.refresh_from_db()
    assert post.is_hidden
    entry = ModerationLog.objects.get()
    assert (entry.moderator, entry.action, entry.reason, entry.post) == (moderator, "hide", "Reclame", post)
    page = client.get(reverse("community:forum_moderation_log")).content.decode()
    assert "Reclame" in page and "Verborgen" in page


def test_a_non_moderator_cannot_moderate(login, teacher, colleague):
    post = PostFactory(author=teacher)
    response = login(colleague).post(reverse("community:forum_post_moderate", args=[post.pk]), {"action": "hide", "reason": "x"})
    assert response.status_code == 403
    post.refresh_from_db()
    assert not post.is_hidden


def test_locking_stops_answers(login, teacher, colleague, moderator):
    post = PostFactory(author=teacher)
    login(moderator).post(reverse("community:forum_post_moderate", args=[post.pk]), {"action": "lock", "reason": "Afgerond"})
    post.refresh_from_db()
    assert post.is_locked
    assert login(colleague).post(reverse("community:forum_answer_create", args=[post.pk]), {"body": "x"}).status_code == 403


def test_hiding_an_answer_updates_counts_and_search_flag(login, teacher, moderator):
    post = PostFactory(author=teacher)
    answer = AnswerFactory(post=post, is_solution=True)
    Post.objects.filter(pk=post.pk).update(is_solved=True)
    login(moderator).post(reverse("community:forum_answer_moderate", args=[answer.pk]), {"action": "hide", "reason": "Onjuist"})
    answer.refresh_from_db()
    post.refresh_from_db()
    assert answer.is_hidden and answer.search_hidden
    assert post.answer_count == 0 and not post.is_solved


def test_merging_moves_answers_and_points_the_duplicate_to_the_target(login, teacher, colleague, moderator):
    target = PostFactory(title="Origineel")
    duplicate = PostFactory(title="Dubbel", author=teacher)
    AnswerFactory(post=duplicate)
    AnswerFactory(post=duplicate)
    response = login(moderator).post(
        reverse("community:forum_post_merge", args=[duplicate.pk]), {"target": target.pk, "reason": "Zelfde vraag"}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    target.refresh_from_db()
    assert duplicate.duplicate_of == target and duplicate.is_locked
    assert target.answers.count() == 2 and target.answer_count == 2
    assert ModerationLog.objects.get().action == "merge"
    # The duplicate leaves the list but its page points to the target.
    client = login(colleague)
    assert "Dubbel" not in client.get(reverse("community:forum_list")).content.decode()
    assert target.get_absolute_url() in client.get(duplicate.get_absolute_url()).content.decode()


def test_merging_into_an_unknown_number_says_so(login, moderator):
    post = PostFactory()
    response = login(moderator).post(reverse("community:forum_post_merge", args=[post.pk]), {"target": 99999, "reason": "x"})
    assert response.status_code == 200 and "geen vraag met dit nummer" in response.content.decode()


def test_resolving_a_report_can_hide_and_is_logged(login, colleague, moderator):
    report = ReportFactory(reporter=colleague)
    login(moderator).post(
        reverse("community:forum_report_resolve", args=[report.pk]), {"resolution": "Spam verwijderd", "hide": "on"}
    )
    report.refresh_from_db()
    report.post.refresh_from_db()
    assert report.resolved_at and report.resolved_by == moderator and report.post.is_hidden
    assert set(ModerationLog.objects.values_list("action", flat=True)) == {"hide", "resolve_report"}


def test_hub_staff_grant_and_revoke_the_moderator_role(login, hub_staff, teacher, colleague):
    url = reverse("community:forum_moderators")
    assert login(colleague).get(url).status_code == 403
    client = login(hub_staff)
    client.post(url, {"grant": "1", "email": teacher.email, "reason": "Actieve docent"})
    teacher.__dict__.pop("active_memberships", None)
    assert teacher.has_role(Role.MODERATOR)
    assert login(teacher).get(reverse("community:forum_moderation")).status_code == 200
    login(hub_staff).post(url, {"revoke": teacher.pk})
    teacher.__dict__.pop("active_memberships", None)
    assert not teacher.has_role(Role.MODERATOR)
    assert list(ModerationLog.objects.order_by("pk").values_list("action", flat=True)) == [
        "grant_moderator", "revoke_moderator",
    ]
