"""Hub: the regional inventory of section A.5, counted on the stored statuses for today.

Another date derives (past and future reports are rare); counts that aggregate (leaving,
deepening, growth) are counted in the database.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils.translation import gettext_lazy as _

from community.models import Membership, Organisation, Role, VmboProfile

from ..models import GrowthNeed, StaffRecord
from .authorisation import AUTHORISED, NO_DATA, NO_ROUTE, STATUS_RANK, StatusData
from .dossier import needs_deepening_counts

MEASURES = ["authorised", "needs_upskilling", "without_route", "no_data", "leaving", "needs_deepening", "needed_for_growth"]
MEASURE_LABELS = {
    "authorised": _("Fully authorised (2nd grade)"),
    "needs_upskilling": _("Still need upskilling for full authorisation"),
    "without_route": _("Teaching it with no route in the conversion table"),
    "no_data": _("Teaching it with no qualification recorded"),
    "leaving": _("Leaving (natural attrition) in the period"),
    "needs_deepening": _("Want deepening or broadening in a profile they teach"),
    "needed_for_growth": _("Extra teachers needed for growth"),
}


@dataclass
class Inventory:
    on: date
    until: date
    school: Organisation | None
    profiles: list[VmboProfile]
    counts: dict[str, dict[str, int]]  # measure → profile code → count
    targets: list[dict]
    target_date: date

    def rows(self):
        return [(m, MEASURE_LABELS[m], [self.counts[m][p.code] for p in self.profiles]) for m in MEASURES]

    def charts(self, width=220, bar=14, gap=6):
        """Per profile: bar geometry for a small hand-made SVG (counts only)."""
        biggest = max([1, *(self.counts[m][p.code] for m in MEASURES for p in self.profiles)])
        charts = []
        for profile in self.profiles:
            bars = []
            for i, measure in enumerate(MEASURES):
                value = self.counts[measure][profile.code]
                bars.append({
                    "measure": measure, "label": MEASURE_LABELS[measure], "value": value,
                    "y": i * (bar + gap), "width": round(value / biggest * width, 1),
                    "text_x": round(value / biggest * width, 1) + 4, "text_y": i * (bar + gap) + bar - 3,
                })
            charts.append({"profile": profile, "bars": bars, "height": len(MEASURES) * (bar + gap), "bar": bar})
        return charts


# What the inventory reads: cached per (date, period, school) until a write there.
INVENTORY_READS = ("portfolios", "community.Membership", "community.VmboProfile", "community.Organisation")


def inventory(*, on: date, until: date, school: Organisation | None = None) -> Inventory:
    """The counts of section A.5; today's are cached in the shared cache until a write they read."""
    from django.core.cache import cache
    from django.utils import timezone

    from community.dashboard import versioned_key

    if on != timezone.localdate():
        return _inventory(on=on, until=until, school=school)
    key = versioned_key("inventory", INVENTORY_READS, f"{on}:{until}:{school.pk if school else 0}")
    result = cache.get(key)
    if result is None:
        result = _inventory(on=on, until=until, school=school)
        cache.set(key, result, 3600)
    return result


def _inventory(*, on: date, until: date, school: Organisation | None = None) -> Inventory:
    from django.utils import timezone

    from ..models import AuthorisationSettings

    school_ids = None if school is None else [school.pk]
    stored = on == timezone.localdate()
    if stored:
        # Today: count the stored statuses in SQL (kept right by services.status_store).
        from ..services.status_store import ensure_fresh

        ensure_fresh()
        profiles = list(VmboProfile.objects.filter(in_inventory=True))
        counts = {m: dict.fromkeys((p.code for p in profiles), 0) for m in MEASURES}
        _count_stored(counts, profiles, school)
        targets = _stored_targets(school)
    else:
        # Another date: derive (past and future reports are rare).
        data = StatusData.load(on=on, school_ids=school_ids, statuses_only=True)
        profiles = [p for p in data.profiles.values() if p.in_inventory]
        counts = {m: dict.fromkeys((p.code for p in profiles), 0) for m in MEASURES}
        by_id = {p.pk: p for p in profiles}
        best: dict[tuple[int, int], str] = {}
        schools_of_person = defaultdict(set)
        for (school_id, person_id), profile_ids in data.teaching.items():
            schools_of_person[person_id].add(school_id)
            for pid in profile_ids:
                if pid not in by_id:
                    continue
                status = data.status(school_id, person_id, pid)
                if (person_id, pid) not in best or STATUS_RANK[status] > STATUS_RANK[best[(person_id, pid)]]:
                    best[(person_id, pid)] = status
        for (_person_id, pid), status in best.items():
            counts[_measure_of(status)][by_id[pid].code] += 1
        targets = _targets(data, best, schools_of_person)

    teachers = Membership.objects.active(on=on).filter(role=Role.TEACHER, **({} if school is None else {"organisation": school}))
    teaching = Membership.profiles.through.objects.filter(membership__in=teachers, vmboprofile__in_inventory=True)
    leaving = teaching.filter(
        Exists(StaffRecord.objects.filter(
            person_id=OuterRef("membership__person_id"), school_id=OuterRef("membership__organisation_id"),
            leaving_on__gt=on, leaving_on__lte=until,
        ))
    )
    for code, n in leaving.values_list("vmboprofile__code").annotate(n=Count("membership__person_id", distinct=True)):
        counts["leaving"][code] = n
    counts["needs_deepening"] = needs_deepening_counts(on, school, profile_codes=[p.code for p in profiles])
    growth = GrowthNeed.objects.filter(needed_by__gt=on, needed_by__lte=until, profile__in_inventory=True)
    if school is not None:
        growth = growth.filter(school=school)
    for code, n in growth.values_list("profile__code").annotate(n=Sum("teachers")):
        counts["needed_for_growth"][code] = n or 0

    target_date = AuthorisationSettings.load().target_date
    return Inventory(on, until, school, profiles, counts, targets, target_date)


def _measure_of(status: str) -> str:
    """Which inventory measure counts a person's best status for a profile."""
    measures = {AUTHORISED: "authorised", NO_ROUTE: "without_route", NO_DATA: "no_data"}
    return measures.get(status, "needs_upskilling")


_BEST_SQL = """
    SELECT s.person_id, s.profile_id, MAX(s.rank) AS best
    FROM portfolios_storedstatus s JOIN community_vmboprofile p ON p.id = s.profile_id
    WHERE p.in_inventory {school}
    GROUP BY s.person_id, s.profile_id
"""


def _school_sql(school):
    return ("AND s.school_id = %s", [school.pk]) if school is not None else ("", [])


def _count_stored(counts, profiles, school):
    """authorised / needs_upskilling / without_route: each person once per profile, best school."""
    from django.db import connection

    status_of_rank = {rank: status for status, rank in STATUS_RANK.items()}
    code_of = {p.pk: p.code for p in profiles}
    where, params = _school_sql(school)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT b.profile_id, b.best, COUNT(*) FROM ({_BEST_SQL.format(school=where)}) b "  # noqa: S608
            "GROUP BY b.profile_id, b.best",
            params,
        )
        for profile_id, rank, n in cursor.fetchall():
            if profile_id in code_of:
                counts[_measure_of(status_of_rank.get(rank, ""))][code_of[profile_id]] += n


def _stored_targets(school):
    """`_targets` counted in SQL on the stored statuses."""
    from django.db import connection

    where, params = _school_sql(school)
    best = _BEST_SQL.format(school=where)
    # Fixed SQL, values as parameters.
    not_full = f"SELECT b.person_id, MAX(CASE WHEN b.best <> %s THEN 1 ELSE 0 END) AS nf FROM ({best}) b GROUP BY b.person_id"  # noqa: S608, E501
    sql = f"""
        SELECT sp.school_id, COUNT(*), SUM(nf.nf) FROM (
            SELECT DISTINCT s.school_id, s.person_id FROM portfolios_storedstatus s
            JOIN community_vmboprofile p ON p.id = s.profile_id WHERE p.in_inventory {where}
        ) sp JOIN ({not_full}) nf ON nf.person_id = sp.person_id
        GROUP BY sp.school_id
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, STATUS_RANK[AUTHORISED], *params])
        per_school = {sid: (int(n), int(nf or 0)) for sid, n, nf in cursor.fetchall()}
        total_sql = f"SELECT COUNT(*), SUM(nf.nf) FROM ({not_full}) nf"  # noqa: S608
        cursor.execute(total_sql, [STATUS_RANK[AUTHORISED], *params])
        total, total_nf = cursor.fetchone()
    names = dict(Organisation.objects.filter(pk__in=per_school.keys()).values_list("pk", "name"))
    rows = [{"school": names.get(sid, "?"), "teachers": n, "not_authorised": nf} for sid, (n, nf) in per_school.items()]
    rows.sort(key=lambda r: r["school"])
    rows.append({"school": None, "teachers": int(total or 0), "not_authorised": int(total_nf or 0)})
    for row in rows:
        row["share"] = round(100 * (row["teachers"] - row["not_authorised"]) / row["teachers"]) if row["teachers"] else 0
    return rows


def _targets(data: StatusData, best, schools_of_person):
    """Per school and for the region: teachers not yet fully authorised for all they teach."""
    not_full = {person for (person, _pid), status in best.items() if status != AUTHORISED}
    teaching_people = {person for (person, _pid) in best}
    per_school = defaultdict(lambda: {"teachers": 0, "not_authorised": 0})
    for person in teaching_people:
        for school_id in schools_of_person[person]:
            per_school[school_id]["teachers"] += 1
            per_school[school_id]["not_authorised"] += person in not_full
    names = dict(Organisation.objects.filter(pk__in=per_school.keys()).values_list("pk", "name"))
    rows = [{"school": names.get(sid, "?"), **vals} for sid, vals in per_school.items()]
    rows.sort(key=lambda r: r["school"])
    rows.append({
        "school": None, "teachers": len(teaching_people), "not_authorised": len(not_full & teaching_people),
    })
    for row in rows:
        row["share"] = round(100 * (row["teachers"] - row["not_authorised"]) / row["teachers"]) if row["teachers"] else 0
    return rows


def inventory_table(inv: Inventory):
    """Header and rows as the CSV export and the management command print them."""
    headers = ["measure", *(p.code for p in inv.profiles)]
    return headers, [[m, *(inv.counts[m][p.code] for p in inv.profiles)] for m in MEASURES]
