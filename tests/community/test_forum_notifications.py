"""Follow a question, a tag or a person; in-app notifications; the email digest; unsubscribe."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from taggit.models import Tag

from community.models import Follow, ForumPreference, Notification
from community.services import forum as services
from community.tasks.forum import send_forum_digests, unsubscribe_token

from .factories_forum import AnswerFactory, PostFactory, notification_for  # noqa: F401

pytestmark = pytest.mark.django_db


def _ask(client, title="Vraag over lassen", tags="lassen"):
    return client.post(
        reverse("community:forum_post_create"), {"kind": "question", "title": title, "body": "Tekst", "tags": tags}
    )


def test_following_a_tag_brings_new_posts_with_it(login, teacher, colleague, django_capture_on_commit_callbacks):
    tag = Tag.objects.create(name="lassen", slug="lassen")
    login(colleague).post(reverse("community:forum_tag_follow", args=[tag.slug]))
    assert Follow.objects.filter(follower=colleague, tag=tag).exists()
    with django_capture_on_commit_callbacks(execute=True):
        _ask(login(teacher))
    note = Notification.objects.get(recipient=colleague)
    assert note.kind == "new_post_tag"
    page = login(colleague).get(reverse("community:forum_notifications")).content.decode()
    assert "Nieuw bericht met een tag die je volgt" in page
    # The author is not told about their own post.
    assert not Notification.objects.filter(recipient=teacher).exists()


def test_following_a_person_brings_their_posts(login, teacher, colleague, django_capture_on_commit_callbacks):
    login(colleague).post(reverse("community:forum_person_follow", args=[teacher.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        _ask(login(teacher), tags="")
    assert Notification.objects.get(recipient=colleague).kind == "new_post_person"


def test_a_new_answer_tells_the_asker_and_followers(login, teacher, colleague, other_teacher, django_capture_on_commit_callbacks):
    post = PostFactory(author=teacher)
    login(other_teacher).post(reverse("community:forum_post_follow", args=[post.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        login(colleague).post(reverse("community:forum_answer_create", args=[post.pk]), {"body": "Zo doe je dat."})
    assert set(Notification.objects.values_list("recipient__email", "kind")) == {
        ("teacher@example.org", "new_answer"), ("other@example.org", "new_answer"),
    }
    # The answerer now follows the question, so a solution reaches them.
    answer = post.answers.get()
    with django_capture_on_commit_callbacks(execute=True):
        login(teacher).post(reverse("community:forum_solution", args=[answer.pk]))
    assert Notification.objects.filter(recipient=colleague, kind="solution").exists()


def test_the_header_shows_the_unread_count_and_reading_clears_it(login, teacher):
    post = PostFactory()
    note = notification_for(teacher, post)
    notification_for(teacher, post)
    client = login(teacher)
    page = client.get(reverse("dashboard")).content.decode()
    assert 'class="nav-count"' in page and ">2<" in page
    response = client.get(reverse("community:forum_notification_open", args=[note.pk]))
    assert response["Location"] == post.get_absolute_url()
    client.post(reverse("community:forum_notifications_read"))
    assert 'class="nav-count"' not in client.get(reverse("dashboard")).content.decode()


def test_a_daily_digest_is_sent_once_with_an_unsubscribe_link(teacher):
    ForumPreference.objects.create(person=teacher, digest="daily")
    notification_for(teacher, PostFactory(title="Zonnepanelen in de les"))
    call_command("send_forum_digests", "--period", "daily")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Zonnepanelen in de les" in message.body
    assert reverse("community:forum_unsubscribe", args=[unsubscribe_token(teacher)]) in message.body
    assert "List-Unsubscribe" in message.extra_headers
    # Nothing new: no second email; and weekly people are not in the daily run.
    send_forum_digests.enqueue("daily")
    assert len(mail.outbox) == 1


def test_people_who_chose_no_email_or_weekly_get_no_daily_digest(teacher, colleague):
    ForumPreference.objects.create(person=teacher, digest="none")
    ForumPreference.objects.create(person=colleague, digest="weekly")
    notification_for(teacher, PostFactory())
    notification_for(colleague, PostFactory())
    send_forum_digests.enqueue("daily")
    assert mail.outbox == []
    send_forum_digests.enqueue("weekly")
    assert [m.to for m in mail.outbox] == [["colleague@example.org"]]


def test_unsubscribe_works_without_logging_in(client, teacher):
    ForumPreference.objects.create(person=teacher, digest="weekly")
    url = reverse("community:forum_unsubscribe", args=[unsubscribe_token(teacher)])
    assert client.get(url).status_code == 200
    assert ForumPreference.objects.get(person=teacher).digest == "weekly"  # a GET changes nothing
    response = client.post(url)
    assert response.status_code == 200 and "niet meer" in response.content.decode()
    assert ForumPreference.objects.get(person=teacher).digest == "none"


def test_a_tampered_unsubscribe_token_is_404(client, teacher):
    token = unsubscribe_token(teacher)[:-2] + "xx"
    assert client.post(reverse("community:forum_unsubscribe", args=[token])).status_code == 404


def test_members_choose_their_digest(login, teacher):
    client = login(teacher)
    client.post(reverse("community:forum_settings"), {"digest": "daily"})
    assert services.preference_for(teacher).digest == "daily"
