"""Factories for the forum (learning community)."""

import factory
from factory.django import DjangoModelFactory

from community.models import Answer, Comment, Post, PostKind, Report
from community.sanitise import clean_html
from tests.factories import PersonFactory


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post
        skip_postgeneration_save = True

    author = factory.SubFactory(PersonFactory)
    kind = PostKind.QUESTION
    title = factory.Sequence(lambda n: f"Vraag {n} over de werkplaats")
    body = factory.LazyAttribute(lambda o: clean_html(f"<p>Uitleg bij {o.title}</p>"))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.set(list(extracted))
            self.refresh_search()
            from wagtail.search.backends import get_search_backend

            get_search_backend().add(self)


class AnswerFactory(DjangoModelFactory):
    class Meta:
        model = Answer

    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(PersonFactory)
    body = "<p>Een antwoord.</p>"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        answer = super()._create(model_class, *args, **kwargs)
        Post.objects.filter(pk=answer.post_id).update(answer_count=answer.post.answers.count())
        return answer


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    answer = factory.SubFactory(AnswerFactory)
    author = factory.SubFactory(PersonFactory)
    body = "Goed punt."


class ReportFactory(DjangoModelFactory):
    class Meta:
        model = Report

    post = factory.SubFactory(PostFactory)
    reporter = factory.SubFactory(PersonFactory)
    reason = Report.Reason.SPAM


def png_bytes(size=(4, 4), color=(200, 30, 30)):
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


def post_image(post):
    from django.core.files.base import ContentFile

    from community.models import PostImage

    return PostImage.objects.create(post=post, image=ContentFile(png_bytes(), name="foto.png"), content_type="image/png")


def notification_for(person, post, kind="new_answer", answer=None):
    from community.models import Notification

    return Notification.objects.create(recipient=person, post=post, kind=kind, answer=answer)


import pytest  # noqa: E402

from community.models import Membership, Role  # noqa: E402
from tests.factories import MembershipFactory  # noqa: E402


@pytest.fixture(name="moderator")
def moderator_fixture(other_school):
    """A teacher at another school who holds the community moderator role."""
    person = PersonFactory(email="moderator@example.org", first_name="Wouter", last_name="Koster")
    MembershipFactory(person=person, organisation=other_school, role=Role.TEACHER)
    MembershipFactory(person=person, organisation=other_school, role=Role.MODERATOR)
    return person


__all__ = ["Membership", "moderator_fixture"]
