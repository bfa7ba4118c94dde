"""Demo data: the needs inventory, development plans in every state and a portfolio.

Idempotent: everything is looked up by fixed names first (run after community's demo).
"""

import io
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image, ImageDraw

from community.models import Membership, Person, Role, Team, VmboProfile
from community.uploads import clean_document, clean_image

from ..models import (
    ActivityForm,
    CompetenceRequirement,
    DevelopmentPlan,
    EntryKind,
    LearningGoal,
    NeedsInventoryResponse,
    NeedsInventoryRound,
    PlanEvent,
    PlannedActivity,
    PlanStatus,
    PortfolioEntry,
    Showcase,
)
from ..services import record_evidence
from ..services.dossier import school_year_of
from ..services.sharing import attachment_add

THIS_YEAR = "2026-2027"
LAST_YEAR = "2025-2026"


def _aware(day: date, hour=10):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _profiles(*codes):
    return list(VmboProfile.objects.filter(code__in=codes))


def _response(round, person, *, submitted, taught, deepening=(), upskilling=(), topics="", forms=(), scores=(3, 3, 3)):
    response, created = NeedsInventoryResponse.objects.get_or_create(
        round=round,
        person=person,
        defaults={
            "subject_assessment": scores[0],
            "didactic_assessment": scores[1],
            "pedagogical_assessment": scores[2],
            "deepening_topics": topics,
            "preferred_forms": list(forms),
            "authorisation_status": "",
            "submitted_at": _aware(round.opens_on + timedelta(days=10)) if submitted else None,
        },
    )
    if created:
        response.profiles_taught.set(_profiles(*taught))
        response.deepening_profiles.set(_profiles(*deepening))
        response.upskilling_profiles.set(_profiles(*upskilling))
    return response


def _plan(person, school_year, status, *, leader, goals, reflection="", response=None, comment=""):
    plan, created = DevelopmentPlan.objects.get_or_create(
        person=person, school_year=school_year, defaults={"status": status, "reflection": reflection, "inventory_response": response}
    )
    if not created:
        return plan
    start = date(int(school_year[:4]), 9, 15)
    steps = {
        PlanStatus.DRAFT: [("", PlanStatus.DRAFT, person, "")],
        PlanStatus.SUBMITTED: [("", PlanStatus.DRAFT, person, ""), (PlanStatus.DRAFT, PlanStatus.SUBMITTED, person, "")],
        PlanStatus.CHANGES_REQUESTED: [
            ("", PlanStatus.DRAFT, person, ""),
            (PlanStatus.DRAFT, PlanStatus.SUBMITTED, person, ""),
            (PlanStatus.SUBMITTED, PlanStatus.CHANGES_REQUESTED, leader, comment or "Kun je bij elk doel aangeven hoe je merkt dat je het bereikt hebt?"),
        ],
        PlanStatus.AGREED: [
            ("", PlanStatus.DRAFT, person, ""),
            (PlanStatus.DRAFT, PlanStatus.SUBMITTED, person, ""),
            (PlanStatus.SUBMITTED, PlanStatus.AGREED, leader, comment or "Mooi plan, akkoord. Plan de docentstage in overleg met het rooster."),
        ],
    }
    steps[PlanStatus.CLOSED] = steps[PlanStatus.AGREED] + [(PlanStatus.AGREED, PlanStatus.CLOSED, person, "")]
    for n, (src, dst, actor, text) in enumerate(steps[status]):
        PlanEvent.objects.create(plan=plan, actor=actor, from_status=src, to_status=dst, comment=text, at=_aware(start + timedelta(days=7 * n)))
    for title, requirement, profile, why, criteria, activities in goals:
        goal = LearningGoal.objects.create(
            plan=plan, title=title, requirement=requirement, why=why, success_criteria=criteria,
            profile=VmboProfile.objects.filter(code=profile).first() if profile else None,
            target_date=date(int(school_year[:4]) + 1, 6, 30),
            status=LearningGoal.Status.ACHIEVED if status == PlanStatus.CLOSED else LearningGoal.Status.IN_PROGRESS,
        )
        for form, description, hours, cost, done in activities:
            PlannedActivity.objects.create(
                goal=goal, form=form, description=description, planned_hours=Decimal(hours), cost=Decimal(cost), completed=done
            )
    return plan


def _png(text, colour):
    image = Image.new("RGB", (800, 560), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, 740, 500), outline="white", width=8)
    draw.text((100, 250), text, fill="white")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _pdf(title, lines):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.output())


def _entry(owner, title, kind, day, hours, text, tags, *, goals=(), requirements=(), share=None, image=None, document=None):
    entry = PortfolioEntry.objects.filter(owner=owner, title=title).first()
    if entry:
        return entry
    entry = PortfolioEntry.objects.create(
        owner=owner, title=title, kind=kind, date=day, hours=Decimal(hours), text=text, requirements=list(requirements)
    )
    entry.tags.add(*tags)
    entry.goals.set(goals)
    for key, value in (share or {}).items():
        if key == "people":
            entry.shared_with_people.set(value)
        else:
            setattr(entry, f"shared_with_{key}", value)
    entry.save()
    if image:
        attachment_add(entry=entry, clean=clean_image(SimpleUploadedFile(image[0], image[1])))
    if document:
        attachment_add(entry=entry, clean=clean_document(SimpleUploadedFile(document[0], document[1])))
    return entry


def load(stdout):
    try:
        docent = Person.objects.get(email="docent@example.org")
        leader = Person.objects.get(email="teamleider@example.org")
    except Person.DoesNotExist:
        return
    team = Team.objects.get(organisation__name="Zuiderpark College", name="Techniek")
    this_round, _ = NeedsInventoryRound.objects.get_or_create(
        school_year=THIS_YEAR, defaults={"opens_on": date(2026, 10, 1), "deadline": date(2026, 12, 15)}
    )
    last_round, _ = NeedsInventoryRound.objects.get_or_create(
        school_year=LAST_YEAR, defaults={"opens_on": date(2025, 10, 1), "deadline": date(2025, 12, 15)}
    )

    # The demo teacher: submitted inventory, an agreed plan, last year's closed plan, a portfolio.
    response = _response(
        this_round, docent, submitted=True, taught=("PIE", "BWI"), deepening=("BWI",),
        topics="Duurzame installaties (warmtepompen) en differentiëren in de praktijkles.",
        forms=(ActivityForm.STUDY_DAY, ActivityForm.INTERNSHIP), scores=(3, 2, 3),
    )
    _response(last_round, docent, submitted=True, taught=("PIE", "BWI"), deepening=("PIE",), forms=(ActivityForm.COURSE,))
    plan = _plan(
        docent, THIS_YEAR, PlanStatus.AGREED, leader=leader, response=response,
        goals=[
            ("Verdieping BWI: duurzame installaties", CompetenceRequirement.SUBJECT, "BWI",
             "Leerlingen vragen steeds vaker naar warmtepompen; ik wil dat kunnen voordoen.",
             "Ik geef in mei een praktijkles warmtepompen die ik zelf heb ontworpen.",
             [(ActivityForm.INTERNSHIP, "Docentstage bij Rijnmond Bouw (installatieteam)", "24", "0", False),
              (ActivityForm.STUDY_DAY, "Studiedag voorjaar: workshop warmtepompen", "6", "95", True)]),
            ("Differentiëren in de praktijkles", CompetenceRequirement.DIDACTIC, "PIE",
             "In gemengde groepen lopen sterke leerlingen vast en haken zwakke af.",
             "Mijn lesbezoek in april laat drie niveaus in één opdracht zien.",
             [(ActivityForm.COURSE, "Cursus differentiëren in het vmbo", "16", "450", False),
              (ActivityForm.COACHING, "Collegiale consultatie met Bas", "4", "0", True)]),
        ],
    )
    _plan(
        docent, LAST_YEAR, PlanStatus.CLOSED, leader=leader,
        reflection="Het lasproject werkte goed; volgend jaar wil ik meer differentiëren.",
        goals=[("Lascertificaat MIG/MAG vernieuwen", CompetenceRequirement.SUBJECT, "PIE", "", "", [
            (ActivityForm.COURSE, "Lascursus bij het opleidingsbedrijf", "32", "380", True)])],
    )
    goals = list(plan.goals.all())
    entries = [
        _entry(docent, "Reflectie: eerste differentiatieles", EntryKind.REFLECTION, date(2026, 10, 14), "2",
               "<p>Ik heb de opdracht in <strong>drie niveaus</strong> aangeboden. Wat werkte:</p><ul><li>keuzekaarten</li><li>een 'expert' per tafel</li></ul>",
               ["differentiëren", "PIE"], goals=goals[1:2], requirements=[CompetenceRequirement.DIDACTIC],
               share={"team_leader": True}),
        _entry(docent, "Werkstuk leerling: lasnaad", EntryKind.STUDENT_WORK, date(2026, 11, 5), "0",
               "<p>Foto van een MAG-lasnaad van een leerling uit 3 kader (gezicht niet in beeld).</p>",
               ["lassen", "PIE"], requirements=[CompetenceRequirement.SUBJECT], share={"community": True},
               image=("lasnaad.png", _png("MAG-lasnaad 3K", "#8a5300"))),
        _entry(docent, "Lesbrief warmtepomp", EntryKind.LESSON_MATERIAL, date(2026, 11, 20), "6",
               "<p>Lesbrief voor BWI/PIE over de werking van een lucht-waterwarmtepomp.</p>",
               ["duurzaam", "BWI"], goals=goals[:1], requirements=[CompetenceRequirement.SUBJECT],
               document=("lesbrief-warmtepomp.pdf", _pdf("Lesbrief warmtepomp", ["Werking van een lucht-waterwarmtepomp.", "Opdracht: meet de aanvoertemperatuur."]))),
        _entry(docent, "Feedback lesbezoek teamleider", EntryKind.FEEDBACK, date(2026, 11, 12), "1",
               "<p>Mirjam zag een duidelijke opbouw; tip: laat leerlingen vaker elkaars werk beoordelen.</p>",
               ["lesbezoek"], requirements=[CompetenceRequirement.PEDAGOGICAL]),
        _entry(docent, "Certificaat MIG/MAG lassen", EntryKind.CERTIFICATE, date(2026, 3, 20), "32",
               "<p>Vernieuwd lascertificaat.</p>", ["lassen", "certificaat"]),
    ]
    record_evidence(
        person=docent, source_key="demo.studyday:voorjaar-2026", kind=EntryKind.STUDY_DAY_ATTENDANCE,
        title="Studiedag najaar 2026: techniek in de klas", date=date(2026, 10, 8), hours=6,
        text="<p>Aanwezig bij de studiedag van TechniekHub.</p>",
    )
    showcase, created = Showcase.objects.get_or_create(
        owner=docent, title="Beoordelingsgesprek 2027",
        defaults={"intro": "Een selectie voor mijn beoordelingsgesprek in januari.", "expires_at": _aware(date(2027, 1, 31), 23)},
    )
    if created:
        showcase.entries.set([entries[0], entries[2], entries[4]])

    # The rest of team Techniek: plans in every state, inventory responses in draft and submitted.
    colleagues = list(
        Person.objects.filter(
            pk__in=Membership.objects.active().filter(team=team, role=Role.TEACHER).values("person_id")
        ).exclude(pk=docent.pk).order_by("email")
    )
    states = [PlanStatus.SUBMITTED, PlanStatus.CHANGES_REQUESTED, PlanStatus.DRAFT, PlanStatus.AGREED, PlanStatus.SUBMITTED]
    goal_sets = [
        [("Bijscholing D&P voor volledige bevoegdheid", CompetenceRequirement.SUBJECT, "D&P", "Ik geef D&P zonder volledige bevoegdheid.", "Module afgerond met voldoende.",
          [(ActivityForm.COURSE, "Bijscholingsmodule D&P", "40", "650", False)])],
        [("Klassenmanagement in de werkplaats", CompetenceRequirement.PEDAGOGICAL, "", "Onrust bij praktijklessen.", "",
          [(ActivityForm.COACHING, "Coaching on the job", "10", "300", False)])],
        [("Verdieping M&T: elektrische aandrijving", CompetenceRequirement.SUBJECT, "M&T", "", "",
          [(ActivityForm.INTERNSHIP, "Docentstage bij een garagebedrijf", "24", "0", False)])],
        [("Programmeren van PLC's", CompetenceRequirement.SUBJECT, "PIE", "", "Leerlingen bouwen zelf een besturing.",
          [(ActivityForm.COURSE, "PLC-cursus", "20", "500", True)])],
        [("Formatief evalueren", CompetenceRequirement.DIDACTIC, "", "", "",
          [(ActivityForm.STUDY_DAY, "Studiedag voorjaar", "6", "95", False)])],
    ]
    for n, colleague in enumerate(colleagues):
        codes = list(
            VmboProfile.objects.filter(memberships__person=colleague, memberships__team=team).values_list("code", flat=True)
        ) or ["PIE"]
        _response(
            this_round, colleague, submitted=n % 3 != 2, taught=codes, deepening=codes[:1],
            upskilling=("D&P",) if n == 0 else (), forms=(ActivityForm.COURSE,), scores=(3, 2 + n % 2, 3),
        )
        if n < len(states):
            _plan(colleague, THIS_YEAR, states[n], leader=leader, goals=goal_sets[n])
        if n == 0:
            _plan(colleague, LAST_YEAR, PlanStatus.CLOSED, leader=leader, reflection="Goed jaar; de cursus hielp.",
                  goals=[("Veiligheid in de werkplaats", CompetenceRequirement.PEDAGOGICAL, "", "", "", [])])
        if n < 3:
            record_evidence(
                person=colleague, source_key="demo.studyday:najaar-2026", kind=EntryKind.STUDY_DAY_ATTENDANCE,
                title="Studiedag najaar 2026: techniek in de klas", date=date(2026, 10, 8), hours=6,
            )

    # Some teachers at other schools, so that the hub's figures have more than one school.
    # coach@ becomes a teacher later in the demo (courses): left out so a second load changes nothing.
    others = (
        Membership.objects.active().filter(role=Role.TEACHER).exclude(organisation=team.organisation)
        .exclude(person__email="coach@example.org").select_related("person")
    )
    for n, membership in enumerate(others.order_by("person__email")[:12]):
        codes = list(membership.profiles.values_list("code", flat=True)) or ["PIE"]
        _response(this_round, membership.person, submitted=n % 2 == 0, taught=codes, deepening=codes[:1] if n % 3 else (),
                  forms=(ActivityForm.STUDY_DAY,))
        if n % 4 == 0:
            _plan(membership.person, THIS_YEAR, PlanStatus.AGREED, leader=None, goals=goal_sets[3])
    stdout.write(
        f"dossier: {NeedsInventoryResponse.objects.count()} inventory responses, "
        f"{DevelopmentPlan.objects.count()} plans, {PortfolioEntry.objects.count()} portfolio entries "
        f"(school year {school_year_of()})"
    )
