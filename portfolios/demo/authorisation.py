"""Demo data: qualification records spread so that every status appears, leaving dates, growth.

docent@example.org (PIE and BWI at Zuiderpark) is authorised for BWI and, for PIE, holds the
metal part while two colleagues hold installation and electrical: authorised as part of the
team. Some Zuiderpark records are left unverified for hr@example.org. Idempotent.
"""

from datetime import date

from community.demo.people import FIRST_NAMES, LAST_NAMES
from community.models import Membership, Organisation, Person, Role, VmboProfile

from ..models import GrowthNeed, Qualification, QualificationRecord, StaffRecord, VerificationState

# Per profile: (a table qualification that fully authorises, one that needs upskilling) or None.
ROUTES = {
    "BWI": ("Bouwtechniek I en II", None),
    "D&P": (None, "Informatica"),
    "PIE": (None, None),
}
PIE_PARTS = ["Metaaltechniek", "Installatietechniek", "Electrotechniek"]  # the last: the old spelling
GROWTH = {"BWI": 2, "PIE": 2, "M&T": 2, "MaT": 2, "MVI": 2}


def _record(person, *, qualification=None, profile=None, obtained_on, verified=True, hr=None):
    lookup = {"qualification": _qualification(qualification)} if qualification else {"direct_profile": profile}
    record, created = QualificationRecord.objects.get_or_create(
        person=person, **lookup,
        defaults={
            "grade": 2, "obtained_on": obtained_on,
            "state": VerificationState.VERIFIED if verified else VerificationState.SUBMITTED,
            "verified_by": hr if verified else None,
        },
    )
    return record


def _qualification(name):
    from ..models import normalise_qualification

    return Qualification.objects.get(key=normalise_qualification(name))


def load(stdout):
    profiles = {p.code: p for p in VmboProfile.objects.all()}
    zuiderpark = Organisation.objects.filter(name="Zuiderpark College").first()
    if zuiderpark is None:
        stdout.write("portfolios/authorisation: community demo missing, skipped")
        return
    hr = Person.objects.filter(email="hr@example.org").first()

    docent = Person.objects.get(email="docent@example.org")
    _record(docent, qualification="Bouwkunde I en II", obtained_on=date(2006, 6, 30), hr=hr)
    _record(docent, qualification="Metaaltechniek", obtained_on=date(2011, 7, 1), hr=hr)
    _record(docent, qualification="Elektrotechniek", obtained_on=date(2024, 6, 28), verified=False)

    teachers = []
    for i in range(30):
        email = f"{FIRST_NAMES[i].lower()}.{LAST_NAMES[i].lower().replace(' ', '')}@example.org"
        person = Person.objects.filter(email=email).first()
        membership = Membership.objects.filter(person__email=email, role=Role.TEACHER).select_related("organisation").first()
        if person and membership:
            teachers.append((i, person, membership))

    # Two Zuiderpark colleagues complete the PIE team: installation and electrical.
    colleagues = [(p, m) for _i, p, m in teachers if m.organisation_id == zuiderpark.pk][:2]
    for (person, membership), part in zip(colleagues, PIE_PARTS[1:], strict=False):
        membership.profiles.add(profiles["PIE"])
        _record(person, qualification=part, obtained_on=date(2009, 6, 30), hr=hr)

    colleague_ids = {p.pk for p, _m in colleagues}
    for i, person, membership in teachers:
        if person.pk in colleague_ids:
            continue
        at_zuiderpark = membership.organisation_id == zuiderpark.pk
        for n, profile in enumerate(membership.profiles.all()):
            scenario = (i + n) % 5
            obtained = date(2004 + (i % 15), 6, 30)
            verified = not (at_zuiderpark and scenario in (0, 2)) and i % 7 != 3
            authorising, upskilling = ROUTES.get(profile.code, (None, None))
            if scenario == 0:
                _record(person, profile=profile, obtained_on=obtained, verified=verified, hr=hr)
            elif scenario == 1 and authorising:
                _record(person, qualification=authorising, obtained_on=obtained, verified=verified, hr=hr)
            elif scenario in (1, 2) and upskilling:
                _record(person, qualification=upskilling, obtained_on=obtained, verified=verified, hr=hr)
            elif scenario in (2, 3) and profile.code == "PIE":
                _record(person, qualification=PIE_PARTS[i % 3], obtained_on=obtained, verified=verified, hr=hr)
            # Otherwise no qualification on record: "no route" for this profile.
        if i % 6 == 1:
            StaffRecord.objects.get_or_create(
                person=person, school=membership.organisation, defaults={"leaving_on": date(2027 + i % 2, 7, 31)}
            )
    if colleagues:
        StaffRecord.objects.get_or_create(person=colleagues[0][0], school=zuiderpark, defaults={"leaving_on": date(2027, 7, 31)})

    for code, teachers_needed in GROWTH.items():
        GrowthNeed.objects.get_or_create(
            profile=profiles[code], school=None, needed_by=date(2028, 8, 1),
            defaults={"teachers": teachers_needed, "note": "Groei leerlingaantallen (plan A.5)"},
        )
    GrowthNeed.objects.get_or_create(
        profile=profiles["PIE"], school=zuiderpark, needed_by=date(2027, 8, 1),
        defaults={"teachers": 1, "note": "Extra PIE-klas vanaf 2027"},
    )
    _imported_staff(hr)
    stdout.write(f"portfolios/authorisation: {QualificationRecord.objects.count()} qualification records")


IMPORTED = (
    "e-mailadres;voornaam;tussenvoegsel;achternaam;brin;schoolnaam;profielen;kwalificatie;graad;behaald_op\r\n"
    "d.vanleeuwen@example.org;Daan;van;Leeuwen;{brin};Zuiderpark College;BWI;Bouwkunde I en II;2;30-6-2015\r\n"
    "e.celik@example.org;Emre;;Çelik;{brin};Zuiderpark College;\"PIE;BWI\";Metaaltechniek;2;1-7-2018\r\n"
)


def _imported_staff(hr):
    """Two people as a Dutch-Excel staff file brings them in: they never activated their account,
    so hr@ sees them under "Accounts nog niet geactiveerd". Importing again changes nothing."""
    from ..services.staff_import import import_staff

    school = Organisation.objects.filter(name="Zuiderpark College").first()
    if not school or not school.brin:
        return
    import_staff(("\ufeff" + IMPORTED.format(brin=school.brin)).encode(), filename="personeel.csv", by=hr)
