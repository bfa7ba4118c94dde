"""Demo data: programmes — the "Opleidingen" pages, the hybrid-teacher course with a running
cohort (varied progress, one falling behind), a completed cohort with a certificate, the
D&P minor, a guest-teacher training, and intake applications in every stage.

Idempotent: pages are found by slug, everything else by natural keys.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from community.demo.people import membership, person
from community.models import HomePage, Organisation, Person, Role, VmboProfile

from ..models import (
    AssessmentCriterion,
    AssessmentKind,
    AssessmentOutcome,
    Assignment,
    Attendance,
    CoachingSession,
    Cohort,
    CohortSession,
    CourseIndexPage,
    CourseKind,
    CoursePage,
    Enrolment,
    IntakeApplication,
    IntakeStatus,
    IntakeStep,
    ModulePage,
    ModuleProgress,
    Submission,
)
from ..services import programmes as services

HYBRID_MODULES = [
    ("Pedagogiek: de vmbo-leerling", "Wie zit er in je klas? Ontwikkeling, motivatie en een veilig klimaat.", 60,
     [("Observatie van een klas", "Observeer een les van een collega en beschrijf drie momenten waarop leerlingen afhaken.", 30, 4)]),
    ("Didactiek: lessen ontwerpen", "Van leerdoel tot lesplan: activerende werkvormen in de praktijkles.", 80,
     [("Lesontwerp", "Ontwerp een praktijkles van 90 minuten voor PIE of BWI, met leerdoelen en afsluiting.", 120, 8)]),
    ("Klassenmanagement in de werkplaats", "Veiligheid, regels en routines in praktijklokaal en werkplaats.", 50,
     [("Werkplaatsregels", "Stel met je klas werkplaatsregels op en reflecteer op de invoering.", 240, 4)]),
    ("Toetsen en beoordelen", "Formatief evalueren, praktijkopdrachten beoordelen, de examenprogramma's.", 60,
     [("Beoordelingsmodel", "Maak een beoordelingsmodel voor een praktijkopdracht.", 400, 6)]),
    ("Vakdidactiek techniek en de beroepspraktijk", "Je vak vertalen naar lessen; voor wie uit een administratieve functie komt met extra vakinhoud.", 80,
     [("Lessenserie met bedrijfsopdracht", "Ontwikkel een lessenserie van vier lessen rond een opdracht uit je bedrijf.", 520, 12)]),
]

CRITERIA = [
    ("Pedagogisch handelen", "Zorgt voor een veilig en taakgericht klimaat; kent de leerlingen.", ""),
    ("Didactisch handelen", "Zet activerende werkvormen in, sluit aan bij leerdoelen en niveau.", ""),
    ("Vakinhoud en beroepspraktijk", "Verbindt de les met actuele beroepspraktijk.", ""),
    ("Klassenmanagement", "Organiseert de werkplaats veilig en efficiënt.", AssessmentKind.LESSON_OBSERVATION),
    ("Reflectie en ontwikkeling", "Reflecteert op eigen handelen en stuurt bij.", AssessmentKind.FINAL),
]


def _page(parent, model, slug, **fields):
    existing = model.objects.filter(slug=slug).child_of(parent).first()
    if existing:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _course(index, slug, title, kind, summary, hours, modules, criteria=(), **extra):
    course = CoursePage.objects.filter(slug=slug).first()
    if course is None:
        course = CoursePage(
            slug=slug, title=title, kind=kind, summary=summary, hours=Decimal(hours),
            intro=f"<p>{summary}</p>", **extra,
        )
        course.criteria = [AssessmentCriterion(title=t, description=d, kind=k) for t, d, k in criteria]
        index.add_child(instance=course)
        course.save_revision().publish()
    result = []
    for n, (module_title, module_summary, module_hours, assignments) in enumerate(modules, start=1):
        slug = f"{course.slug}-module-{n}"
        module = ModulePage.objects.filter(slug=slug).child_of(course).first()
        if module is None:
            module = ModulePage(
                slug=slug, title=module_title, summary=module_summary, hours=Decimal(module_hours),
                body=[
                    ("heading", "Waar gaat deze module over?"),
                    ("text", f"<p>{module_summary}</p><p>Je werkt aan de bekwaamheidseisen: vakinhoudelijk, vakdidactisch en pedagogisch.</p>"),
                    ("assignment_description", {"title": assignments[0][0] if assignments else "Reflectie",
                                                "description": "<p>Werk de opdracht uit en bespreek hem met je coach.</p>"}),
                ],
            )
            module.assignments = [
                Assignment(title=t, description=f"<p>{d}</p>", due_after_days=days, hours=Decimal(h))
                for t, d, days, h in assignments
            ]
            course.add_child(instance=module)
            module.save_revision().publish()
        result.append(module)
    return course, result


def _aware(day, hour=15):
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _sessions(cohort, topics, start, every_days):
    sessions = []
    for n, (topic, place) in enumerate(topics):
        starts = _aware(start + timedelta(days=n * every_days))
        session, _ = CohortSession.objects.get_or_create(
            cohort=cohort, topic=topic, defaults={"starts_at": starts, "ends_at": starts + timedelta(hours=3), "place": place}
        )
        sessions.append(session)
    return sessions


def _done(enrolment, modules):
    for module in modules:
        ModuleProgress.objects.get_or_create(enrolment=enrolment, module=module)


def _submit(enrolment, assignment, text, days_after_start, with_file=False):
    if Submission.objects.filter(enrolment=enrolment, assignment=assignment).exists():
        return Submission.objects.get(enrolment=enrolment, assignment=assignment)
    file = None
    if with_file:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.multi_cell(0, 8, f"{assignment.title}\n\n{text}")
        file = ContentFile(bytes(pdf.output()), name="uitwerking.pdf")
    submission = services.submission_create(enrolment=enrolment, assignment=assignment, text=text, file=file)
    Submission.objects.filter(pk=submission.pk).update(
        submitted_at=_aware(enrolment.cohort.start_date + timedelta(days=days_after_start), 20)
    )
    return submission


def _assessment(enrolment, kind, assessor, day, outcome, scores, feedback, *, released_by=None):
    existing = enrolment.assessments.filter(kind=kind, date=day).first()
    if existing:
        return existing
    assessment = services.assessment_create(enrolment=enrolment, kind=kind, assessor=assessor, date=day)
    for score in assessment.scores.select_related("criterion"):
        score.score = scores
        score.feedback = f"{score.criterion.title}: zichtbaar in de les." if scores else ""
        score.save()
    assessment.outcome = outcome
    assessment.feedback = feedback
    assessment.save()
    if released_by:
        services.assessment_release(assessment=assessment, by=released_by)
    return assessment


def _coaching(enrolment, coach, day, lesson, focus, agreements, response=""):
    session, created = CoachingSession.objects.get_or_create(
        enrolment=enrolment, coach=coach, date=day,
        defaults={"lesson_observed": lesson, "focus": focus, "agreements": agreements, "hours": Decimal("1.5")},
    )
    if created and response:
        services.coaching_respond(session=session, response=response)
    return session


def _attend(sessions, enrolment, pattern):
    """pattern: a string of P (present), E (excused), A (absent) per past session."""
    codes = {"P": "present", "E": "excused", "A": "absent"}
    for session, code in zip(sessions, pattern, strict=False):
        Attendance.objects.get_or_create(session=session, enrolment=enrolment, defaults={"status": codes[code]})


def load(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    orgs = {o.name: o for o in Organisation.objects.all()}
    stedin, metalent, rijnmond = orgs["Stedin"], orgs["Metalent"], orgs["Rijnmond Bouw"]
    zuiderpark, hef = orgs["Zuiderpark College"], orgs["RVC de Hef"]

    hub = Person.objects.get(email="hub@example.org")
    hybride = Person.objects.get(email="hybride@example.org")
    bedrijf = Person.objects.get(email="bedrijf@example.org")
    docent = Person.objects.get(email="docent@example.org")

    coach = person("coach@example.org", "Marloes", "de Jong", bio="Docent PIE op RVC de Hef en coach van hybride docenten.")
    membership(coach, hef, Role.TEACHER, profiles=["PIE"], fte=0.8)
    mentor_metalent = person("mentor.metalent@example.org", "Henk", "Verschoor", bio="Praktijkbegeleider bij Metalent.")
    membership(mentor_metalent, metalent, Role.COMPANY_MENTOR)

    def trainee(email, first, last, company, school, start=date(2025, 9, 1)):
        p = person(email, first, last)
        membership(p, company, Role.TRAINEE, start=start)
        membership(p, school, Role.TRAINEE, profiles=["PIE"], start=start, fte=0.2)
        return p

    joost = trainee("joost.verhoeven@example.org", "Joost", "Verhoeven", metalent, hef)
    fleur = trainee("fleur.aydin@example.org", "Fleur", "Aydın", rijnmond, zuiderpark)
    dirk = trainee("dirk.smeets@example.org", "Dirk", "Smeets", stedin, zuiderpark, start=date(2024, 9, 1))
    gast = person("gastdocent@example.org", "Samira", "Bouzid", bio="Elektrotechnicus bij Metalent, geeft gastlessen.")
    membership(gast, metalent, Role.GUEST_TEACHER)

    index = _page(home, CourseIndexPage, "opleidingen", title="Opleidingen",
                  intro="<p>Opleidingen en trainingen van TechniekHub: hybride docent, bijscholing naar bevoegdheid en trainingen voor gastdocenten.</p>")

    hybrid, modules = _course(
        index, "hybride-docent-techniek", "Hybride docent techniek", CourseKind.HYBRID_TEACHER,
        "Een compacte, moderne lerarenopleiding voor vakmensen uit het bedrijfsleven: je werkt bij je bedrijf en geeft les in het vmbo.",
        400, HYBRID_MODULES, CRITERIA, accepts_applications=True,
        audience="Medewerkers uit de techniekbranche met een technische of administratieve achtergrond.",
    )
    assignments = {a.title: a for a in Assignment.objects.filter(module__in=modules)}

    # The completed cohort: one trainee with a certificate.
    old = Cohort.objects.get_or_create(course=hybrid, name="Cohort 2024-2025", defaults={
        "start_date": date(2024, 9, 1), "end_date": date(2025, 7, 1), "coordinator": hub})[0]
    old.assessors.add(bedrijf)
    old.coaches.add(coach)
    dirk_e = services.enrolment_create(cohort=old, person=dirk, coach=coach)
    if dirk_e.status != "completed":
        Enrolment.objects.filter(pk=dirk_e.pk).update(enrolled_on=date(2024, 9, 1))
        _done(dirk_e, modules)
        for n, a in enumerate(assignments.values()):
            _submit(dirk_e, a, "Uitwerking van de opdracht, besproken met mijn coach.", 20 + n * 50)
        _assessment(dirk_e, AssessmentKind.LESSON_OBSERVATION, bedrijf, date(2025, 3, 12), AssessmentOutcome.PASSED, 3,
                    "Goede les met duidelijke opbouw.", released_by=hub)
        final = _assessment(dirk_e, AssessmentKind.FINAL, bedrijf, date(2025, 6, 20), AssessmentOutcome.PASSED, 3,
                            "Dirk laat op alle criteria het vereiste niveau zien.")
        # Released on the day itself, so the completion carries the historical date.
        type(final).objects.filter(pk=final.pk).update(released_at=_aware(date(2025, 6, 27), 12), released_by=hub)
        dirk_e.refresh_from_db()
        services.enrolment_check_completion(enrolment=dirk_e, on=date(2025, 6, 27))

    # The running cohort.
    cohort = Cohort.objects.get_or_create(course=hybrid, name="Cohort 2025-2026", defaults={
        "start_date": date(2025, 9, 1), "end_date": date(2027, 7, 1), "coordinator": hub})[0]
    cohort.assessors.add(bedrijf, mentor_metalent)
    cohort.coaches.add(coach)
    topics = [
        ("Startbijeenkomst en kennismaking", "TechniekHub, Rotterdam Zuid"),
        ("De vmbo-leerling", "Zuiderpark College"),
        ("Lessen ontwerpen", "RVC de Hef"),
        ("Werkplaatsdidactiek", "STC vmbo college"),
        ("Intervisie", "TechniekHub, Rotterdam Zuid"),
        ("Formatief evalueren", "Zuiderpark College"),
        ("Examenprogramma's PIE en BWI", "RVC de Hef"),
        ("Intervisie", "Stedin, Rotterdam"),
        ("Vakdidactiek en bedrijfsopdrachten", "Metalent, Rotterdam"),
        ("Eindpresentaties", "TechniekHub, Rotterdam Zuid"),
    ]
    topics = [(f"{n + 1}. {t}", p) for n, (t, p) in enumerate(topics)]
    sessions = _sessions(cohort, topics, date(2025, 9, 4), 56)
    past = [s for s in sessions if s.starts_at < timezone.now()]

    rachid = services.enrolment_create(cohort=cohort, person=hybride, coach=coach)
    joost_e = services.enrolment_create(cohort=cohort, person=joost, coach=coach)
    fleur_e = services.enrolment_create(cohort=cohort, person=fleur, coach=coach)

    _done(rachid, modules[:3])
    _done(fleur_e, modules[:4])
    _done(joost_e, modules[:1])
    a = list(assignments.values())
    _submit(rachid, a[0], "Drie momenten: bij de uitleg aan het begin, bij het wachten op materiaal en bij het opruimen.", 25, with_file=True)
    _submit(rachid, a[1], "Lesontwerp voor een praktijkles elektrotechniek in PIE, leerjaar 3.", 110)
    _submit(rachid, a[2], "Werkplaatsregels opgesteld met klas 3B; na vier weken geëvalueerd.", 230)
    for n, assignment in enumerate(a[:4]):
        _submit(fleur_e, assignment, "Mijn uitwerking; feedback van mijn coach verwerkt.", 20 + n * 100)
    sub = Submission.objects.get(enrolment=rachid, assignment=a[0])
    if not sub.feedback:
        services.submission_feedback(submission=sub, feedback="Scherp geobserveerd. Probeer bij je volgende les het wachten op materiaal te voorkomen met een klaargezette bak per tweetal.", by=coach)

    _attend(past, rachid, "PPPEPPPPP")
    _attend(past, fleur_e, "PPPPPPEPP")
    _attend(past, joost_e, "PPAPAAPAP")

    _assessment(rachid, AssessmentKind.INTAKE, bedrijf, date(2025, 9, 15), AssessmentOutcome.PASSED, 3,
                "Goede start: vakkennis ruim voldoende, didactiek in ontwikkeling.", released_by=hub)
    _assessment(rachid, AssessmentKind.LESSON_OBSERVATION, bedrijf, date(2026, 3, 10), AssessmentOutcome.PASSED, 3,
                "Heldere instructie en een veilige werkplaats. Let op de afsluiting van de les.", released_by=hub)
    _assessment(rachid, AssessmentKind.LESSON_OBSERVATION, bedrijf, date(2026, 11, 18), AssessmentOutcome.PENDING, None, "")
    _assessment(joost_e, AssessmentKind.LESSON_OBSERVATION, mentor_metalent, date(2026, 4, 2), AssessmentOutcome.NOT_YET, 2,
                "Instructie te lang; leerlingen komen niet aan het werk.", released_by=hub)

    _coaching(rachid, coach, date(2025, 10, 8), "PIE leerjaar 3, solderen", "Instructie aan het begin van de les",
              "Instructie korter dan 10 minuten; voordoen in plaats van vertellen.",
              response="Volgende week probeer ik de instructie met een demonstratie aan de werkbank.")
    _coaching(rachid, coach, date(2026, 2, 4), "PIE leerjaar 3, schakelingen", "Differentiëren tussen snelle en langzame leerlingen",
              "Extra uitdaging klaarleggen voor snelle leerlingen.")
    _coaching(joost_e, coach, date(2026, 4, 15), "BWI leerjaar 2", "Orde en rust bij de start van de les",
              "Vaste startroutine; leerlingen wachten bij de deur.")

    # The D&P minor (upskilling toward authorisation) and a guest-teacher training.
    minor, minor_modules = _course(
        index, "minor-dienstverlening-en-producten", "Minor Dienstverlening en Producten", CourseKind.UPSKILLING,
        "Bijscholing naar volledige bevoegdheid voor het profiel D&P, voor docenten met een deelbevoegdheid.", 240,
        [("Het profiel D&P", "Examenprogramma en keuzevakken.", 60, [("Analyse examenprogramma", "Analyseer het examenprogramma D&P voor je school.", 60, 6)]),
         ("Vakinhoud D&P", "Ondernemen, organiseren en presenteren.", 100, [("Praktijkopdracht", "Voer een D&P-praktijkopdracht uit met je klas.", 200, 10)]),
         ("Vakdidactiek D&P", "Projectonderwijs en beoordelen.", 80, [])],
        CRITERIA[:3],
    )
    minor_cohort = Cohort.objects.get_or_create(course=minor, name="Minor D&P 2026-2027", defaults={
        "start_date": date(2026, 9, 1), "end_date": date(2027, 6, 30), "coordinator": hub})[0]
    minor_cohort.coaches.add(coach)
    docent_e = services.enrolment_create(cohort=minor_cohort, person=docent)
    _done(docent_e, minor_modules[:1])
    _sessions(minor_cohort, [("Start minor D&P", "Avicenna College"), ("Projectonderwijs", "Avicenna College"),
                             ("Presentaties", "TechniekHub, Rotterdam Zuid")], date(2026, 9, 10), 70)

    guest, guest_modules = _course(
        index, "training-gastdocenten", "Training gastdocenten: lesgeven in het vmbo", CourseKind.GUEST_TEACHER,
        "Korte pedagogisch-didactische training voor gastdocenten uit het bedrijfsleven, met coaching-on-the-job.", 12,
        [("Een gastles voorbereiden", "Doel, opbouw en werkvormen van een gastles.", 4, [("Gastlesplan", "Schrijf het plan voor je eerste gastles.", 14, 2)]),
         ("De klas in", "Omgaan met vmbo-leerlingen in een gastles.", 4, [])],
    )
    guest_cohort = Cohort.objects.get_or_create(course=guest, name="Gastdocenten najaar 2026", defaults={
        "start_date": date(2026, 10, 1), "end_date": date(2026, 12, 20), "coordinator": hub})[0]
    guest_cohort.coaches.add(coach)
    gast_e = services.enrolment_create(cohort=guest_cohort, person=gast, coach=coach)
    _done(gast_e, guest_modules[:1])
    guest_sessions = _sessions(guest_cohort, [("Trainingsavond 1", "Metalent, Rotterdam"), ("Trainingsavond 2", "Metalent, Rotterdam"),
                                              ("Trainingsavond 3", "RVC de Hef")], date(2026, 10, 8), 35)
    # Present at the first two evenings: the third completes the training (certificate of participation).
    for session in guest_sessions[:2]:
        if session.is_past and not session.attendance.filter(enrolment=gast_e).exists():
            services.attendance_record(session=session, statuses={gast_e.pk: "present"})
    _coaching(gast_e, coach, date(2026, 11, 5), "Gastles elektrotechniek, RVC de Hef, 2 kb", "Leerlingen betrekken",
              "Meer vragen stellen, minder vertellen; een korte opdracht halverwege.",
              response="Dank! De opdracht halverwege werkte goed.")

    _intake(hybrid, cohort, hub, bedrijf, coach, hybride, joost, fleur)
    _guest_applies(hybrid, gast)
    _intern_at_stedin(fleur, bedrijf)

    stdout.write(
        f"courses/programmes: {CoursePage.objects.count()} courses, {Cohort.objects.count()} cohorts, "
        f"{Enrolment.objects.count()} enrolments, {IntakeApplication.objects.count()} intake applications. "
        "Coach login: coach@example.org (password as the other demo logins)."
    )


INTAKE = [
    # (year-month-day, first, last, email, employer, background, status, steps "PAOI" with +/?/-, decision reason)
    ("2024-03-04", "Kevin", "Brouwer", "kevin.brouwer@example.net", "Stedin", "technical", "admitted", "++++", "Sterk vakmanschap; geschikt."),
    ("2024-03-20", "Dirk", "Smeets", "dirk.smeets@example.org", "Stedin", "technical", "admitted", "++++", "Geschikt, start cohort 2024-2025."),
    ("2024-04-11", "Linda", "van Os", "linda.vanos@example.net", "Rijnmond Bouw", "administrative", "admitted", "+?++", "Geschikt; extra vakinhoud nodig."),
    ("2024-05-02", "Peter", "Kok", "peter.kok@example.net", "IW Zuid-Holland", "technical", "not_admitted", "+-", "Beschikbaarheid te beperkt voor lesgeven naast het werk."),
    ("2024-06-14", "Anja", "Ruiter", "anja.ruiter@example.net", "Metalent", "administrative", "not_admitted", "++-", "Lesobservatie: nog onvoldoende affiniteit met de doelgroep."),
    ("2025-02-03", "Rachid", "El Amrani", "hybride@example.org", "Stedin", "technical", "admitted", "++++", "Zeer gemotiveerd; sterke praktijkervaring."),
    ("2025-02-17", "Joost", "Verhoeven", "joost.verhoeven@example.org", "Metalent", "technical", "admitted", "+?+?", "Geschikt, met aandacht voor klassenmanagement."),
    ("2025-03-05", "Fleur", "Aydın", "fleur.aydin@example.org", "Rijnmond Bouw", "administrative", "admitted", "++++", "Geschikt; volgt extra vakinhoud."),
    ("2025-03-26", "Tom", "Hoekstra", "tom.hoekstra@example.net", "NexTechnician", "technical", "admitted", "++++", "Geschikt; start in een volgend cohort."),
    ("2025-04-09", "Iris", "Mol", "iris.mol@example.net", "Stedin", "administrative", "not_admitted", "+--", "Assessment en lesobservatie onvoldoende."),
    ("2025-05-12", "Youssef", "Amrani", "youssef.amrani@example.net", "IW Zuid-Holland", "technical", "withdrawn", "+", ""),
    ("2026-09-08", "Nina", "Vermeulen", "nina.vermeulen@example.net", "Stedin", "technical", "submitted", "", ""),
    ("2026-09-22", "Mark", "de Ridder", "mark.deridder@example.net", "Metalent", "technical", "in_progress", "+", ""),
    ("2026-10-06", "Sophie", "Jacobs", "sophie.jacobs@example.net", "Rijnmond Bouw", "administrative", "in_progress", "++", ""),
    ("2026-10-13", "Bilal", "Ouali", "bilal.ouali@example.net", "NexTechnician", "technical", "in_progress", "+++", ""),
    ("2026-10-20", "Eva", "Pauwels", "eva.pauwels@example.net", "Stedin", "technical", "in_progress", "++++", ""),
    ("2026-10-27", "Ruben", "Gerritsen", "ruben.gerritsen@example.net", "IW Zuid-Holland", "technical", "admitted", "++++", "Geschikt; uitnodigen voor het platform en plaatsen in het volgende cohort."),
    ("2026-11-03", "Karin", "Wolters", "karin.wolters@example.net", "Metalent", "administrative", "not_admitted", "+-", "Assessment: onvoldoende basis; advies om eerst gastlessen te geven."),
    ("2026-11-10", "Lars", "Hendriks", "lars.hendriks@example.net", "Stedin", "technical", "admitted", "++++", "Geschikt."),
    ("2026-11-17", "Mila", "Koster", "mila.koster@example.net", "Rijnmond Bouw", "technical", "admitted", "++++", "Geschikt."),
]


def _guest_applies(course, gast):
    """The guest teacher tries the hybrid route: an application with a CV; the intake sees the
    training and coaching history (hub@ → Intake → Samira Bouzid)."""
    if IntakeApplication.objects.filter(course=course, email=gast.email).exists():
        return
    application = IntakeApplication(
        course=course, person=gast, first_name=gast.first_name, last_name=gast.last_name, email=gast.email,
        employer="Metalent", background="technical", availability="Een dag per week, naast mijn werk",
        motivation="Na de training voor gastdocenten en de coaching in de klas wil ik hybride docent worden.",
    )
    application.cv.save("cv-samira-bouzid.pdf", ContentFile(_cv_pdf()), save=False)
    application.save()


def _cv_pdf():
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Curriculum vitae - Samira Bouzid")
    pdf.ln(14)
    pdf.set_font("Helvetica", "", 11)
    for line in ("Elektrotechnicus, Metalent (2016 - heden)", "MBO 4 Elektrotechniek, Albeda",
                 "Gastdocent elektrotechniek, RVC de Hef (2026)"):
        pdf.cell(0, 8, line)
        pdf.ln(8)
    return bytes(pdf.output())


def _intern_at_stedin(trainee, mentor):
    """Fleur (employed by Rijnmond Bouw) interns at Stedin: Stedin's mentor sees her record."""
    from ..models import InternshipApplication, InternshipOffer, OfferStatus
    from ..services import internships as internship_services

    stedin = Organisation.objects.get(name="Stedin")
    offer, created = InternshipOffer.objects.get_or_create(
        title="Storingsdienst: een week mee", host=stedin,
        defaults={
            "kind": "exploring", "status": OfferStatus.APPROVED, "period_start": date(2026, 11, 2),
            "period_end": date(2027, 1, 29), "hours": 16, "places": 1, "contact_name": str(mentor),
            "contact_email": mentor.email, "created_by": mentor, "reviewed_at": timezone.now(),
            "description": "Een week mee met de storingsdienst: van melding tot oplossing bij de klant.",
        },
    )
    if created:
        offer.profiles.set(VmboProfile.objects.filter(code="PIE"))
        offer.tags.add("energietransitie")
    if InternshipApplication.objects.filter(offer=offer, applicant=trainee).exists():
        return
    application = internship_services.application_submit(
        offer=offer, applicant=trainee, motivation="Ik wil zien hoe monteurs werken, voor mijn lessen PIE.",
        goal_text="Praktijkvoorbeelden verzamelen voor de PIE-lessen.",
    )
    internship_services.application_decide(application=application, by=mentor, accept=True, note="Welkom bij Stedin!")


def _intake(course, cohort, hub, bedrijf, coach, *trainees):
    kinds = ["portfolio", "assessment", "lesson_observation", "interview"]
    outcomes = {"+": "positive", "?": "doubtful", "-": "negative"}
    assessors = {"portfolio": hub, "assessment": bedrijf, "lesson_observation": coach, "interview": hub}
    by_email = {p.email: p for p in trainees}
    for day, first, last, email, employer, background, status, steps, reason in INTAKE:
        submitted = _aware(date.fromisoformat(day), 10)
        application, created = IntakeApplication.objects.get_or_create(
            email=email, course=course,
            defaults={
                "first_name": first, "last_name": last, "employer": employer, "background": background,
                "motivation": "Ik wil mijn vakkennis doorgeven aan de volgende generatie technici.",
                "availability": "Twee dagen per week", "submitted_at": submitted, "status": status,
                "decision_reason": reason,
            },
        )
        if not created:
            continue
        for n, code in enumerate(steps):
            IntakeStep.objects.create(
                application=application, kind=kinds[n], outcome=outcomes[code], assessor=assessors[kinds[n]],
                date=submitted.date() + timedelta(days=10 + 7 * n),
            )
        if status in (IntakeStatus.ADMITTED, IntakeStatus.NOT_ADMITTED):
            application.decided_by = hub
            application.decided_at = submitted + timedelta(days=45)
        person = by_email.get(email)
        if person is not None:
            application.person = person
            application.enrolment = Enrolment.objects.filter(cohort=cohort, person=person).first()
        elif email == "dirk.smeets@example.org":
            application.person = Person.objects.filter(email=email).first()
            application.enrolment = Enrolment.objects.filter(person=application.person).first()
        application.save()
