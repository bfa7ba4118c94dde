"""Community content is for members only; a hidden post is seen only by its author and the
moderators: in lists, detail, search, notifications, digests and the member page."""

import pytest
from django.core import mail
from django.urls import reverse

from community.models import Notification
from community.tasks.forum import send_forum_digests

from .factories_forum import AnswerFactory, PostFactory, moderator_fixture, notification_for  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_post(teacher):
    teacher.listed_in_directory = True
    teacher.save()
    return PostFactory(author=teacher, title="Verborgen vraag over lassen", is_hidden=True, tags=["lassen"])


def test_anonymous_visitors_get_the_login_page_everywhere(client, teacher):
    post = PostFactory(author=teacher)
    for url in [
        reverse("community:forum_list"),
        reverse("community:forum_post", args=[post.pk]),
        reverse("community:forum_search") + "?q=lassen",
        reverse("community:forum_directory"),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and reverse("account_login") in response["Location"]


def test_a_person_without_an_active_membership_is_refused(login, teacher):
    from datetime import date

    teacher.memberships.update(end_date=date(2021, 1, 1))
    assert login(teacher).get(reverse("community:forum_list")).status_code == 403


def test_hidden_post_is_not_in_the_list_for_others(login, hidden_post, colleague, teacher, moderator):
    url = reverse("community:forum_list")
    assert "Verborgen vraag" not in login(colleague).get(url).content.decode()
    assert "Verborgen vraag" in login(teacher).get(url).content.decode()
    assert "Verborgen vraag" in login(moderator).get(url).content.decode()


def test_hidden_post_detail_is_404_for_others(login, hidden_post, colleague, teacher, moderator):
    url = reverse("community:forum_post", args=[hidden_post.pk])
    assert login(colleague).get(url).status_code == 404
    assert login(teacher).get(url).status_code == 200
    assert login(moderator).get(url).status_code == 200


def test_hidden_post_answers_and_images_stay_hidden(login, hidden_post, colleague):
    from .factories_forum import post_image

    image = post_image(hidden_post)
    answer = AnswerFactory(post=hidden_post)
    client = login(colleague)
    assert client.get(reverse("community:forum_image", args=[image.pk])).status_code == 404
    assert client.get(reverse("community:forum_answer_report", args=[answer.pk])).status_code == 404


def test_hidden_post_is_not_in_search_for_anyone(login, hidden_post, colleague, moderator):
    for person in (colleague, moderator):
        response = login(person).get(reverse("community:forum_search"), {"q": "lassen"})
        assert "Verborgen vraag" not in response.content.decode()


def test_hidden_post_drops_out_of_notifications(login, hidden_post, colleague):
    notification_for(colleague, hidden_post)
    client = login(colleague)
    page = client.get(reverse("community:forum_notifications")).content.decode()
    assert "Verborgen vraag" not in page
    assert Notification.objects.visible_to(colleague).unread().count() == 0
    # the header count too
    assert client.get(reverse("community:forum_list")).context["forum_unread_count"] == 0


def test_hidden_post_is_not_in_the_digest(hidden_post, colleague):
    from community.models import ForumPreference

    ForumPreference.objects.create(person=colleague, digest="daily")
    notification_for(colleague, hidden_post)
    send_forum_digests.enqueue("daily")
    assert mail.outbox == []


def test_hidden_post_is_not_on_the_member_page(login, hidden_post, colleague, teacher):
    PostFactory(author=teacher, title="Zichtbare ervaring")
    page = login(colleague).get(reverse("community:forum_member", args=[teacher.pk])).content.decode()
    assert "Zichtbare ervaring" in page and "Verborgen vraag" not in page


def test_a_hidden_answer_is_seen_by_its_author_and_moderators_only(login, teacher, colleague, other_teacher, moderator):
    post = PostFactory(author=teacher)
    AnswerFactory(post=post, author=colleague, body="<p>Geheim antwoord</p>", is_hidden=True)
    url = reverse("community:forum_post", args=[post.pk])
    assert "Geheim antwoord" not in login(other_teacher).get(url).content.decode()
    assert "Geheim antwoord" in login(colleague).get(url).content.decode()
    assert "Geheim antwoord" in login(moderator).get(url).content.decode()
