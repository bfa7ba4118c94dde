"""Read-only aggregates of the programmes. Each runs a fixed number of queries, whatever the
number of trainees, modules or sessions (tests hold them to it)."""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import (
    Assessment,
    AssessmentKind,
    AssessmentOutcome,
    Assignment,
    Attendance,
    AttendanceStatus,
    CoachingSession,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    IntakeApplication,
    IntakeStatus,
    IntakeStep,
    IntakeStepKind,
    ModulePage,
    ModuleProgress,
    Submission,
)

MISSED_SESSIONS_FLAG = 2  # unexcused absences before a trainee is flagged


def expected_modules(cohort, total, today) -> int:
    """The cohort's schedule: the share of its time that has passed, times the modules, rounded down."""
    days = (cohort.end_date - cohort.start_date).days
    if total == 0 or today <= cohort.start_date:
        return 0
    if days <= 0 or today >= cohort.end_date:
        return total
    return math.floor(total * (today - cohort.start_date).days / days)


def _modules_by_course(courses):
    """Live modules of several courses in one query: {course_id: [module, ...]}."""
    courses = list({c.pk: c for c in courses}.values())
    if not courses:
        return {}
    q = Q()
    for c in courses:
        q |= Q(path__startswith=c.path, depth=c.depth + 1)
    by_path = {c.path: c.pk for c in courses}
    result = defaultdict(list)
    for module in ModulePage.objects.live().filter(q).order_by("path"):
        result[by_path[module.path[: -ModulePage.steplen]]].append(module)
    return result


def _session_hours(session):
    if session.ends_at and session.ends_at > session.starts_at:
        return Decimal(round((session.ends_at - session.starts_at).total_seconds() / 3600, 1))
    return Decimal("0")


# The trainee's own course -------------------------------------------------------------------


@dataclass
class ModuleRow:
    module: ModulePage
    done: bool
    assignments: list = field(default_factory=list)


@dataclass
class EnrolmentSummary:
    enrolment: Enrolment
    modules: list
    done: int
    total: int
    assignments_due: list
    assignments_submitted: list
    next_sessions: list
    past_sessions: list
    assessments: list
    coaching: list
    hours: dict
    coaching_hidden: int = 0

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0


def enrolment_summary(enrolment, viewer, *, today: Date | None = None) -> EnrolmentSummary:
    """Everything on the "my course" page; assessments and coaching as `viewer` may see them."""
    today = today or timezone.localdate()
    now = timezone.now()
    course = enrolment.cohort.course
    modules = _modules_by_course([course]).get(course.pk, [])
    done_ids = set(ModuleProgress.objects.filter(enrolment=enrolment).values_list("module_id", flat=True))
    assignments = list(Assignment.objects.filter(module__in=modules).order_by("due_after_days", "sort_order"))
    submissions = {s.assignment_id: s for s in Submission.objects.filter(enrolment=enrolment)}
    rows = {m.pk: ModuleRow(module=m, done=m.pk in done_ids) for m in modules}
    due, submitted = [], []
    for a in assignments:
        a.due = a.due_date(enrolment.cohort)
        a.submission = submissions.get(a.pk)
        a.overdue = a.submission is None and a.due < today
        rows[a.module_id].assignments.append(a)
        (submitted if a.submission else due).append(a)
    sessions = list(CohortSession.objects.filter(cohort_id=enrolment.cohort_id))
    marks = dict(Attendance.objects.filter(enrolment=enrolment).values_list("session_id", "status"))
    for s in sessions:
        s.mark = marks.get(s.pk, "")
        s.get_mark_display = dict(AttendanceStatus.choices).get(s.mark, "")
    assessments = list(
        Assessment.objects.visible_to(viewer).filter(enrolment=enrolment).select_related("assessor")
    )
    coaching = list(CoachingSession.objects.visible_to(viewer).filter(enrolment=enrolment).select_related("coach"))
    # Hours count every coaching session, also those this viewer may not read: one figure for all.
    all_coaching = list(CoachingSession.objects.filter(enrolment=enrolment).values_list("hours", flat=True))
    hours = {
        "modules": sum((m.hours for m in modules if m.pk in done_ids), Decimal("0")),
        "sessions": sum((_session_hours(s) for s in sessions if s.mark == AttendanceStatus.PRESENT), Decimal("0")),
        "coaching": sum(all_coaching, Decimal("0")),
    }
    hours["total"] = sum(hours.values(), Decimal("0"))
    return EnrolmentSummary(
        enrolment=enrolment,
        modules=list(rows.values()),
        done=len(done_ids & set(rows)),
        total=len(rows),
        assignments_due=due,
        assignments_submitted=submitted,
        next_sessions=[s for s in sessions if s.starts_at >= now],
        past_sessions=[s for s in sessions if s.starts_at < now],
        assessments=assessments,
        coaching=coaching,
        coaching_hidden=len(all_coaching) - len(coaching),
        hours=hours,
    )


def trainee_panel(user, *, today: Date | None = None) -> list[dict]:
    """The trainee's dashboard panel: each active enrolment with progress, next session, due work."""
    today = today or timezone.localdate()
    enrolments = list(
        Enrolment.objects.filter(person=user, status__in=[EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED])
        .select_related("cohort__course").order_by("status", "-cohort__start_date")
    )
    if not enrolments:
        return []
    modules = _modules_by_course([e.cohort.course for e in enrolments])
    module_ids = {m.pk for ms in modules.values() for m in ms}
    done = Counter(
        ModuleProgress.objects.filter(enrolment__in=enrolments, module_id__in=module_ids).values_list("enrolment_id", flat=True)
    )
    assignments = list(Assignment.objects.filter(module_id__in=module_ids).select_related(None))
    submitted = set(Submission.objects.filter(enrolment__in=enrolments).values_list("enrolment_id", "assignment_id"))
    next_sessions = {}
    for s in CohortSession.objects.filter(cohort_id__in={e.cohort_id for e in enrolments}, starts_at__gte=timezone.now()):
        next_sessions.setdefault(s.cohort_id, s)
    released = Counter(
        Assessment.objects.filter(enrolment__in=enrolments, released_at__isnull=False).values_list("enrolment_id", flat=True)
    )
    result = []
    for e in enrolments:
        course_modules = modules.get(e.cohort.course_id, [])
        ids = {m.pk for m in course_modules}
        open_work = sorted(
            (a.due_date(e.cohort), a) for a in assignments
            if a.module_id in ids and (e.pk, a.pk) not in submitted
        ) if e.status == EnrolmentStatus.ACTIVE else []
        total = len(course_modules)
        result.append({
            "enrolment": e,
            "done": done.get(e.pk, 0),
            "total": total,
            "percent": round(100 * done.get(e.pk, 0) / total) if total else 0,
            "next_session": next_sessions.get(e.cohort_id),
            "open_assignments": len(open_work),
            "overdue": sum(1 for due, _a in open_work if due < today),
            "next_due": open_work[0] if open_work else None,
            "released_assessments": released.get(e.pk, 0),
        })
    return result


# The coordinator's cohort view --------------------------------------------------------------


@dataclass
class TraineeRow:
    enrolment: Enrolment
    done: int
    total: int
    submitted: int
    due_so_far: int
    past_due: int
    present: int
    excused: int
    absent: int
    past_sessions: int
    assessments: list
    flags: list

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def final_state(self):
        finals = [a for a in self.assessments if a.kind == AssessmentKind.FINAL]
        if not finals:
            return ""
        return finals[0]


def cohort_overview(cohort, *, today: Date | None = None, coach=None) -> list[TraineeRow]:
    """One row per trainee with the signals; `coach` limits the rows to that coach's coachees."""
    today = today or timezone.localdate()
    now = timezone.now()
    enrolments = Enrolment.objects.filter(cohort=cohort).exclude(status=EnrolmentStatus.WITHDRAWN)
    if coach is not None:
        enrolments = enrolments.filter(coach=coach)
    enrolments = list(enrolments.select_related("person", "coach").order_by("person__sort_name"))
    modules = _modules_by_course([cohort.course]).get(cohort.course_id, [])
    module_ids = [m.pk for m in modules]
    done = Counter(
        ModuleProgress.objects.filter(enrolment__cohort=cohort, module_id__in=module_ids).values_list("enrolment_id", flat=True)
    )
    assignments = list(Assignment.objects.filter(module_id__in=module_ids))
    due_ids = {a.pk for a in assignments if a.due_date(cohort) < today}
    submitted = defaultdict(set)
    for enrolment_id, assignment_id in Submission.objects.filter(enrolment__cohort=cohort).values_list("enrolment_id", "assignment_id"):
        submitted[enrolment_id].add(assignment_id)
    past_session_ids = set(CohortSession.objects.filter(cohort=cohort, starts_at__lt=now).values_list("pk", flat=True))
    marks = defaultdict(Counter)
    for enrolment_id, session_id, status in Attendance.objects.filter(session__cohort=cohort).values_list("enrolment_id", "session_id", "status"):
        if session_id in past_session_ids:
            marks[enrolment_id][status] += 1
    assessments = defaultdict(list)
    for a in Assessment.objects.filter(enrolment__cohort=cohort).select_related("assessor").order_by("-date", "-pk"):
        assessments[a.enrolment_id].append(a)
    expected = expected_modules(cohort, len(modules), today)
    rows = []
    for e in enrolments:
        active = e.status == EnrolmentStatus.ACTIVE
        past_due = len(due_ids - submitted[e.pk]) if active else 0
        absent = marks[e.pk][AttendanceStatus.ABSENT]
        flags = []
        if past_due:
            flags.append(ngettext(
                "%(count)s assignment past due", "%(count)s assignments past due", past_due
            ) % {"count": past_due})
        if absent >= MISSED_SESSIONS_FLAG:
            flags.append(ngettext(
                "%(count)s session missed", "%(count)s sessions missed", absent
            ) % {"count": absent})
        if active and done.get(e.pk, 0) < expected:
            flags.append(
                _("behind schedule: %(done)s of %(expected)s modules done") % {"done": done.get(e.pk, 0), "expected": expected}
            )
        latest = {}
        for a in assessments[e.pk]:  # newest first: the latest judgement per kind counts
            latest.setdefault(a.kind, a)
        if active and any(a.outcome == AssessmentOutcome.NOT_YET for a in latest.values()):
            flags.append(_("assessment not yet at level"))
        rows.append(TraineeRow(
            enrolment=e,
            done=done.get(e.pk, 0),
            total=len(modules),
            submitted=len(submitted[e.pk] & {a.pk for a in assignments}),
            due_so_far=len(due_ids),
            past_due=past_due,
            present=marks[e.pk][AttendanceStatus.PRESENT],
            excused=marks[e.pk][AttendanceStatus.EXCUSED],
            absent=absent,
            past_sessions=len(past_session_ids),
            assessments=assessments[e.pk],
            flags=flags,
        ))
    return rows


def assessment_state(assessments) -> str:
    if not assessments:
        return _("none yet")
    parts = []
    for a in assessments:
        state = a.get_outcome_display() if a.outcome != AssessmentOutcome.PENDING else _("pending")
        released = _("released") if a.is_released else _("not released")
        parts.append(f"{a.get_kind_display()}: {state} ({released})")
    return "; ".join(parts)


# Intake figures -----------------------------------------------------------------------------


def intake_figures(*, today: Date | None = None) -> dict:
    """Counts per stage per year, and the inflow (admitted) against the baseline year."""
    today = today or timezone.localdate()
    per_year = defaultdict(lambda: defaultdict(int))
    for row in (
        IntakeApplication.objects.annotate(year=ExtractYear("submitted_at")).values("year", "status").annotate(n=Count("pk"))
    ):
        per_year[row["year"]]["applications"] += row["n"]
        per_year[row["year"]][row["status"]] += row["n"]
    for row in (
        IntakeStep.objects.annotate(year=ExtractYear("application__submitted_at")).values("year", "kind").annotate(n=Count("pk"))
    ):
        per_year[row["year"]][row["kind"]] += row["n"]
    for row in (
        IntakeApplication.objects.filter(enrolment__isnull=False).annotate(year=ExtractYear("submitted_at"))
        .values("year").annotate(n=Count("pk"))
    ):
        per_year[row["year"]]["enrolled"] += row["n"]
    years = sorted(per_year)
    baseline_year = getattr(settings, "COURSES_INTAKE_BASELINE_YEAR", 0) or (years[0] if years else today.year)
    baseline_count = getattr(settings, "COURSES_INTAKE_BASELINE_INFLOW", None)
    if baseline_count is None:
        baseline_count = per_year[baseline_year][IntakeStatus.ADMITTED] if baseline_year in per_year else 0
    target = math.ceil(baseline_count * 1.2)
    rows = []
    for year in years:
        counts = per_year[year]
        inflow = counts[IntakeStatus.ADMITTED]
        rows.append({
            "year": year,
            "applications": counts["applications"],
            "stages": [counts[k] for k in IntakeStepKind.values],
            "admitted": inflow,
            "not_admitted": counts[IntakeStatus.NOT_ADMITTED],
            "open": counts[IntakeStatus.SUBMITTED] + counts[IntakeStatus.IN_PROGRESS],
            "enrolled": counts["enrolled"],
            "change": round(100 * (inflow - baseline_count) / baseline_count) if baseline_count else None,
            "meets_target": inflow >= target if year != baseline_year and baseline_count else None,
        })
    return {
        "rows": rows,
        "stage_labels": IntakeStepKind.labels,
        "baseline_year": baseline_year,
        "baseline_inflow": baseline_count,
        "target": target,
    }
