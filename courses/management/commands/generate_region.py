"""Generate a realistic region on top of the demo data, for measuring at national scale.

    manage.py generate_region --teachers 20000 [--seed 1]

N teachers in about N/40 schools (the demo school gets 400 of them) plus companies; memberships
with profiles taught; qualification records following the conversion table; leaving dates;
plans with goals and activities; about 50 portfolio entries per teacher (the demo teacher 500);
about 5 posts per teacher with answers and tags; study-day registrations; cohorts with trainees.
Everything is written with bulk inserts (so model defaults fill any field not named here);
the stored authorisation statuses and the search index are rebuilt at the end.
Generated people log in with the demo password. Runs once per seed.
"""

import random
import time
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from community.demo import DEMO_PASSWORD
from community.models import Answer, Membership, Organisation, Person, Post, Role, Team, VmboProfile
from community.models.forum import TaggedPost
from courses.models import Cohort, CoursePage, Enrolment, StudyDayPage, StudyDayRegistration
from portfolios.models import (
    ConversionRule,
    DevelopmentPlan,
    LearningGoal,
    PlannedActivity,
    PortfolioEntry,
    QualificationRecord,
    StaffRecord,
    VerificationState,
)
from portfolios.models.dossier import ActivityForm
from portfolios.models.evidence import EntryKind
from portfolios.services.dossier import school_year_of
from portfolios.services.status_store import rebuild_statuses

BATCH = 5000
FIRST = ["Sanne", "Daan", "Fatima", "Mohammed", "Lotte", "Bram", "Eva", "Youssef", "Noor", "Jeroen", "Ayşe", "Kees"]
LAST = ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "El Idrissi",
        "Yılmaz", "van den Berg", "Hendriks", "Dekker", "Kaya"]
TOPICS = ["lassen", "pneumatiek", "PLC programmeren", "elektrotechniek", "installatietechniek", "CNC frezen",
          "veiligheid in de werkplaats", "zonnepanelen", "warmtepompen", "domotica", "metselen", "timmeren"]
TAGS = ["lassen", "plc", "veiligheid", "duurzaam", "didactiek", "examens", "stage", "gereedschap"]


class Command(BaseCommand):
    help = "Generate N teachers (schools, memberships, records, plans, portfolio, posts, ...) with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument("--teachers", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, teachers, seed, **options):
        if teachers < 40:
            raise CommandError("--teachers must be at least 40.")
        if Person.objects.filter(email=f"t{seed}-0@region.example.org").exists():
            raise CommandError(f"A region with seed {seed} exists already: use another --seed or a fresh database.")
        self.rng = random.Random(seed)  # noqa: S311 (test data)
        self.seed = seed
        self.started = time.perf_counter()
        call_command("createcachetable")  # the default (database) cache; idempotent
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 (idempotent; quiet)
        self.step("demo data")
        with transaction.atomic():
            self.organisations(teachers)
            self.people(teachers)
            self.records()
        with transaction.atomic():
            self.plans()
        self.portfolio()
        self.forum()
        with transaction.atomic():
            self.study_days_and_cohorts()
        n = rebuild_statuses()
        self.step(f"{n} stored authorisation statuses")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics: the bulk inserts left none
            self.step("statistics (ANALYZE)")
        self.stdout.write(self.style.SUCCESS(f"Done in {time.perf_counter() - self.started:.0f} s."))

    def step(self, what):
        self.stdout.write(f"{time.perf_counter() - self.started:7.1f} s  {what}")
        self.stdout.flush()

    # Organisations and people -----------------------------------------------------------

    def organisations(self, teachers):
        rng, seed = self.rng, self.seed
        self.profiles = list(VmboProfile.objects.filter(in_inventory=True))
        self.all_profiles = list(VmboProfile.objects.all())
        self.demo_school = Organisation.objects.get(name="Zuiderpark College")
        n_schools = max(1, teachers // 40)
        used = set(Organisation.objects.exclude(brin="").values_list("brin", flat=True))
        brins = (f"{i:02d}{a}{b}" for i in range(100) for a in "ABCDEFGHJKLMNPQRSTUVWXYZ" for b in "ABCDEFGHJKLMNPQRSTUVWXYZ")
        new = []
        for i in range(n_schools):
            brin = next(b for b in brins if b not in used)
            new.append(Organisation(name=f"Regio {seed}: College {i + 1:03d}", kind=Organisation.Kind.SCHOOL,
                                    school_type="vmbo", brin=brin, city=rng.choice(["Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen"])))
        self.schools = Organisation.objects.bulk_create(new, batch_size=BATCH)
        through = Organisation.profiles_offered.through
        through.objects.bulk_create([
            through(organisation_id=s.pk, vmboprofile_id=p.pk)
            for s in self.schools for p in rng.sample(self.profiles, k=min(len(self.profiles), rng.randint(2, 5)))
        ], batch_size=BATCH)
        self.companies = Organisation.objects.bulk_create([
            Organisation(name=f"Regio {seed}: Bedrijf {i + 1:03d}", kind=Organisation.Kind.COMPANY)
            for i in range(max(1, teachers // 200))
        ], batch_size=BATCH)
        self.teams = {t.organisation_id: t for t in Team.objects.bulk_create(
            [Team(organisation=s, name="Techniek") for s in self.schools], batch_size=BATCH)}
        self.teams[self.demo_school.pk] = Team.objects.get_or_create(organisation=self.demo_school, name="Techniek")[0]
        self.step(f"{len(self.schools)} schools, {len(self.companies)} companies")

    def people(self, teachers):
        rng, seed = self.rng, self.seed
        password = make_password(DEMO_PASSWORD)  # hashed once: every generated person can log in
        persons = [
            Person(email=f"t{seed}-{i}@region.example.org",
                   first_name=rng.choice(FIRST), last_name=rng.choice(LAST), password=password)
            for i in range(teachers)
        ]
        self.teachers = Person.objects.bulk_create(persons, batch_size=BATCH)
        # The demo school gets 400 teachers, the rest spread over the generated schools.
        schools_of = []
        for i in range(teachers):
            schools_of.append(self.demo_school if i < min(400, teachers // 4) else self.schools[i % len(self.schools)])
        today = timezone.localdate()
        memberships = []
        for person, school in zip(self.teachers, schools_of, strict=True):
            end = None
            if rng.random() < 0.03:  # left already
                end = today - timedelta(days=rng.randint(30, 900))
            memberships.append(Membership(
                person=person, organisation=school, role=Role.TEACHER, team=self.teams.get(school.pk),
                start_date=date(rng.randint(1995, 2024), 8, 1) if end is None else date(1995, 8, 1), end_date=end,
            ))
            if rng.random() < 0.05:  # works at a second school too
                other = rng.choice(self.schools)
                if other.pk != school.pk:
                    memberships.append(Membership(person=person, organisation=other, role=Role.TEACHER,
                                                  team=self.teams.get(other.pk), start_date=date(2020, 8, 1)))
        # Per school: one HR person and one team leader (the first teachers' colleagues).
        staff_people = Person.objects.bulk_create([
            Person(email=f"s{seed}-{kind}-{s.pk}@region.example.org",
                   first_name=rng.choice(FIRST), last_name=rng.choice(LAST), password=password)
            for s in self.schools for kind in ("hr", "tl")
        ], batch_size=BATCH)
        for k, s in enumerate(self.schools):
            memberships.append(Membership(person=staff_people[2 * k], organisation=s, role=Role.HR, start_date=date(2015, 8, 1)))
            memberships.append(Membership(person=staff_people[2 * k + 1], organisation=s, role=Role.TEAM_LEADER,
                                          team=self.teams[s.pk], start_date=date(2015, 8, 1)))
        self.memberships = Membership.objects.bulk_create(memberships, batch_size=BATCH)
        through = Membership.profiles.through
        links = []
        for m in self.memberships:
            if m.role == Role.TEACHER:
                for p in rng.sample(self.profiles, k=rng.choice([1, 1, 2, 2, 3])):
                    links.append(through(membership_id=m.pk, vmboprofile_id=p.pk))
        through.objects.bulk_create(links, batch_size=BATCH)
        self.taught = {}
        for link in links:
            self.taught.setdefault(link.membership_id, []).append(link.vmboprofile_id)
        self.step(f"{len(self.teachers)} teachers, {len(self.memberships)} memberships, {len(links)} profiles taught")

    def records(self):
        rng = self.rng
        rules_by_profile = {}
        for rule in ConversionRule.objects.filter(active=True):
            rules_by_profile.setdefault(rule.profile_id, []).append(rule)
        by_person = {}
        for m in self.memberships:
            if m.role == Role.TEACHER:
                by_person.setdefault(m.person_id, set()).update(self.taught.get(m.pk, ()))
        records, staff, seen = [], [], set()
        verified = VerificationState.VERIFIED
        for person_id, profile_ids in by_person.items():
            for pid in profile_ids:
                roll = rng.random()
                rules = rules_by_profile.get(pid, [])
                if roll < 0.75 and rules:  # a qualification from the conversion table
                    rule = rng.choice(rules)
                    if (person_id, "q", rule.qualification_id) in seen:
                        continue
                    seen.add((person_id, "q", rule.qualification_id))
                    records.append(QualificationRecord(
                        person_id=person_id, qualification_id=rule.qualification_id, grade=2,
                        obtained_on=date(rng.randint(1990, 2023), 6, 30),
                        state=verified if rng.random() < 0.8 else VerificationState.SUBMITTED))
                elif roll < 0.85 and (person_id, "d", pid) not in seen:  # a direct authorisation
                    seen.add((person_id, "d", pid))
                    records.append(QualificationRecord(
                        person_id=person_id, direct_profile_id=pid, grade=2,
                        obtained_on=date(rng.randint(1990, 2023), 6, 30), state=verified))
        for m in self.memberships:
            if m.role == Role.TEACHER and m.end_date is None and rng.random() < 0.08:
                staff.append(StaffRecord(person_id=m.person_id, school_id=m.organisation_id,
                                         leaving_on=date(rng.randint(2026, 2031), 7, 31)))
        staff = list({(s.person_id, s.school_id): s for s in staff}.values())
        QualificationRecord.objects.bulk_create(records, batch_size=BATCH)
        StaffRecord.objects.bulk_create(staff, batch_size=BATCH)
        self.step(f"{len(records)} qualification records, {len(staff)} leaving dates")

    # Dossier ------------------------------------------------------------------------------

    def plans(self):
        rng = self.rng
        year = school_year_of()
        plans = DevelopmentPlan.objects.bulk_create([
            DevelopmentPlan(person=p, school_year=year, status=rng.choice(["draft", "submitted", "agreed", "agreed"]))
            for p in self.teachers if rng.random() < 0.7
        ], batch_size=BATCH)
        goals = LearningGoal.objects.bulk_create([
            LearningGoal(plan=plan, title=f"Verdiepen in {rng.choice(TOPICS)}", profile=rng.choice(self.profiles))
            for plan in plans for _ in range(rng.randint(1, 3))
        ], batch_size=BATCH)
        forms = [f.value for f in ActivityForm]
        activities = PlannedActivity.objects.bulk_create([
            PlannedActivity(goal=g, form=rng.choice(forms), description=f"Activiteit {k + 1}: {rng.choice(TOPICS)}",
                            completed=rng.random() < 0.4)
            for g in goals for k in range(rng.randint(1, 3))
        ], batch_size=BATCH)
        self.step(f"{len(plans)} plans, {len(goals)} goals, {len(activities)} activities")

    def portfolio(self):
        """About 50 entries per teacher (the demo teacher 500).

        On PostgreSQL one teacher's 70 entries are made with bulk_create (so every column has
        its model default) and copied server-side for the others, 30-70 each, dates shifted.
        """
        from django.db import connection

        rng = self.rng
        kinds = [k.value for k in EntryKind]
        today = timezone.localdate()
        demo_teacher = Person.objects.get(email="docent@example.org")

        def entries(owner, n):
            return [
                PortfolioEntry(owner=owner, kind=rng.choice(kinds), title=f"{rng.choice(TOPICS).capitalize()} ({k + 1})",
                               date=today - timedelta(days=rng.randint(0, 3000)),
                               text="Wat ik deed en wat ik ervan leerde.")
                for k in range(n)
            ]

        with transaction.atomic():
            PortfolioEntry.objects.bulk_create(entries(demo_teacher, 500), batch_size=BATCH)
            template_owner, others = self.teachers[0], self.teachers[1:]
            template = PortfolioEntry.objects.bulk_create(entries(template_owner, 70), batch_size=BATCH)
        total = 570
        if connection.vendor != "postgresql":
            for i in range(0, len(others), 1000):
                with transaction.atomic():
                    batch = [e for p in others[i:i + 1000] for e in entries(p, rng.randint(30, 70))]
                    total += len(PortfolioEntry.objects.bulk_create(batch, batch_size=BATCH))
            self.step(f"{total} portfolio entries")
            return
        table = connection.ops.quote_name(PortfolioEntry._meta.db_table)
        columns = [f.column for f in PortfolioEntry._meta.concrete_fields if not f.primary_key]
        owner_col = PortfolioEntry._meta.get_field("owner").column
        selected = ", ".join(
            "o.new_owner" if c == owner_col else
            "t.date - CAST(o.new_owner %% 365 AS integer)" if c == "date" else f"t.{connection.ops.quote_name(c)}"
            for c in columns
        )
        first = min(e.pk for e in template)
        sql = f"""
            INSERT INTO {table} ({", ".join(connection.ops.quote_name(c) for c in columns)})
            SELECT {selected} FROM {table} t CROSS JOIN (SELECT unnest(%s::bigint[]) AS new_owner) o
            WHERE t.{owner_col} = %s AND t.id - %s < 30 + (o.new_owner %% 41)
        """  # noqa: S608 (names from the model, values as parameters)
        for i in range(0, len(others), 2000):
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [[p.pk for p in others[i:i + 2000]], template_owner.pk, first])
                total += cursor.rowcount
        self.step(f"{total} portfolio entries")

    # Community ----------------------------------------------------------------------------

    def forum(self):
        rng = self.rng
        now = timezone.now()
        from taggit.models import Tag

        tags = {t: Tag.objects.get_or_create(name=t, defaults={"slug": t})[0] for t in TAGS}
        posts, post_tags = [], []
        for person in self.teachers:
            for _ in range(rng.randint(3, 7)):
                topic, tag = rng.choice(TOPICS), rng.choice(TAGS)
                post = Post(
                    author=person, kind=rng.choice(["question", "experience"]),
                    title=f"Hoe pak jij {topic} aan in de les?",
                    body=f"<p>Ik zoek ideeën voor {topic} met vmbo-leerlingen. Wie heeft ervaring?</p>",
                )
                post.fill_search_columns([tag])  # bulk_create skips save(): the search columns too
                posts.append(post)
                post_tags.append(tags[tag])
        with transaction.atomic():
            posts = Post.objects.bulk_create(posts, batch_size=BATCH)
        # auto_now_add fields: spread creation over the last years in one UPDATE per batch is
        # too slow; the list orders by last activity, so that is set per post instead.
        answers = []
        for post in posts:
            for _ in range(rng.choice([0, 1, 1, 2])):
                answer = Answer(post=post, author=rng.choice(self.teachers),
                                body=f"Bij ons werkt {rng.choice(TOPICS)} goed in kleine groepjes.")
                answer.fill_search_columns()
                answers.append(answer)
        with transaction.atomic():
            answers = Answer.objects.bulk_create(answers, batch_size=BATCH)
        with transaction.atomic():
            TaggedPost.objects.bulk_create(
                [TaggedPost(content_object=p, tag=tag) for p, tag in zip(posts, post_tags, strict=True)], batch_size=BATCH
            )
        self.step(f"{len(posts)} posts, {len(answers)} answers (at {now:%Y-%m-%d})")
        self.index_for_search(posts, answers)

    def index_for_search(self, posts, answers):
        """The search index for the generated posts and answers.

        On PostgreSQL one INSERT ... SELECT per model builds the same weighted vectors Wagtail's
        indexer would from the model's plain search fields (related fields such as tags are left
        out); elsewhere, and for anything else, Wagtail's own bulk indexer.
        """
        from django.db import connection
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        for model, objs in ((Post, posts), (Answer, answers)):
            if not objs:
                continue
            if connection.vendor == "postgresql" and hasattr(backend, "config"):
                self._index_sql(model, min(o.pk for o in objs), max(o.pk for o in objs), backend)
            else:
                for i in range(0, len(objs), 1000):
                    backend.add_bulk(model, list(model.objects.filter(pk__in=[o.pk for o in objs[i:i + 1000]])))
        self.step("search index of posts and answers")

    def _index_sql(self, model, first_pk, last_pk, backend):
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection
        from modelsearch.backends.database.postgres.weights import get_weight
        from wagtail.search.index import AutocompleteField, SearchField
        from wagtail.search.models import IndexEntry

        def vector(fields, config):
            parts = [
                f"setweight(to_tsvector(%s, coalesce({connection.ops.quote_name(model._meta.get_field(f.field_name).column)}, '')), %s)"
                for f, _w in fields
            ]
            params = [p for _f, weight in fields for p in (config, weight)]
            return (" || ".join(parts) if parts else "to_tsvector('')"), params

        plain = [f for f in model.get_search_fields() if isinstance(f, SearchField | AutocompleteField)]
        plain = [f for f in plain if f.field_name in {x.name for x in model._meta.concrete_fields}]
        title = [(f, get_weight(f.boost)) for f in plain if isinstance(f, SearchField) and f.field_name == "title"]
        body = [(f, get_weight(f.boost)) for f in plain if isinstance(f, SearchField) and f.field_name != "title"]
        auto = [(f, "D") for f in plain if isinstance(f, AutocompleteField)]
        title_sql, title_params = vector(title, backend.config)
        auto_sql, auto_params = vector(auto, backend.autocomplete_config)
        body_sql, body_params = vector(body, backend.config)
        col = lambda fields: " || ' ' || ".join(  # noqa: E731
            f"coalesce({connection.ops.quote_name(model._meta.get_field(f.field_name).column)}, '')" for f, _w in fields
        ) or "''"
        sql = f"""
            INSERT INTO {IndexEntry._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %s, CAST(id AS text), {title_sql}, {auto_sql}, {body_sql}, 1.0, {col(title)}, {col(body)}
            FROM {model._meta.db_table} WHERE id BETWEEN %s AND %s
            ON CONFLICT (content_type_id, object_id) DO NOTHING
        """  # noqa: S608
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [ContentType.objects.get_for_model(model).pk, *title_params, *auto_params,
                                 *body_params, first_pk, last_pk])

    # Courses ------------------------------------------------------------------------------

    def study_days_and_cohorts(self):
        rng = self.rng
        registrations = []
        for day in StudyDayPage.objects.all():
            taken = set(StudyDayRegistration.objects.filter(study_day=day).values_list("person_id", flat=True))
            for person in rng.sample(self.teachers, k=min(len(self.teachers), max(20, len(self.teachers) // 100))):
                if person.pk not in taken:
                    registrations.append(StudyDayRegistration(study_day=day, person=person))
        StudyDayRegistration.objects.bulk_create(registrations, batch_size=BATCH)
        course = CoursePage.objects.first()
        coordinator = Person.objects.filter(email="hub@example.org").first()
        cohorts, enrolments = [], 0
        if course and coordinator:
            trainees = Person.objects.bulk_create([
                Person(email=f"h{self.seed}-{i}@region.example.org",
                       first_name=rng.choice(FIRST), last_name=rng.choice(LAST), password=make_password(None))
                for i in range(max(20, len(self.teachers) // 50))
            ], batch_size=BATCH)
            Membership.objects.bulk_create([
                Membership(person=t, organisation=rng.choice(self.schools), role=Role.TRAINEE, start_date=date(2025, 9, 1))
                for t in trainees
            ], batch_size=BATCH)
            cohorts = Cohort.objects.bulk_create([
                Cohort(course=course, name=f"Regio {self.seed} cohort {k + 1}", start_date=date(2025, 9, 1),
                       end_date=date(2027, 7, 1), coordinator=coordinator)
                for k in range(max(1, len(trainees) // 20))
            ])
            enrolments = len(Enrolment.objects.bulk_create(
                [Enrolment(cohort=cohorts[i % len(cohorts)], person=t) for i, t in enumerate(trainees)], batch_size=BATCH
            ))
        self.step(f"{len(registrations)} study-day registrations, {len(cohorts)} cohorts, {enrolments} trainees")
