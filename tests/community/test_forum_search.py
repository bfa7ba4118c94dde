"""Search across questions, experiences, answers, articles (and study days when installed)."""

from datetime import date

import pytest
from django.urls import reverse

from community.models import ArticleIndexPage, ArticlePage, HomePage

from .factories_forum import AnswerFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    home = HomePage.objects.first()
    index = home.add_child(instance=ArticleIndexPage(title="Nieuws", slug="nieuws"))
    page = index.add_child(
        instance=ArticlePage(title="Lassen op de studiedag", slug="lassen-studiedag", date=date(2026, 3, 1),
                             summary="Een workshop lassen voor docenten.")
    )
    page.tags.add("lassen")
    page.save_revision().publish()
    return page


def _search(client, **params):
    return client.get(reverse("community:forum_search"), params)


def test_search_finds_questions_answers_and_articles(login, teacher, article):
    PostFactory(title="Lassen met een groep van zestien", tags=["PIE"])
    AnswerFactory(post=PostFactory(title="Werkplaatsindeling"), body="<p>Gebruik een lasscherm bij het lassen.</p>")
    PostFactory(title="Iets over houtbewerking")
    response = _search(login(teacher), q="lassen")
    hits = list(response.context["page_obj"])
    kinds = {hit["kind"] for hit in hits}
    assert kinds == {"question", "answer", "article"}
    page = response.content.decode()
    assert "Lassen met een groep van zestien" in page and "Lassen op de studiedag" in page
    assert "houtbewerking" not in page
    assert "Artikel" in page and "Leervraag" in page


def test_title_matches_rank_above_body_matches(login, teacher):
    PostFactory(title="Vraag over planning", body="<p>Ook iets over zonnepanelen.</p>")
    PostFactory(title="Zonnepanelen in de PIE-les")
    hits = list(_search(login(teacher), q="zonnepanelen").context["page_obj"])
    assert hits[0]["title"] == "Zonnepanelen in de PIE-les"


def test_filter_by_type_and_by_tag(login, teacher, article):
    PostFactory(title="Lassen vraag", tags=["PIE"])
    PostFactory(title="Lassen ervaring", kind="experience", tags=["studiedag"])
    client = login(teacher)
    assert [h["title"] for h in _search(client, q="lassen", type="experience").context["page_obj"]] == ["Lassen ervaring"]
    assert [h["title"] for h in _search(client, q="lassen", type="article").context["page_obj"]] == ["Lassen op de studiedag"]
    assert {h["title"] for h in _search(client, q="lassen", tag="pie").context["page_obj"]} == {"Lassen vraag"}
    assert {h["title"] for h in _search(client, q="lassen", tag="lassen").context["page_obj"]} == {"Lassen op de studiedag"}


def test_hidden_answers_and_merged_duplicates_are_not_found(login, teacher):
    target = PostFactory(title="Originele vraag")
    PostFactory(title="Dubbele vraag over lassen", duplicate_of=target)
    AnswerFactory(post=target, body="<p>Verborgen antwoord over lassen</p>", is_hidden=True, search_hidden=True)
    hits = list(_search(login(teacher), q="lassen").context["page_obj"])
    assert hits == []


def test_an_empty_query_shows_just_the_form(login, teacher):
    response = _search(login(teacher))
    assert response.status_code == 200 and response.context["query"] == ""


def test_dutch_stemming_on_postgresql(login, teacher):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Dutch stemming needs PostgreSQL full-text search")
    PostFactory(title="Werken met daken en dakgoten")
    hits = list(_search(login(teacher), q="dak").context["page_obj"])
    assert [h["title"] for h in hits] == ["Werken met daken en dakgoten"]


def test_a_published_renamed_or_unpublished_page_shows_in_search_at_once(login, teacher, article):
    """Search keeps its index of articles and study days in the cache: every change renews it."""
    client = login(teacher)

    def titles(q):
        return [h["title"] for h in _search(client, q=q, type="article").context["page_obj"]]

    assert titles("lassen") == ["Lassen op de studiedag"]
    new = article.get_parent().add_child(instance=ArticlePage(title="Solderen in de werkplaats", slug="solderen",
                                                              date=date(2026, 4, 1), live=False))
    assert titles("solderen") == []  # a draft is not found
    new.save_revision().publish()
    assert titles("solderen") == ["Solderen in de werkplaats"]
    article.title = "Hardsolderen op de studiedag"
    article.save_revision().publish()
    assert titles("lassen") == ["Hardsolderen op de studiedag"]  # still tagged "lassen"
    article.tags.set(["metaal"])
    article.save_revision().publish()
    for tag, found in (("lassen", []), ("metaal", ["Hardsolderen op de studiedag"])):
        assert [h["title"] for h in _search(client, q="studiedag", tag=tag).context["page_obj"]] == found
    new.refresh_from_db()  # publish() worked on a copy
    new.unpublish()
    assert titles("solderen") == []  # ("hardsolderen" does not start with it)
