"""Who agrees a plan, and telling people when a plan moves (in the app and by email).

A plan always reaches someone: the team leader(s) of the teacher's team; else the team
leaders of the teacher's school; else the approver the school named (SchoolPlanApprover);
else HR of the school. The teacher sees who that is before sending.
"""

from django.db import transaction

from community.models import Membership, Person, Role

from ..models import DevelopmentPlan, PlanNotice, SchoolPlanApprover


def _active():
    return Membership.objects.active().filter(person__is_active=True)


def plan_approvers(plan: DevelopmentPlan) -> tuple[list, str]:
    """(people, why) — `why` is 'team', 'school', 'setting', 'hr' or '' (nobody found)."""
    person_id = plan.person_id
    own = list(
        Membership.objects.active()
        .filter(person_id=person_id, role__in=[Role.TEACHER, Role.TRAINEE], organisation__kind="school")
        .values_list("organisation_id", "team_id")
    )
    schools = {school for school, _team in own}
    teams = {team for _school, team in own if team}

    def people(qs):
        ids = qs.exclude(person_id=person_id).values("person_id")
        return list(Person.objects.filter(pk__in=ids).order_by("sort_name", "pk"))

    if teams:
        found = people(_active().filter(role=Role.TEAM_LEADER, team_id__in=teams))
        if found:
            return found, "team"
    found = people(_active().filter(role=Role.TEAM_LEADER, organisation_id__in=schools))
    if found:
        return found, "school"
    named = Person.objects.filter(
        pk__in=SchoolPlanApprover.objects.filter(school_id__in=schools).values("approver_id"), is_active=True
    ).exclude(pk=person_id)
    if named:
        return list(named.order_by("sort_name", "pk")), "setting"
    found = people(_active().filter(role=Role.HR, organisation_id__in=schools))
    if found:
        return found, "hr"
    return [], ""


def notify(*, plan: DevelopmentPlan, kind: str, actor, recipients) -> None:
    """In-app notices now; the emails by the task worker once the step is committed."""
    from ..tasks.plan_review import send_plan_notice_email

    notices = PlanNotice.objects.bulk_create(
        [PlanNotice(recipient=person, plan=plan, kind=kind, actor=actor) for person in recipients if person != actor]
    )
    for notice in notices:
        transaction.on_commit(lambda pk=notice.pk: send_plan_notice_email.enqueue(pk))


def notices_for(user, kinds, limit: int = 5):
    return list(
        PlanNotice.objects.filter(recipient=user, read_at__isnull=True, kind__in=kinds)
        .select_related("plan__person", "actor")[:limit]
    )


def mark_read(*, user, plan: DevelopmentPlan) -> None:
    from django.utils import timezone

    PlanNotice.objects.filter(recipient=user, plan=plan, read_at__isnull=True).update(read_at=timezone.now())
