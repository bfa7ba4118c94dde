"""The community where the platform's knowledge meets: related content, questions asked from pages."""

from datetime import date

import pytest
from django.urls import reverse

from community.models import ArticleIndexPage, ArticlePage, HomePage, Post
from tests.courses.factories_studydays import make_offer, make_study_day

from .factories_forum import PostFactory

pytestmark = pytest.mark.django_db


def _article(title, tags):
    home = HomePage.objects.first()
    index = ArticleIndexPage.objects.first() or home.add_child(instance=ArticleIndexPage(title="Nieuws", slug="nieuws"))
    page = index.add_child(instance=ArticlePage(title=title, slug=title.lower().replace(" ", "-"), date=date(2026, 3, 1)))
    page.tags.add(*tags)
    page.save_revision().publish()
    return page


def _internship_experience(title, tags, n):
    return PostFactory(title=title, kind="experience", tags=tags, source_key=f"courses.placement:{n}")


def test_a_question_shows_related_study_days_articles_and_internship_experiences(
    login, teacher, django_assert_max_num_queries
):
    question = PostFactory(title="Hoe begin ik met robotica?", tags=["robotica"])
    make_study_day(title="Studiedag robotica", tags=["robotica"])
    make_study_day(title="Studiedag lassen", tags=["lassen"])
    _article("Robots in de klas", ["robotica"])
    _internship_experience("Stage bij een robotbouwer", ["robotica"], 1)
    PostFactory(title="Gewone ervaring", kind="experience", tags=["robotica"])
    client = login(teacher)
    html = client.get(question.get_absolute_url()).content.decode()
    assert "Studiedag robotica" in html and "Robots in de klas" in html and "Stage bij een robotbouwer" in html
    assert "Studiedag lassen" not in html and "Gewone ervaring" not in html
    from django.core.cache import cache

    cache.clear()  # compare uncached with uncached: the writes below renew the cached section
    small = len(_queries(client, question))
    for n in range(2, 6):
        make_study_day(title=f"Robotica {n}", tags=["robotica"])
        _internship_experience(f"Stage {n}", ["robotica"], n)
    cache.clear()
    with django_assert_max_num_queries(small):
        client.get(question.get_absolute_url())


def _queries(client, post):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(post.get_absolute_url())
    return ctx.captured_queries


def test_a_teacher_asks_from_a_study_day_and_the_question_links_back(login, teacher):
    day = make_study_day(title="Studiedag zonne-energie", tags=["zonne-energie"])
    client = login(teacher)
    page = client.get(day.url).content.decode()
    ask = reverse("community:forum_post_create")
    assert f'href="{ask}?kind=question&amp;about=' in page
    start = page.index(f'href="{ask}?') + 6
    url = page[start:page.index('"', start)].replace("&amp;", "&")
    form = client.get(url).content.decode()
    assert "Studiedag zonne-energie" in form and 'value="zonne-energie"' in form
    client.post(url, {"kind": "question", "title": "Welke omvormer gebruiken jullie?", "body": "Vraag",
                      "tags": "zonne-energie"})
    post = Post.objects.get()
    assert post.about_url == day.url and post.about_title == "Studiedag zonne-energie"
    assert f'href="{day.url}"' in client.get(post.get_absolute_url()).content.decode()
    assert "Welke omvormer gebruiken jullie?" in client.get(day.url).content.decode()


def test_a_teacher_asks_about_an_internship(login, teacher, company):
    offer = make_offer(company, title="Stage bij de installateur")
    offer.tags.add("installatietechniek")
    client = login(teacher)
    url = reverse("courses:internship_offer_detail", args=[offer.pk])
    page = client.get(url).content.decode()
    assert "about=" in page
    ask = reverse("community:forum_post_create") + f"?kind=question&about={url}&about_title=Stage"
    client.post(ask, {"kind": "question", "title": "Hoe was deze stage?", "body": "Vraag"})
    assert Post.objects.get().about_url == url
    assert "Hoe was deze stage?" in client.get(url).content.decode()


def test_an_outside_address_is_not_linked(login, teacher):
    client = login(teacher)
    for about in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        client.post(reverse("community:forum_post_create") + f"?about={about}",
                    {"kind": "question", "title": f"Vraag {about}", "body": "Tekst"})
    assert set(Post.objects.values_list("about_url", flat=True)) == {""}


def test_the_related_section_shows_a_new_study_day_at_once(login, teacher):
    question = PostFactory(title="Wie doet iets met drones?", tags=["drones"])
    client = login(teacher)
    assert "Studiedag drones" not in client.get(question.get_absolute_url()).content.decode()
    make_study_day(title="Studiedag drones", tags=["drones"])
    assert "Studiedag drones" in client.get(question.get_absolute_url()).content.decode()
