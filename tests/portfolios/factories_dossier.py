"""Factories for the dossier (inventory, plans, portfolio, showcases)."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from portfolios.models import (
    ActivityForm,
    DevelopmentPlan,
    EntryKind,
    LearningGoal,
    NeedsInventoryResponse,
    NeedsInventoryRound,
    PlannedActivity,
    PortfolioEntry,
    Showcase,
)
from tests.factories import PersonFactory


class RoundFactory(DjangoModelFactory):
    class Meta:
        model = NeedsInventoryRound
        django_get_or_create = ("school_year",)

    school_year = "2026-2027"
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=14))
    # Announced already: the opening email is tested on its own (test_dossier_inventory_rounds).
    announced_at = factory.LazyFunction(timezone.now)


class ResponseFactory(DjangoModelFactory):
    class Meta:
        model = NeedsInventoryResponse

    round = factory.SubFactory(RoundFactory)
    person = factory.SubFactory(PersonFactory)
    subject_assessment = 3
    didactic_assessment = 2
    pedagogical_assessment = 3


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    person = factory.SubFactory(PersonFactory)
    school_year = factory.LazyFunction(lambda: _current_year())


def _current_year():
    from portfolios.services.dossier import school_year_of

    return school_year_of()


class GoalFactory(DjangoModelFactory):
    class Meta:
        model = LearningGoal

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Leerdoel {n}")


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = PlannedActivity

    goal = factory.SubFactory(GoalFactory)
    form = ActivityForm.COURSE
    description = "Cursus"
    planned_hours = Decimal("8")
    cost = Decimal("250")


class EntryFactory(DjangoModelFactory):
    class Meta:
        model = PortfolioEntry

    owner = factory.SubFactory(PersonFactory)
    kind = EntryKind.REFLECTION
    title = factory.Sequence(lambda n: f"Reflectie {n}")
    date = factory.LazyFunction(timezone.localdate)
    hours = Decimal("2")
    text = "<p>Wat ik leerde.</p>"


class ShowcaseFactory(DjangoModelFactory):
    class Meta:
        model = Showcase

    owner = factory.SubFactory(PersonFactory)
    title = "Beoordelingsgesprek"


def school_year_start(school_year: str) -> date:
    return date(int(school_year[:4]), 8, 1)


def png_bytes(size=(60, 40), colour="red") -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def attachment_for(entry, *, image=True):
    """An attachment stored the way the upload form stores it."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from community.uploads import clean_document, clean_image
    from portfolios.services.sharing import attachment_add

    if image:
        clean = clean_image(SimpleUploadedFile("foto.png", png_bytes()))
    else:
        clean = clean_document(SimpleUploadedFile("verslag.pdf", b"%PDF-1.4\n% test\n%%EOF\n"))
    return attachment_add(entry=entry, clean=clean)
