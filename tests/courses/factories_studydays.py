"""Builders for study days and internships (pages need the page tree, so plain functions)."""

from datetime import time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from community.models import HomePage, VmboProfile
from courses.models import (
    ApplicationStatus,
    InternshipApplication,
    InternshipOffer,
    InternshipPlacement,
    OfferStatus,
    RegistrationStatus,
    StudyDayIndexPage,
    StudyDayMaterial,
    StudyDayPage,
    StudyDayRegistration,
    Workshop,
    WorkshopChoice,
)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def study_day_index():
    index = StudyDayIndexPage.objects.first()
    if index is None:
        index = StudyDayIndexPage(title="Studiedagen", slug="studiedagen")
        HomePage.objects.first().add_child(instance=index)
    return index


_counter = {"n": 0}


def make_study_day(*, days_ahead=30, capacity=10, workshops=(), profiles=(), tags=(), live=True, **fields):
    _counter["n"] += 1
    today = timezone.localdate()
    day = today + timedelta(days=days_ahead)
    defaults = {
        "title": f"Studiedag {_counter['n']}",
        "slug": f"studiedag-{_counter['n']}",
        "date": day,
        "start_time": time(9, 0),
        "end_time": time(16, 0),
        "location": "Techniek College Rotterdam",
        "capacity": capacity,
        "registration_opens": min(today - timedelta(days=10), day),
        "registration_closes": max(min(day - timedelta(days=1), today + timedelta(days=20)), min(today, day)),
        "credited_hours": Decimal("6"),
        "live": live,
    }
    defaults.update(fields)
    page = StudyDayPage(**defaults)
    study_day_index().add_child(instance=page)
    if profiles:
        page.profiles.set(VmboProfile.objects.filter(code__in=profiles))
    if tags:
        page.tags.add(*tags)
        page.save()
    for n, spec in enumerate(workshops):
        title, start, end, cap = spec
        Workshop.objects.create(page=page, title=title, start_time=start, end_time=end, capacity=cap, sort_order=n)
    return StudyDayPage.objects.get(pk=page.pk)


def register(day, person, *, status=RegistrationStatus.CONFIRMED, workshops=(), attended=None):
    registration = StudyDayRegistration.objects.create(study_day=day, person=person, status=status, attended=attended)
    for w in workshops:
        WorkshopChoice.objects.create(registration=registration, workshop=w)
    return registration


def make_document(title="Handout", name="handout.pdf"):
    Document = get_document_model()
    doc = Document(title=title, collection=Collection.get_first_root_node())
    doc.file.save(name, ContentFile(PDF), save=False)
    doc.save()
    return doc


def add_material(day, *, audience, title="Handout"):
    doc = make_document(title=title, name=f"{title.lower().replace(' ', '-')}.pdf")
    StudyDayMaterial.objects.create(page=day, document=doc, title=title, audience=audience)
    return doc


def make_offer(host, *, status=OfferStatus.APPROVED, places=2, created_by=None, profiles=(), **fields):
    today = timezone.localdate()
    defaults = {
        "title": f"Stage bij {host.name}",
        "kind": "exploring",
        "description": "Meelopen in de praktijk.",
        "period_start": today + timedelta(days=30),
        "period_end": today + timedelta(days=90),
        "hours": 24,
        "places": places,
        "contact_name": "Contact",
        "contact_email": "contact@example.org",
        "status": status,
        "created_by": created_by,
    }
    defaults.update(fields)
    offer = InternshipOffer.objects.create(host=host, **defaults)
    if profiles:
        offer.profiles.set(VmboProfile.objects.filter(code__in=profiles))
    return offer


def make_application(offer, applicant, *, status=ApplicationStatus.SUBMITTED, **fields):
    return InternshipApplication.objects.create(
        offer=offer, applicant=applicant, motivation="Ik wil leren.", goal_text="Lesmateriaal maken.", status=status, **fields
    )


def make_placement(offer, applicant, **fields):
    """A placement under way (started ten days ago) unless dates are given."""
    application = make_application(offer, applicant, status=ApplicationStatus.ACCEPTED)
    today = timezone.localdate()
    fields.setdefault("start_date", today - timedelta(days=10))
    fields.setdefault("end_date", today + timedelta(days=50))
    return InternshipPlacement.objects.create(application=application, **fields)
