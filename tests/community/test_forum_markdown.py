"""One writing format: Markdown, sanitised, with a preview; old posts keep rendering."""

import pytest
from django.urls import reverse

from community.markup import plain_text, render_markdown
from community.models import Answer, Post
from community.tasks.forum import send_digest

from .factories_forum import AnswerFactory, PostFactory, notification_for  # noqa: F401

pytestmark = pytest.mark.django_db

MARKDOWN = """Eerste alinea met **vet**, *schuin* en `code`.

Zie [de uitleg](https://example.org/uitleg) of https://example.org/een/heel/lang/adres/dat/moet/afbreken

<strong>HTML mag ook</strong> en daarna gewone tekst

```
regel 1
    regel 2 ingesprongen
```
"""


def _create(client, **data):
    payload = {"kind": "question", "title": "Markdown in de werkplaats", "body": MARKDOWN, "tags": "lassen"}
    payload.update(data)
    return client.post(reverse("community:forum_post_create"), payload)


def test_markdown_is_rendered_sanitised_and_kept_for_editing(login, teacher):
    client = login(teacher)
    _create(client)
    post = Post.objects.get()
    assert "<strong>vet</strong>" in post.body and "<em>schuin</em>" in post.body and "<code>code</code>" in post.body
    assert '<a href="https://example.org/uitleg" rel="noopener noreferrer nofollow ugc">de uitleg</a>' in post.body
    assert 'href="https://example.org/een/heel/lang/adres/dat/moet/afbreken"' in post.body
    # The plain parts next to HTML keep their paragraphs; the code block keeps its lines.
    assert "<p><strong>HTML mag ook</strong> en daarna gewone tekst</p>" in post.body
    assert "regel 1\n    regel 2 ingesprongen" in post.body
    assert '<pre tabindex="0" role="region" aria-label=' in post.body
    assert post.body_source == MARKDOWN.strip()
    edit = client.get(reverse("community:forum_post_edit", args=[post.pk])).content.decode()
    assert "**vet**" in edit


def test_script_and_javascript_links_do_not_survive_markdown(login, teacher):
    _create(login(teacher), body="[klik](javascript:alert(1)) <script>alert(2)</script> <img src=x onerror=alert(3)>")
    body = Post.objects.get().body
    for bad in ("href=\"javascript", "<script", "alert(2)", "onerror", "<img"):
        assert bad not in body


def test_an_old_html_post_keeps_rendering_and_can_be_edited(login, teacher):
    old = PostFactory(author=teacher, body="<p>Oude tekst met <strong>HTML</strong></p>")
    client = login(teacher)
    page = client.get(old.get_absolute_url()).content.decode()
    assert "Oude tekst met <strong>HTML</strong>" in page
    form = client.get(reverse("community:forum_post_edit", args=[old.pk])).content.decode()
    assert "Oude tekst met &lt;strong&gt;HTML&lt;/strong&gt;" in form
    client.post(reverse("community:forum_post_edit", args=[old.pk]),
                {"title": old.title, "body": "<p>Oude tekst met <strong>HTML</strong></p>\n\nEn *nieuw*."})
    old.refresh_from_db()
    assert "<strong>HTML</strong>" in old.body and "<em>nieuw</em>" in old.body


def test_answers_are_markdown_too(login, teacher, colleague):
    post = PostFactory(author=teacher)
    login(colleague).post(reverse("community:forum_answer_create", args=[post.pk]), {"body": "Gebruik **een lasdeken**."})
    answer = Answer.objects.get()
    assert "<strong>een lasdeken</strong>" in answer.body and answer.body_source == "Gebruik **een lasdeken**."


def test_preview_shows_the_rendered_text_before_posting(login, teacher):
    client = login(teacher)
    response = client.post(reverse("community:forum_preview"), {"body": "**vet** <script>x()</script>"},
                           HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<strong>vet</strong>" in html and "<script" not in html
    assert client.get(reverse("community:forum_preview")).status_code == 405


def test_an_image_needs_a_description(login, teacher):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .factories_forum import png_bytes

    upload = SimpleUploadedFile("foto.png", png_bytes((40, 30)), content_type="image/png")
    response = _create(login(teacher), image_1=upload, alt_1="")
    assert response.status_code == 200 and not Post.objects.exists()
    assert "Beschrijf de afbeelding" in response.content.decode()


def test_search_snippets_and_the_digest_use_plain_text(login, teacher, colleague, mailoutbox):
    client = login(teacher)
    _create(client, title="Lasrook afzuigen", body="Gebruik **afzuiging** en `filters`.")
    post = Post.objects.get()
    hits = list(client.get(reverse("community:forum_search"), {"q": "afzuiging"}).context["page_obj"])
    assert hits[0]["text"] == "Gebruik afzuiging en filters."
    AnswerFactory(post=post, author=colleague, body=render_markdown("Met **een kap** boven de tafel."))
    notification_for(teacher, post, answer=Answer.objects.get())
    assert send_digest(teacher, "daily")
    text = mailoutbox[0].body
    assert "Met een kap boven de tafel." in text and "**" not in text and "<strong>" not in text


def test_plain_text_keeps_words_apart():
    assert plain_text("<p>een</p><p>twee<br>drie</p><ul><li>vier</li></ul>") == "een twee drie vier"
