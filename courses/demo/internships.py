"""Demo data: internship offers (Stedin, Metalent, a school, Rijnmond Bouw awaiting approval),
applications, an active placement and a completed one with a published summary."""

from datetime import date, datetime

from django.utils import timezone

from community.models import Membership, Organisation, Person, Role, VmboProfile
from portfolios.models import DevelopmentPlan, LearningGoal

from ..models import (
    ApplicationStatus,
    InternshipApplication,
    InternshipOffer,
    InternshipPlacement,
    OfferStatus,
    PlacementStatus,
)
from ..services import internships as services


def _offer(title, host, creator, *, kind, status, start, end, hours, places, profiles, tags, description):
    offer, created = InternshipOffer.objects.get_or_create(
        title=title, host=host,
        defaults={
            "kind": kind, "status": status, "period_start": start, "period_end": end, "hours": hours, "places": places,
            "contact_name": str(creator) if creator else host.name,
            "contact_email": creator.email if creator else f"stage@{host.name.lower().replace(' ', '')}.example.org",
            "created_by": creator, "description": description,
        },
    )
    if created:
        offer.profiles.set(VmboProfile.objects.filter(code__in=profiles))
        offer.tags.add(*tags)
    return offer


def load(stdout):
    orgs = {o.name: o for o in Organisation.objects.filter(name__in=["Stedin", "Metalent", "Rijnmond Bouw", "Zuiderpark College"])}
    bedrijf = Person.objects.get(email="bedrijf@example.org")
    hub = Person.objects.get(email="hub@example.org")
    hr = Person.objects.filter(email="hr@example.org").first()
    docent = Person.objects.get(email="docent@example.org")

    rijnmond_mentor, created = Person.objects.get_or_create(
        email="bouw@example.org", defaults={"first_name": "Wouter", "last_name": "Koster"}
    )
    if created:
        from community.demo import DEMO_PASSWORD

        rijnmond_mentor.set_password(DEMO_PASSWORD)
        rijnmond_mentor.save()
    Membership.objects.get_or_create(
        person=rijnmond_mentor, organisation=orgs["Rijnmond Bouw"], role=Role.COMPANY_MENTOR,
        defaults={"start_date": date(2020, 1, 1)},
    )

    stedin = _offer(
        "Meelopen met een monteur netbeheer", orgs["Stedin"], bedrijf, kind="exploring", status=OfferStatus.APPROVED,
        start=date(2027, 2, 1), end=date(2027, 4, 30), hours=24, places=2, profiles=["PIE"],
        tags=["energietransitie", "installatietechniek"],
        description="Drie dagen mee met een monteur in de wijk: storingen, aansluitingen en de energietransitie in de praktijk. "
        "Je neemt voorbeelden en opdrachten mee terug naar je PIE-lessen.",
    )
    metalent = _offer(
        "Lassen en CNC in de productiehal", orgs["Metalent"], hub, kind="update", status=OfferStatus.APPROVED,
        start=date(2026, 5, 11), end=date(2026, 6, 19), hours=32, places=2, profiles=["PIE", "M&T"],
        tags=["lassen", "CNC"],
        description="Werk vier dagen mee in de productiehal van Metalent en fris je kennis van lassen en CNC-verspanen op.",
    )
    metalent_next = _offer(
        "Robotlassen: verdieping", orgs["Metalent"], hub, kind="deepening", status=OfferStatus.APPROVED,
        start=date(2027, 1, 11), end=date(2027, 6, 30), hours=40, places=1, profiles=["PIE"], tags=["lassen", "robotica"],
        description="Programmeer en bedien een lasrobot, en ontwikkel samen met de praktijkbegeleider een lesopdracht.",
    )
    _offer(
        "Duurzaam bouwen op de bouwplaats", orgs["Rijnmond Bouw"], rijnmond_mentor, kind="deepening", status=OfferStatus.PENDING,
        start=date(2027, 3, 1), end=date(2027, 5, 31), hours=24, places=2, profiles=["BWI"], tags=["duurzaamheid", "bouw"],
        description="Maak kennis met circulair bouwen en houtskeletbouw op een bouwplaats in Rotterdam-Zuid.",
    )
    if hr:
        _offer(
            "Meedraaien in de sectie MVI", orgs["Zuiderpark College"], hr, kind="exploring", status=OfferStatus.APPROVED,
            start=date(2027, 1, 18), end=date(2027, 5, 29), hours=16, places=3, profiles=["MVI"], tags=["media", "ICT"],
            description="Kijk twee dagen mee in de MVI-lessen van het Zuiderpark College en ontdek raakvlakken met jouw profiel.",
        )
    for offer in InternshipOffer.objects.filter(status=OfferStatus.APPROVED, reviewed_by__isnull=True):
        offer.reviewed_by, offer.reviewed_at = hub, timezone.now()
        offer.save(update_fields=["reviewed_by", "reviewed_at"])

    plan, _ = DevelopmentPlan.objects.get_or_create(person=docent, school_year="2026-2027")
    goal, _ = LearningGoal.objects.get_or_create(
        plan=plan, title="Actuele praktijkkennis over slimme netten in mijn PIE-lessen",
        defaults={"requirement": "subject", "profile": VmboProfile.objects.filter(code="PIE").first()},
    )

    # A completed internship (spring 2026) with report, feedback, evidence and a published summary.
    done = InternshipApplication.objects.filter(offer=metalent, applicant=docent).first()
    if done is None:
        done = InternshipApplication.objects.create(
            offer=metalent, applicant=docent, motivation="Ik wil mijn laskennis actualiseren voor de PIE-werkplaats.",
            goal_text="Nieuwe lasopdrachten voor leerjaar 3 ontwikkelen.", status=ApplicationStatus.ACCEPTED,
            decided_by=hub, decided_at=timezone.make_aware(datetime(2026, 4, 20, 10, 0)),
        )
        placement = InternshipPlacement.objects.create(
            application=done, start_date=date(2026, 5, 11), end_date=date(2026, 6, 19),
            midway_date=date(2026, 5, 29), midway_notes="Goed op weg; eerste opdracht MIG-lassen getest met collega's.",
            report="Vier dagen meegedraaid in de productiehal. Ik heb drie lasopdrachten herschreven naar de praktijk van Metalent.",
            deliverable_description="Drie herziene lasopdrachten voor leerjaar 3",
            report_submitted_at=timezone.make_aware(datetime(2026, 6, 22, 12, 0)),
            host_feedback="Sanne stelde scherpe vragen en vertaalde de praktijk direct naar lesmateriaal.",
        )
        services.placement_complete(placement=placement, by=hub)
        placement.refresh_from_db()
        services.placement_publish_summary(
            placement=placement, publish=True,
            summary="Bij Metalent leerde ik hoe lassers nu werken: minder handwerk, meer voorbereiding en controle. "
            "Mijn herziene lasopdrachten beginnen daarom met een werktekening en een controlelijst. Vraag ze gerust op!",
        )

    # Published summaries are community experiences too (idempotent per placement).
    for placement in InternshipPlacement.objects.published().select_related("application__offer__host", "application__applicant"):
        services.placement_share_summary(placement=placement)

    # An accepted internship at Stedin that is under way.
    active = InternshipApplication.objects.filter(offer=stedin, applicant=docent).first()
    if active is None:
        active = services.application_submit(
            offer=stedin, applicant=docent, motivation="Ik wil de energietransitie concreet maken voor mijn PIE-leerlingen.",
            goals=[goal], goal_text="",
        )
        services.application_decide(application=active, by=bedrijf, accept=True, note="Welkom! We starten op 1 februari.")
        InternshipPlacement.objects.filter(application=active).update(
            midway_date=date(2027, 3, 15), status=PlacementStatus.ACTIVE,
        )

    # Other teachers apply, so hosts have applicants to decide on.
    others = list(Person.objects.filter(memberships__role=Role.TEACHER).exclude(pk=docent.pk).distinct().order_by("email")[:3])
    for person, offer in zip(others, [stedin, metalent_next, stedin], strict=False):
        if not InternshipApplication.objects.filter(offer=offer, applicant=person).exists():
            services.application_submit(
                offer=offer, applicant=person, motivation="Ik wil mijn vakkennis actualiseren en mijn lessen praktijkgerichter maken.",
                goal_text="Een lesopdracht ontwikkelen op basis van de stage.",
            )
    stdout.write(f"internships: {InternshipOffer.objects.count()} offers, {InternshipPlacement.objects.count()} placements")
