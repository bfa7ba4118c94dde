"""Factories for the community app's own tests (people feature)."""

from datetime import timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from community.models import Invitation, Role


class InvitationFactory(DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    first_name = "Lisa"
    last_name = "Verhoeven"
    role = Role.TEACHER
    organisation = factory.SubFactory("tests.factories.OrganisationFactory")

    class Params:
        expired = factory.Trait(expires_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)))
        used = factory.Trait(accepted_at=factory.LazyFunction(timezone.now))
