"""Dutch search: the same cases on SQLite and PostgreSQL (run the suite with DATABASE_URL for the latter)."""

from datetime import date

import pytest
from django.urls import reverse

from community.dutch_search import index_text, query_forms
from community.models import ArticleIndexPage, ArticlePage, HomePage

from .factories_forum import AnswerFactory, PostFactory

pytestmark = pytest.mark.django_db

CASES = [
    ("dak", "Werken met daken en dakgoten"),
    ("zonnepaneel", "Zonnepanelen op het schooldak"),
    ("leerling", "Hoe motiveer je leerlingen in de werkplaats?"),
    ("docentstages", "Ervaringen met een docentstage bij een installateur"),
    ("las", "Lassen met een groep van zestien"),
    ("studiedagen", "Verslag van de studiedag elektrotechniek"),
    ("zonnepanelen schooldaken", "Zonnepanelen op het schooldak"),
]
OTHER = ["Iets over houtbewerking", "Planning van het schooljaar"]


def _titles(client, q, **params):
    hits = client.get(reverse("community:forum_search"), {"q": q, **params}).context["page_obj"]
    return [h["title"] for h in hits]


@pytest.fixture
def posts():
    titles = {title for _q, title in CASES} | set(OTHER)
    return [PostFactory(title=title) for title in titles]


@pytest.mark.parametrize(("query", "title"), CASES)
def test_dutch_word_forms_and_compound_prefixes_are_found(login, teacher, posts, query, title):
    titles = _titles(login(teacher), query)
    assert title in titles
    assert not set(OTHER) & set(titles)


def test_every_query_word_must_match(login, teacher, posts):
    assert _titles(login(teacher), "zonnepanelen houtbewerking") == []


def test_study_days_and_articles_are_found_by_word_forms(login, teacher):
    home = HomePage.objects.first()
    index = home.add_child(instance=ArticleIndexPage(title="Nieuws", slug="nieuws"))
    page = index.add_child(instance=ArticlePage(title="Terugblik op de studiedag", slug="terugblik", date=date(2026, 3, 1),
                                                summary="Zonnepanelen monteren met leerlingen."))
    page.save_revision().publish()
    client = login(teacher)
    assert _titles(client, "studiedagen") == ["Terugblik op de studiedag"]
    assert _titles(client, "zonnepaneel", type="article") == ["Terugblik op de studiedag"]


def test_answers_and_tags_are_searched_with_the_same_rules(login, teacher):
    AnswerFactory(post=PostFactory(title="Werkplaats inrichten"), body="<p>Leg de daken van de schuur eerst vast.</p>")
    PostFactory(title="Vraag zonder woord in de tekst", tags=["zonnepanelen"])
    client = login(teacher)
    assert _titles(client, "dak", type="answer") == ["Werkplaats inrichten"]
    assert _titles(client, "zonnepaneel") == ["Vraag zonder woord in de tekst"]


def test_edits_and_accents_update_the_index(login, teacher):
    post = PostFactory(title="Oude titel")
    post.title = "Café-inrichting met één zonnepaneel"
    post.save()
    assert _titles(login(teacher), "cafe zonnepanelen") == [post.title]


def test_the_search_column_keeps_words_and_stems():
    text = index_text("Daken en studiedagen")
    assert " daken " in text and " dak " in text and " studiedag " in text
    assert query_forms("de, ?") == [("de",)]
    assert query_forms("") == [] and query_forms("a") == []


def test_odd_queries_never_fail(login, teacher, posts):
    client = login(teacher)
    for q in ["'", "\\", "&|!:*", "a & b", "<script>", "x" * 200, "ëü", "(dak"]:
        assert client.get(reverse("community:forum_search"), {"q": q}).status_code == 200
