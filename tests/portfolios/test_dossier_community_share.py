"""One click shares a portfolio entry into the community as an experience (issue 7)."""

import pytest
from django.urls import reverse

from community.models import Post, PostKind
from portfolios.models import EntryKind
from tests.portfolios.factories_dossier import EntryFactory, attachment_for

pytestmark = pytest.mark.django_db


def _share(client, entry):
    return client.post(reverse("portfolios:entry_share_community", args=[entry.pk]), follow=True)


def test_owner_shares_title_text_and_tags_once_and_sees_the_link(login, teacher, colleague):
    entry = EntryFactory(owner=teacher, kind=EntryKind.REFLECTION, title="Exit-tickets in de werkplaats",
                         text="<p>Drie vragen op een <strong>kaartje</strong>.</p>")
    entry.tags.add("formatief evalueren")
    attachment = attachment_for(entry)
    client = login(teacher)
    detail = client.get(reverse("portfolios:entry_detail", args=[entry.pk])).content.decode()
    assert "Deel als ervaring in de community" in detail
    assert "Bestanden worden niet gedeeld" in detail

    response = _share(client, entry)
    _share(client, entry)  # a second click changes nothing

    post = Post.objects.get()
    assert Post.objects.count() == 1
    assert (post.kind, post.author, post.title) == (PostKind.EXPERIENCE, teacher, "Exit-tickets in de werkplaats")
    assert "<strong>kaartje</strong>" in post.body
    assert list(post.tags.names()) == ["formatief evalueren"]
    assert attachment.name not in post.body and not post.images.exists()
    html = response.content.decode()
    assert "Bestanden zijn niet gedeeld" in html  # the confirmation says files stay private
    assert "Gedeeld in de community" in html
    assert reverse("community:forum_post", args=[post.pk]) in html
    assert "Deel als ervaring in de community" not in html
    # Colleagues find it in the community; the entry itself stays private.
    assert login(colleague).get(post.get_absolute_url()).status_code == 200
    assert login(colleague).get(reverse("portfolios:entry_detail", args=[entry.pk])).status_code == 404


def test_only_the_owner_may_share(login, teacher, colleague, team_leader):
    entry = EntryFactory(owner=teacher, shared_with_team_leader=True)
    for person in (colleague, team_leader):
        assert login(person).post(reverse("portfolios:entry_share_community", args=[entry.pk])).status_code == 404
    # Even a viewer it was shared with gets no button.
    assert "Deel als ervaring" not in login(team_leader).get(reverse("portfolios:entry_detail", args=[entry.pk])).content.decode()
    assert not Post.objects.exists()


def test_certificates_are_not_offered_nor_shared(login, teacher):
    entry = EntryFactory(owner=teacher, kind=EntryKind.CERTIFICATE)
    client = login(teacher)
    assert "Deel als ervaring" not in client.get(reverse("portfolios:entry_detail", args=[entry.pk])).content.decode()
    assert client.post(reverse("portfolios:entry_share_community", args=[entry.pk])).status_code == 404
    assert not Post.objects.exists()


def test_an_entry_without_text_asks_for_text_first(login, teacher):
    entry = EntryFactory(owner=teacher, kind=EntryKind.STUDY_DAY_ATTENDANCE, text="")
    client = login(teacher)
    html = client.get(reverse("portfolios:entry_detail", args=[entry.pk])).content.decode()
    assert "Deel als ervaring in de community" not in html
    assert "Schrijf wat je hebt geleerd" in html
    _share(client, entry)
    assert not Post.objects.exists()
