"""The list, question, search and directory pages run a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import MembershipFactory, PersonFactory

from .factories_forum import AnswerFactory, CommentFactory, PostFactory

pytestmark = pytest.mark.django_db


def _count(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _grow_posts(n, author=None):
    for i in range(n):
        post = PostFactory(title=f"Lassen vraag {i}", tags=["lassen", f"t{i}"])
        post.profiles.set([1, 2])
        answer = AnswerFactory(post=post, body="<p>Antwoord over lassen</p>")
        CommentFactory(answer=answer)


def test_list_queries_do_not_grow_with_posts(login, teacher, django_assert_max_num_queries):
    client = login(teacher)
    url = reverse("community:forum_list")
    _grow_posts(3)
    small = _count(client, url, {"tag": "lassen"})
    _grow_posts(15)
    with django_assert_max_num_queries(small):
        client.get(url, {"tag": "lassen"})
    assert small <= 14


def test_question_page_queries_do_not_grow_with_answers(login, teacher, colleague, django_assert_max_num_queries):
    post = PostFactory(author=teacher, tags=["lassen", "PIE"])
    client = login(colleague)
    url = reverse("community:forum_post", args=[post.pk])
    for _ in range(2):
        CommentFactory(answer=AnswerFactory(post=post))
    small = _count(client, url)
    for _ in range(12):
        answer = AnswerFactory(post=post)
        CommentFactory(answer=answer)
        CommentFactory(answer=answer)
    with django_assert_max_num_queries(small):
        client.get(url)
    assert small <= 19  # 16 before the related study days, articles and internship experiences (3 fixed)


def test_search_queries_do_not_grow_with_results(login, teacher, django_assert_max_num_queries):
    client = login(teacher)
    url = reverse("community:forum_search")
    _grow_posts(2)
    small = _count(client, url, {"q": "lassen"})
    _grow_posts(12)
    with django_assert_max_num_queries(small):
        client.get(url, {"q": "lassen"})


def test_directory_queries_do_not_grow_with_members(login, teacher, school, django_assert_max_num_queries):
    def grow(n):
        for _ in range(n):
            person = PersonFactory(listed_in_directory=True)
            person.expertise.add("lassen")
            MembershipFactory(person=person, organisation=school, profiles=["PIE"])

    client = login(teacher)
    url = reverse("community:forum_directory")
    grow(2)
    small = _count(client, url)
    grow(12)
    with django_assert_max_num_queries(small):
        client.get(url)


def test_dashboard_panel_is_cheap_and_shows_open_questions_and_notifications(login, teacher, django_assert_max_num_queries,
                                                                           built_statuses):
    from .factories_forum import notification_for

    built_statuses()

    mine = PostFactory(title="Onbeantwoorde PIE-vraag")
    mine.profiles.set([p.pk for p in teacher.memberships.get().profiles.all()])
    notification_for(teacher, PostFactory(title="Vraag met antwoord"))
    client = login(teacher)
    page = client.get(reverse("dashboard")).content.decode()
    assert "Onbeantwoorde PIE-vraag" in page and "Vraag met antwoord" in page
    from django.core.cache import cache

    assert _count(client, reverse("dashboard")) <= 12  # cached panels: issue 13's budget
    cache.clear()  # compare uncached with uncached: the writes below renew the panels anyway
    small = _count(client, reverse("dashboard"))
    for _ in range(10):
        PostFactory().profiles.set([p.pk for p in teacher.memberships.get().profiles.all()])
        notification_for(teacher, PostFactory())
    cache.clear()
    with django_assert_max_num_queries(small):
        client.get(reverse("dashboard"))


def test_dashboard_panel_shows_open_questions_by_followed_tag_or_profile_once(login, teacher, built_statuses):
    """Open questions on the dashboard: in a profile the teacher teaches or under a tag they
    follow; once each, newest first; never their own, never answered ones."""
    from taggit.models import Tag

    from community.models import Follow

    built_statuses()
    profiles = [p.pk for p in teacher.memberships.get().profiles.all()]
    by_tag = PostFactory(title="Vraag onder een gevolgde tag", tags=["zonnepanelen"])
    both = PostFactory(title="Vraag in profiel en onder tag", tags=["zonnepanelen"])
    both.profiles.set(profiles)
    PostFactory(title="Vraag onder een andere tag", tags=["metselen"])
    own = PostFactory(title="Mijn eigen vraag", author=teacher, tags=["zonnepanelen"])
    Follow.objects.create(follower=teacher, kind=Follow.Kind.TAG, tag=Tag.objects.get(name="zonnepanelen"))
    page = login(teacher).get(reverse("dashboard")).content.decode()
    assert page.count("Vraag in profiel en onder tag") == 1 and by_tag.title in page
    assert "Vraag onder een andere tag" not in page and own.title not in page
    assert page.index("Vraag in profiel en onder tag") < page.index(by_tag.title)  # newest first
