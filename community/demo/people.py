"""Demo data for the community app: the plan's partner organisations, people and articles.

Called by `manage.py load_demo`; idempotent (get_or_create everywhere, fixed names).
"""

import random
from datetime import date, timedelta

from django.utils import timezone

from ..expertise import add_expertise
from ..models import (
    ArticleIndexPage,
    ArticlePage,
    HomePage,
    Invitation,
    Membership,
    Organisation,
    Person,
    Role,
    SchoolType,
    Team,
    VmboProfile,
)
from ..wagtail_groups import ARTICLES_COLLECTION

DEMO_PASSWORD = "demo-techniek"  # noqa: S105 (documented demo password)

DEMO_LOGINS = [
    ("docent@example.org", "teacher, Zuiderpark College"),
    ("hybride@example.org", "trainee (hybrid teacher), Stedin / Zuiderpark College"),
    ("teamleider@example.org", "team leader, Zuiderpark College"),
    ("hr@example.org", "HR, Zuiderpark College"),
    ("bedrijf@example.org", "company mentor, Stedin"),
    ("hub@example.org", "hub staff (Wagtail admin)"),
    # Made by the other demo modules; listed here so `load_demo` prints them.
    ("moderator@example.org", "teacher and community moderator, RVC de Hef"),
    ("coach@example.org", "coach of the hybrid-teacher cohort, RVC de Hef"),
    ("bouw@example.org", "company mentor, Rijnmond Bouw (an internship offer awaiting approval)"),
]

# (name, school type, BRIN, profiles offered) — partner schools from the regional plan.
SCHOOLS = [
    ("Avicenna College", SchoolType.VMBO, "20AA", ["D&P", "MVI"]),
    ("RVC de Hef", SchoolType.VMBO, "20AB", ["PIE", "BWI", "M&T", "MVI"]),
    ("STC vmbo college", SchoolType.VMBO, "20AC", ["MaT", "PIE", "M&T"]),
    ("Wartburg College locatie De Swaef", SchoolType.VMBO, "20AD", ["BWI", "PIE", "D&P"]),
    ("Zuiderpark College", SchoolType.VMBO, "20AE", ["BWI", "PIE", "M&T", "D&P"]),
    ("Schreuder College Slinge", SchoolType.VSO, "20AF", ["D&P", "BWI"]),
    ("Calvijn Zuidermavo", SchoolType.VMBO, "20AG", ["D&P", "MVI"]),
    ("Hoornbeeck College", SchoolType.MBO, "20AH", []),
    ("STC mbo college", SchoolType.MBO, "20AJ", []),
    ("Techniek College Rotterdam", SchoolType.MBO, "20AK", []),
]
COMPANIES = ["NexTechnician", "Rijnmond Bouw", "IW Zuid-Holland", "Metalent", "Stedin"]
HUB = "TechniekHub Rotterdam Zuid"

FIRST_NAMES = [
    "Ahmed", "Anouk", "Bas", "Bram", "Chantal", "Daan", "Emre", "Esra", "Fatima", "Gerrit",
    "Hanneke", "Ilse", "Jeroen", "Joyce", "Kees", "Lotte", "Mehmet", "Mirjam", "Noah", "Priya",
    "Rachid", "Sanne", "Sven", "Tamara", "Thijs", "Vera", "Wouter", "Yusuf", "Zeynep", "Marco",
]
LAST_NAMES = [
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Yilmaz", "El Amrani", "Kaya", "Dekker",
    "van Leeuwen", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "Koster", "Prins", "Huisman", "Kuipers", "Verbeek",
]
EXPERTISE = ["lassen", "PLC-programmeren", "installatietechniek", "elektrotechniek", "houtbewerking", "CNC", "3D-printen",
             "programmeren", "duurzame energie", "robotica", "motorvoertuigentechniek", "maritiem",
             "gastlessen", "differentiëren", "formatief evalueren"]


def person(email, first_name, last_name, **extra):
    obj, created = Person.objects.get_or_create(
        email=email, defaults={"first_name": first_name, "last_name": last_name, **extra}
    )
    if created:
        obj.set_password(DEMO_PASSWORD)
        obj.save(update_fields=["password"])
    return obj


def membership(who, organisation, role, *, team=None, profiles=(), start=date(2018, 8, 1), **extra):
    obj, _ = Membership.objects.get_or_create(
        person=who, organisation=organisation, role=role,
        defaults={"team": team, "start_date": start, **extra},
    )
    if profiles:
        obj.profiles.set(VmboProfile.objects.filter(code__in=profiles))
    return obj


def load(stdout):
    profiles = {p.code: p for p in VmboProfile.objects.all()}
    schools = {}
    for name, school_type, brin, offered in SCHOOLS:
        school, _ = Organisation.objects.get_or_create(
            name=name,
            defaults={"kind": Organisation.Kind.SCHOOL, "school_type": school_type, "brin": brin, "city": "Rotterdam"},
        )
        school.profiles_offered.set([profiles[c] for c in offered])
        schools[name] = school
    companies = {
        name: Organisation.objects.get_or_create(name=name, defaults={"kind": Organisation.Kind.COMPANY, "city": "Rotterdam"})[0]
        for name in COMPANIES
    }
    hub = Organisation.objects.get_or_create(name=HUB, defaults={"kind": Organisation.Kind.HUB, "city": "Rotterdam"})[0]

    zuiderpark = schools["Zuiderpark College"]
    techniek_team = Team.objects.get_or_create(organisation=zuiderpark, name="Techniek")[0]

    # The six demo logins.
    docent = person("docent@example.org", "Sanne", "de Vries", bio="Docent PIE en BWI op het Zuiderpark College.", listed_in_directory=True)
    membership(docent, zuiderpark, Role.TEACHER, team=techniek_team, profiles=["PIE", "BWI"], fte=0.8)
    add_expertise(docent, "installatietechniek", "lassen", "PLC programmeren")

    hybride = person("hybride@example.org", "Rachid", "El Amrani", bio="Monteur bij Stedin, in opleiding tot hybride docent.")
    membership(hybride, companies["Stedin"], Role.TRAINEE, start=date(2025, 9, 1))
    membership(hybride, zuiderpark, Role.TRAINEE, team=techniek_team, profiles=["PIE"], start=date(2025, 9, 1), fte=0.2)

    teamleider = person("teamleider@example.org", "Mirjam", "Bakker")
    membership(teamleider, zuiderpark, Role.TEAM_LEADER, team=techniek_team)

    hr = person("hr@example.org", "Joyce", "Visser")
    membership(hr, zuiderpark, Role.HR)

    bedrijf = person("bedrijf@example.org", "Gerrit", "Mulder", bio="Praktijkbegeleider bij Stedin.")
    membership(bedrijf, companies["Stedin"], Role.COMPANY_MENTOR)

    hub_person = person("hub@example.org", "Vera", "Dijkstra", is_staff=True)
    membership(hub_person, hub, Role.HUB_STAFF)
    from ..wagtail_groups import ensure_hub_editors_group

    hub_person.groups.add(ensure_hub_editors_group())

    # HR and hub staff must use two-step login: both have TOTP with the README's demo secret.
    from ..two_step import activate_totp
    from .mfa import DEMO_TOTP_SECRET

    for who in (hr, hub_person):
        activate_totp(who, DEMO_TOTP_SECRET)

    # About thirty teachers across the vmbo/vso schools, deterministic so reruns match.
    rng = random.Random(2020)  # noqa: S311
    vmbo_schools = [s for s in schools.values() if s.school_type in (SchoolType.VMBO, SchoolType.VSO)]
    for i in range(30):
        school = vmbo_schools[i % len(vmbo_schools)]
        first, last = FIRST_NAMES[i], LAST_NAMES[i]
        email = f"{first.lower()}.{last.lower().replace(' ', '')}@example.org"
        teacher = person(email, first, last, listed_in_directory=i % 3 == 0)
        offered = list(school.profiles_offered.values_list("code", flat=True)) or ["PIE"]
        taught = rng.sample(offered, k=min(len(offered), 1 + i % 2))
        team = techniek_team if school == zuiderpark else None
        end = date(2027, 7, 31) if i % 9 == 4 else None
        membership(teacher, school, Role.TEACHER, team=team, profiles=taught, fte=0.6 + (i % 4) / 10, end_date=end)
        add_expertise(teacher, *rng.sample(EXPERTISE, k=2))

    # HR has an invitation out that nobody has accepted yet (visible in its pending list).
    Invitation.objects.get_or_create(
        email="nieuwe.docent@example.org", organisation=zuiderpark,
        defaults={"first_name": "Lisa", "last_name": "Verhoeven", "role": Role.TEACHER, "invited_by": hr},
    )
    hr.bio = hr.bio or "P&O-adviseur van het Zuiderpark College."
    hr.save(update_fields=["bio"])

    _articles()
    stdout.write(f"community: {Organisation.objects.count()} organisations, {Person.objects.count()} people")


ARTICLES = [
    ("Terugblik op de studiedag van het voorjaar", "Ruim honderd techniekdocenten uit Rotterdam Zuid kwamen samen op de studiedag.", ["studiedag", "innovatie"]),
    ("Bevoegd voor PIE: zo werkt de teambevoegdheid", "Metaal, installatie en elektro: samen dekt het team het profiel.", ["bevoegdheid", "PIE"]),
    ("Van monteur naar hybride docent", "Rachid werkt drie dagen bij Stedin en geeft twee dagen les.", ["hybride docent", "zij-instroom"]),
    ("Docentstage bij Metalent: wat levert het op?", "Een week meedraaien in de werkplaats leverde nieuw lesmateriaal op.", ["docentstage", "PIE"]),
]


ARTICLE_ALT = [
    "Een werkbank met gereedschap in een lokaal, zoals op de studiedag",
    "Een werkplaats met een werkbank en onderdelen voor installatietechniek",
    "Een werkbank bij het raam, de werkplek van een hybride docent",
    "Een werkbank met lasonderdelen in de werkplaats van een bedrijf",
]


def _articles():
    home = HomePage.objects.first()
    index = ArticleIndexPage.objects.first()
    if index is None:
        index = ArticleIndexPage(title="Artikelen", slug="artikelen", intro="<p>Nieuws en ervaringen uit de regio.</p>")
        home.add_child(instance=index)
        index.save_revision().publish()
    from .media import demo_image

    for n, (title, summary, tags) in enumerate(ARTICLES):
        image = demo_image(f"Artikel: {title}", collection=ARTICLES_COLLECTION, seed=n, description=ARTICLE_ALT[n])
        article = ArticlePage.objects.filter(title=title).first()
        if article is not None:
            if article.author_image_id is None:  # demo databases from before the images
                article.author_image = image
                article.save_revision().publish()
            continue
        article = ArticlePage(
            title=title,
            date=timezone.localdate() - timedelta(days=14 * (len(ARTICLES) - n)),
            summary=summary,
            author_name="TechniekHub",
            author_image=image,
            body=[
                ("paragraph", f"<p>{summary}</p>"),
                ("image", {"image": image, "alt_text": ARTICLE_ALT[n], "caption": "Illustratie: TechniekHub"}),
                ("heading", "Wat betekent dit voor jou?"),
                ("paragraph", "<p>Lees verder op het platform en stel je leervraag aan collega's.</p>"),
            ],
        )
        index.add_child(instance=article)
        article.tags.add(*tags)
        article.save_revision().publish()
