"""Demo data: the study-day index, a past spring day with attendance and feedback, and an
upcoming day with workshops, a full workshop with its waitlist, and demo registrations."""

from datetime import date, time
from decimal import Decimal

from community.demo.media import demo_document, demo_image
from community.models import HomePage, Person, Role, VmboProfile
from community.wagtail_groups import STUDY_DAYS_COLLECTION

from ..models import (
    MaterialAudience,
    RegistrationStatus,
    Speaker,
    StudyDayFeedback,
    StudyDayIndexPage,
    StudyDayMaterial,
    StudyDayPage,
    StudyDayRegistration,
    Workshop,
    WorkshopChoice,
)
from ..services import studydays as services

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

SPEAKERS = [
    ("Fatima Yilmaz", "Lector beroepsonderwijs, Hogeschool Rotterdam", "Onderzoekt hoe vmbo-leerlingen leren in de praktijk."),
    ("Jeroen van Dijk", "Opleidingsadviseur, Stedin", "Bouwt leerlijnen voor netbeheer met scholen in de regio."),
    ("Priya Hendriks", "Docent MVI, RVC de Hef", "Werkt met robotica en 3D-printen in de onderbouw."),
    ("Marco Prins", "Praktijkbegeleider, Metalent", "Lasinstructeur en begeleider van docentstages."),
]


def _index():
    index = StudyDayIndexPage.objects.first()
    if index is None:
        home = HomePage.objects.first()
        index = StudyDayIndexPage(
            title="Studiedagen", slug="studiedagen",
            intro="<p>Twee keer per jaar komen techniekdocenten uit Rotterdam Zuid samen rond vernieuwing in het onderwijs.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


PDF_LINES = {
    "Programmaboekje voorjaar 2027": [
        "Studiedag voorjaar 2027: technologie en vakmanschap",
        "Donderdag 18 maart 2027, Techniek College Rotterdam, Schiehavenkade 250",
        "",
        "09:00  Ontvangst (Foyer)",
        "09:30  Opening: vakmanschap in 2030 - Jeroen van Dijk (Aula)",
        "11:00  Workshopronde 1: Robotica in de onderbouw; Warmtepompen installeren",
        "12:30  Lunch (Restaurant)",
        "13:30  Workshopronde 2: 3D-printen voor BWI; Gastlessen met bedrijven organiseren",
        "15:15  Markt en afsluiting (Foyer)",
        "",
        "Aanmelden en workshops kiezen: via TechniekHub, onder Studiedagen.",
    ],
}


def _document(title, filename):
    lines = PDF_LINES.get(title, [title, "", "Materiaal van de studiedag, samengesteld door TechniekHub."])
    return demo_document(title, filename, collection=STUDY_DAYS_COLLECTION, lines=lines)


def _day(index, *, slug, title, day, opens, closes, capacity, intro, tags, profiles, programme, workshops, materials):
    page = StudyDayPage.objects.filter(slug=slug).first()
    if page is not None:
        return page
    speakers = {s.name: s for s in Speaker.objects.all()}
    page = StudyDayPage(
        title=title, slug=slug, date=day, start_time=time(9, 0), end_time=time(16, 0),
        location="Techniek College Rotterdam", address="Schiehavenkade 250, Rotterdam",
        introduction=intro, capacity=capacity, registration_opens=opens, registration_closes=closes,
        credited_hours=Decimal("6"), for_teachers=True, for_trainees=True, for_guest_teachers=True,
        programme=programme(speakers),
    )
    for n, (wtitle, start, end, room, speaker, capacity_w, description) in enumerate(workshops):
        page.workshops.add(Workshop(
            title=wtitle, start_time=start, end_time=end, room=room, speaker=speakers.get(speaker),
            capacity=capacity_w, description=description, sort_order=n,
        ))
    for n, (mtitle, filename, audience) in enumerate(materials):
        page.materials.add(StudyDayMaterial(document=_document(mtitle, filename), title=mtitle, audience=audience, sort_order=n))
    index.add_child(instance=page)
    page.profiles.set(VmboProfile.objects.filter(code__in=profiles))
    page.tags.add(*tags)
    page.save_revision().publish()
    return StudyDayPage.objects.get(pk=page.pk)


def _ensure_tags(page, names):
    """Add tags to an existing demo day (older demo databases lack them) through a revision."""
    have = {n.lower() for n in page.tags.names()}
    missing = [n for n in names if n.lower() not in have]
    if missing:
        page.tags.add(*missing)
        page.save_revision().publish()


def _session(start, end, title, room="Aula", speaker=None, text=""):
    return ("session", {"start": start, "end": end, "title": title, "room": room, "speaker": speaker, "description": f"<p>{text}</p>" if text else ""})


def load(stdout):
    for n, (name, affiliation, bio) in enumerate(SPEAKERS):
        speaker, _created = Speaker.objects.get_or_create(name=name, defaults={"affiliation": affiliation, "bio": bio})
        if speaker.photo_id is None:
            speaker.photo = demo_image(f"Spreker: {name}", collection=STUDY_DAYS_COLLECTION, seed=n, portrait=True)
            speaker.save(update_fields=["photo"])
    index = _index()

    past = _day(
        index, slug="studiedag-voorjaar-2026", title="Studiedag voorjaar 2026: leren in de praktijk",
        day=date(2026, 4, 9), opens=date(2026, 2, 1), closes=date(2026, 4, 2), capacity=60,
        intro="<p>Hoe halen we de praktijk van bedrijven de klas in? Met workshops van docenten en bedrijven uit de regio.</p>",
        tags=["praktijkleren", "samenwerking bedrijven"], profiles=["PIE", "BWI", "M&T"],
        programme=lambda s: [
            _session(time(9, 0), time(9, 30), "Ontvangst en koffie", "Foyer"),
            _session(time(9, 30), time(10, 30), "Keynote: leren in de praktijk", "Aula", s.get("Fatima Yilmaz"), "Wat werkt bij praktijkleren in het vmbo?"),
            ("workshop_round", {"start": time(11, 0), "end": time(12, 30), "title": "Workshopronde 1"}),
            _session(time(12, 30), time(13, 30), "Lunch", "Restaurant"),
            ("workshop_round", {"start": time(13, 30), "end": time(15, 0), "title": "Workshopronde 2"}),
            _session(time(15, 15), time(16, 0), "Afsluiting en borrel", "Foyer"),
        ],
        workshops=[
            ("Slimme netten in de PIE-les", time(11, 0), time(12, 30), "Lokaal 1.12", "Jeroen van Dijk", 25, "Praktijkcasussen van Stedin voor de klas."),
            ("Lassen: van demonstratie naar oefening", time(11, 0), time(12, 30), "Werkplaats", "Marco Prins", 15, "Veilig en gestructureerd lassen aanleren."),
            ("Formatief evalueren in de werkplaats", time(13, 30), time(15, 0), "Lokaal 1.14", "Fatima Yilmaz", 30, "Feedback tijdens het praktijkwerk."),
        ],
        materials=[
            ("Presentatie keynote leren in de praktijk", "keynote-voorjaar-2026.pdf", MaterialAudience.PUBLIC),
            ("Lesbrief slimme netten (deelnemers)", "lesbrief-slimme-netten.pdf", MaterialAudience.PARTICIPANTS),
        ],
    )
    upcoming = _day(
        index, slug="studiedag-voorjaar-2027", title="Studiedag voorjaar 2027: technologie en vakmanschap",
        day=date(2027, 3, 18), opens=date(2026, 11, 1), closes=date(2027, 3, 11), capacity=80,
        intro="<p>Robotica, 3D-printen en duurzame installaties: wat betekenen ze voor het vakmanschap dat we leerlingen leren?</p>",
        tags=["innovatie", "robotica", "duurzaamheid"], profiles=["PIE", "MVI", "BWI", "MaT"],
        programme=lambda s: [
            _session(time(9, 0), time(9, 30), "Ontvangst", "Foyer"),
            _session(time(9, 30), time(10, 30), "Opening: vakmanschap in 2030", "Aula", s.get("Jeroen van Dijk")),
            ("workshop_round", {"start": time(11, 0), "end": time(12, 30), "title": "Workshopronde 1"}),
            _session(time(12, 30), time(13, 30), "Lunch", "Restaurant"),
            ("workshop_round", {"start": time(13, 30), "end": time(15, 0), "title": "Workshopronde 2"}),
            _session(time(15, 15), time(16, 0), "Markt en afsluiting", "Foyer"),
        ],
        workshops=[
            ("Robotica in de onderbouw", time(11, 0), time(12, 30), "Lokaal 2.01", "Priya Hendriks", 3, "Kleine groep, met eigen robotset: snel vol."),
            ("Warmtepompen installeren", time(11, 0), time(12, 30), "Installatiehal", "Jeroen van Dijk", 20, "Van theorie naar installatie."),
            ("3D-printen voor BWI", time(13, 30), time(15, 0), "Lokaal 2.03", "Priya Hendriks", 16, "Ontwerpen en printen van bouwdetails."),
            ("Gastlessen met bedrijven organiseren", time(13, 30), time(15, 0), "Lokaal 2.04", "Marco Prins", 25, "Afspraken, voorbereiding en nazorg."),
        ],
        materials=[
            ("Programmaboekje voorjaar 2027", "programma-voorjaar-2027.pdf", MaterialAudience.PUBLIC),
            ("Werkblad robotica (deelnemers)", "werkblad-robotica.pdf", MaterialAudience.PARTICIPANTS),
        ],
    )

    # Tags the community's demo posts carry, so each day's page lists posts "from the community".
    _ensure_tags(past, ["studiedag", "formatief evalueren"])
    _ensure_tags(upcoming, ["studiedag"])

    docent = Person.objects.get(email="docent@example.org")
    hub = Person.objects.filter(email="hub@example.org").first()
    teachers = list(
        Person.objects.filter(memberships__role=Role.TEACHER).exclude(email="docent@example.org")
        .distinct().order_by("email")[:14]
    )

    # Past day: registrations, attendance (evidence via the service) and feedback.
    if not past.registrations.exists():
        workshops = list(past.workshops.order_by("sort_order"))
        for n, person in enumerate([docent, *teachers[:11]]):
            registration = StudyDayRegistration.objects.create(
                study_day=past, person=person, status=RegistrationStatus.CONFIRMED, confirmed_at=None,
            )
            WorkshopChoice.objects.create(registration=registration, workshop=workshops[n % 2])
            WorkshopChoice.objects.create(registration=registration, workshop=workshops[2])
        regs = list(past.registrations.order_by("pk"))
        services.attendance_set(study_day=past, registration_ids=[r.pk for r in regs[:10]], attended=True, by=hub)
        services.attendance_set(study_day=past, registration_ids=[r.pk for r in regs[10:]], attended=False, by=hub)
        comments = ["Heel bruikbaar, direct toepasbaar in mijn lessen.", "Meer tijd voor de workshops graag.", "", "Goede sprekers."]
        for n, registration in enumerate(regs[:8]):
            StudyDayFeedback.objects.get_or_create(
                registration=registration, defaults={"rating": [5, 4, 4, 3, 5, 4, 2, 5][n], "comments": comments[n % 4]}
            )

    # Upcoming day: registrations through the service; the robotics workshop fills up.
    if not upcoming.registrations.exists():
        w = {x.title: x.pk for x in upcoming.workshops.all()}
        robot, heat, printing, guest = (w["Robotica in de onderbouw"], w["Warmtepompen installeren"],
                                        w["3D-printen voor BWI"], w["Gastlessen met bedrijven organiseren"])
        plan = [(docent, [heat, printing])]
        for n, person in enumerate(teachers):
            plan.append((person, [robot if n < 6 else heat, guest if n % 2 else printing]))
        hybride = Person.objects.filter(email="hybride@example.org").first()
        if hybride:
            plan.append((hybride, [robot, guest]))
        for person, workshop_ids in plan:
            services.registration_create(study_day=upcoming, person=person, workshop_ids=workshop_ids)
        # A registration cancelled again: "Mijn studiedagen" offers its .ics (METHOD:CANCEL).
        moderator = Person.objects.filter(email="moderator@example.org").first()
        if moderator:
            registration = StudyDayRegistration.objects.filter(study_day=upcoming, person=moderator).first()
            if registration is None:
                registration = services.registration_create(study_day=upcoming, person=moderator, workshop_ids=[printing])
            services.registration_cancel(registration=registration, by=moderator)
    stdout.write(
        f"studydays: {StudyDayPage.objects.count()} study days, {StudyDayRegistration.objects.count()} registrations"
    )
