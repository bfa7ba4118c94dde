"""Factories for the authorisation feature."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from portfolios.models import (
    GrowthNeed,
    Qualification,
    QualificationRecord,
    StaffRecord,
    VerificationState,
    normalise_qualification,
)
from tests.factories import profile


def qualification(name: str) -> Qualification:
    """A qualification shipped by the conversion table's data migration (any spelling)."""
    return Qualification.objects.get(key=normalise_qualification(name))


class QualificationRecordFactory(DjangoModelFactory):
    class Meta:
        model = QualificationRecord

    person = None
    grade = 2
    obtained_on = date(2010, 6, 30)
    state = VerificationState.VERIFIED


def hold(person, name=None, *, direct=None, obtained_on=date(2010, 6, 30), verified=True, **extra):
    """Give `person` a qualification from the table (by name) or a direct authorisation (by code)."""
    target = {"direct_profile": profile(direct)} if direct else {"qualification": qualification(name)}
    state = VerificationState.VERIFIED if verified else VerificationState.SUBMITTED
    return QualificationRecordFactory(person=person, obtained_on=obtained_on, state=state, **target, **extra)


class StaffRecordFactory(DjangoModelFactory):
    class Meta:
        model = StaffRecord


class GrowthNeedFactory(DjangoModelFactory):
    class Meta:
        model = GrowthNeed

    needed_by = date(2028, 8, 1)
    teachers = 1
    profile = factory.LazyFunction(lambda: profile("PIE"))
