"""A study-day page lists the community's posts tagged like the day — for members only."""

import pytest
from django.urls import reverse

from tests.community.factories_forum import PostFactory
from tests.courses.factories_studydays import make_study_day

pytestmark = pytest.mark.django_db


def test_member_sees_tagged_posts_with_links_and_a_forum_link(login, teacher, colleague):
    day = make_study_day(tags=["robotica", "studiedag"])
    post = PostFactory(author=colleague, title="Robotica met microcontrollers", tags=["Robotica"])
    PostFactory(author=colleague, title="Iets over lassen", tags=["lassen"])
    response = login(teacher).get(day.url)
    html = response.content.decode()
    assert "Uit de community" in html
    assert "Robotica met microcontrollers" in html
    assert reverse("community:forum_post", args=[post.pk]) in html
    assert "Iets over lassen" not in html
    # The forum link filters on a tag that the shown posts carry.
    assert f'{reverse("community:forum_list")}?tag=robotica' in html


def test_hidden_posts_do_not_show(login, teacher, colleague):
    day = make_study_day(tags=["studiedag"])
    PostFactory(author=colleague, title="Verborgen reclame", tags=["studiedag"], is_hidden=True)
    PostFactory(author=colleague, title="Zichtbare ervaring", tags=["studiedag"])
    html = login(teacher).get(day.url).content.decode()
    assert "Zichtbare ervaring" in html
    assert "Verborgen reclame" not in html


def test_anonymous_visitor_sees_nothing_from_the_community(client, colleague):
    day = make_study_day(tags=["studiedag"])
    PostFactory(author=colleague, title="Ervaring van de studiedag", tags=["studiedag"])
    response = client.get(day.url)
    assert response.status_code == 200  # the page itself is public
    html = response.content.decode()
    assert "Ervaring van de studiedag" not in html
    assert "Uit de community" not in html
    assert reverse("community:forum_list") + "?tag" not in html


def test_member_without_matching_posts_gets_an_empty_note(login, teacher):
    day = make_study_day(tags=["studiedag"])
    html = login(teacher).get(day.url).content.decode()
    assert "Nog geen berichten uit de community met deze tags." in html


def test_query_count_does_not_grow_with_the_number_of_posts(login, teacher, colleague, django_assert_max_num_queries):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    day = make_study_day(tags=["studiedag", "robotica"])
    client = login(teacher)
    PostFactory(author=colleague, tags=["studiedag"])
    client.get(day.url)  # warm caches (site root, content types)
    with django_assert_max_num_queries(12):  # the page's cached parts are valid: the issue 13 budget
        client.get(day.url)
    cache.clear()  # compare uncached with uncached
    client.get(day.url)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        assert client.get(day.url).status_code == 200
    for n in range(12):
        PostFactory(author=colleague, tags=["studiedag", "robotica", f"extra{n}"])
    cache.clear()
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(day.url).content.decode()
    assert html.count(reverse("community:forum_list").rstrip("/") + "/") >= 1
    assert html.count('class="muted">· ') == 5  # capped at five posts
