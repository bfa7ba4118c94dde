"""HR's matrix of a school: the stored statuses, filtered, sorted and paged in the database.

A school of 400 teachers is filtered, sorted (worst status, unverified records, leaving date)
and counted in SQL on `StoredStatus` (kept equal to the derivation by `services.status_store`);
only the rows shown are built, their sources (for the "not yet verified" and "unconfirmed rule"
flags) derived from those people's own records.
"""

from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from community.models import Membership, Organisation, Person, Role, VmboProfile

from ..models import QualificationRecord, StaffRecord, StoredStatus, VerificationState
from .authorisation import (
    AUTHORISED,
    NO_ROUTE,
    STATUS_BADGES,
    STATUS_LABELS,
    STATUS_RANK,
    TEAM,
    StatusData,
    StatusLabel,
)

NO_CELLS = 99  # `worst` of a teacher who teaches no profile: sorted last


@dataclass(frozen=True, slots=True)
class MatrixCell(StatusLabel):
    status: str
    unverified: bool = False
    unconfirmed: bool = False


@dataclass(slots=True)
class MatrixRow:
    person: Person
    ordered: list  # a MatrixCell per column, None where the teacher does not teach the profile
    unverified: int
    leaving_on: date | None
    cells_html: str = ""


class _CellMarkup:
    """The status cells' HTML, its fragments escaped and translated once per page: 50 rows × a
    dozen profiles through template tags (or `format_html` per cell) was most of the page's time."""

    def __init__(self, columns):
        self.opening = [format_html('<td data-label="{}">', p.code) for p in columns]
        self.not_taught = format_html('<span class="muted" title="{}">—</span></td>', _("does not teach this profile"))
        self.badges = {
            status: format_html('<span class="badge {}">{}</span>', STATUS_BADGES[status], label)
            for status, label in STATUS_LABELS.items()
        }
        self.unverified = format_html(' <span class="badge neutral">{}</span>', _("not yet verified"))
        self.unconfirmed = format_html(' <span class="badge warn">{}</span>', _("unconfirmed rule"))

    def row(self, cells) -> str:
        parts = []
        for opening, cell in zip(self.opening, cells, strict=True):
            parts.append(opening)
            if cell is None:
                parts.append(self.not_taught)
                continue
            parts.append(self.badges[cell.status])
            if cell.unverified:
                parts.append(self.unverified)
            if cell.unconfirmed:
                parts.append(self.unconfirmed)
            parts.append("</td>")
        return mark_safe("".join(parts))  # noqa: S308 (fragments built by format_html)


def _pk_in(subquery):
    """`pk IN (subquery)`; on PostgreSQL as `= ANY(ARRAY(subquery))`, which looks the school's
    people up by primary key: as a semi-join the planner reads every person in the country."""
    if connection.vendor != "postgresql":
        return Q(pk__in=subquery)
    sql, params = subquery.query.sql_with_params()
    table = Person._meta.db_table
    return RawSQL(f'"{table}"."id" = ANY(ARRAY({sql}))', params, output_field=BooleanField())  # noqa: S611 (our SQL)


def _stored(school, **filters):
    return StoredStatus.objects.filter(school_id=school.pk, person_id=OuterRef("pk"), **filters)


def matrix_columns(school):
    """(profiles, columns, coverage): every profile; those taught at the school or offered by
    it, in order; and per profile offered whether a teacher covers it alone, the team together,
    or nobody. One query: each profile, whether the school offers it and its best stored status
    there."""
    best = (
        StoredStatus.objects.filter(school_id=school.pk, profile_id=OuterRef("pk"))
        .values("profile_id").annotate(best=Max("rank")).values("best")
    )
    offered = Organisation.profiles_offered.through.objects.filter(organisation_id=school.pk, vmboprofile_id=OuterRef("pk"))
    profiles = list(VmboProfile.objects.annotate(
        best=Subquery(best, output_field=IntegerField()), offered=Exists(offered)
    ))
    offered = {p.pk for p in profiles if p.offered}
    columns = [p for p in profiles if p.best is not None or p.pk in offered]
    coverage = []
    for profile in columns:
        if profile.pk not in offered:
            continue
        if profile.best == STATUS_RANK[AUTHORISED]:
            coverage.append((profile, AUTHORISED, _("Covered: at least one teacher is authorised")))
        elif profile.best == STATUS_RANK[TEAM]:
            coverage.append((profile, TEAM, _("Covered by the team together")))
        else:
            coverage.append((profile, NO_ROUTE, _("Not covered")))
    return profiles, columns, coverage


def matrix_people(school, on: date, filters: dict):
    """The school's teachers on `on` as a queryset (count it, slice it), filtered and sorted as
    HR asked; annotated with `unverified` (records not yet verified) and `leaving_on`."""
    teaching = (
        Membership.objects.active(on=on).filter(role=Role.TEACHER, organisation_id=school.pk)
        .order_by().values("person_id")
    )
    unverified = (
        QualificationRecord.objects.filter(person_id=OuterRef("pk"))
        .exclude(state__in=[VerificationState.VERIFIED, VerificationState.REJECTED])
        .order_by().values("person_id").annotate(n=Count("pk")).values("n")
    )
    leaving = StaffRecord.objects.filter(school_id=school.pk, person_id=OuterRef("pk")).values("leaving_on")[:1]
    people = (
        Person.objects.filter(_pk_in(teaching))
        .only("id", "first_name", "tussenvoegsel", "last_name", "email", "sort_name")
        .annotate(
            unverified=Coalesce(Subquery(unverified, output_field=IntegerField()), Value(0)),
            leaving_on=Subquery(leaving),
        )
    )
    for word in (filters.get("q") or "").split():
        people = people.filter(
            Q(first_name__icontains=word) | Q(tussenvoegsel__icontains=word) | Q(last_name__icontains=word)
            | Q(email__icontains=word)
        )
    profile = filters.get("profile")
    if profile:
        people = people.filter(Exists(_stored(school, profile_id=profile.pk)))
    if status := filters.get("status"):
        people = people.filter(Exists(_stored(school, status=status, **({"profile_id": profile.pk} if profile else {}))))
    if filters.get("unverified"):
        people = people.filter(unverified__gt=0)
    sort = filters.get("sort") or "name"
    if sort == "status":
        worst = _stored(school).order_by().values("person_id").annotate(worst=Min("rank")).values("worst")
        people = people.annotate(
            worst=Coalesce(Subquery(worst, output_field=IntegerField()), Value(NO_CELLS))
        ).order_by("worst", "sort_name", "id")
    elif sort == "unverified":
        people = people.order_by("-unverified", "sort_name", "id")
    elif sort == "leaving":
        people = people.order_by(F("leaving_on").asc(nulls_last=True), "sort_name", "id")
    else:
        people = people.order_by("sort_name", "id")
    return people


def matrix_rows(school, people, columns, on: date) -> list[MatrixRow]:
    """The rows of these people (already read, in order): three queries whatever their number."""
    people = list(people)
    ids = [p.pk for p in people]
    stored = {
        (person_id, profile_id): status
        for person_id, profile_id, status in StoredStatus.objects.filter(school_id=school.pk, person_id__in=ids)
        .values_list("person_id", "profile_id", "status")
    }
    data = StatusData.for_people(on=on, person_ids=ids, profiles=columns)
    markup = _CellMarkup(columns)
    rows = []
    for person in people:
        cells = []
        for profile in columns:
            status = stored.get((person.pk, profile.pk))
            if status is None:
                cells.append(None)
                continue
            sources = data.sources(person.pk, profile.pk)
            cells.append(MatrixCell(
                status,
                unverified=any(not s.record.is_verified for s in sources),
                unconfirmed=any(s.rule is not None and not s.rule.confirmed for s in sources),
            ))
        rows.append(MatrixRow(person, cells, person.unverified, person.leaving_on, markup.row(cells)))
    return rows
