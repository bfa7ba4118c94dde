"""factory_boy factories shared by every app's tests."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from community.demo.mfa import DEMO_TOTP_SECRET
from community.models import Membership, Organisation, Person, Role, SchoolType, Team, VmboProfile


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"School {n}")
    kind = Organisation.Kind.SCHOOL
    school_type = SchoolType.VMBO
    brin = factory.Sequence(lambda n: f"{n % 100:02d}{chr(65 + n // 100 % 26)}{chr(65 + n % 26)}")
    city = "Rotterdam"


class CompanyFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Company {n}")
    kind = Organisation.Kind.COMPANY
    school_type = ""
    brin = ""


class HubFactory(OrganisationFactory):
    name = "TechniekHub"
    kind = Organisation.Kind.HUB
    school_type = ""
    brin = ""


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Team {n}")


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.django.Password("correct-horse-battery")


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership
        skip_postgeneration_save = True

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.TEACHER
    start_date = date(2020, 8, 1)

    @factory.post_generation
    def profiles(self, create, extracted, **kwargs):
        if create and extracted:
            self.profiles.set(VmboProfile.objects.filter(code__in=extracted))

    @factory.post_generation
    def two_step(self, create, extracted, **kwargs):
        """HR and hub staff must use two-step login: give them a TOTP authenticator (with the
        demo secret) unless the test passes two_step=False to see the set-up redirect."""
        if create and extracted is not False and self.role in TWO_STEP_ROLES:
            give_totp(self.person)


TWO_STEP_ROLES = {Role.HR, Role.HUB_STAFF}


def give_totp(person, secret: str = DEMO_TOTP_SECRET):
    """A TOTP authenticator and recovery codes, as HR, hub staff and CMS users need."""
    from community.two_step import activate_totp

    activate_totp(person, secret)
    return person


def profile(code: str) -> VmboProfile:
    """The vmbo profiles are reference data created by a migration."""
    return VmboProfile.objects.get(code=code)
