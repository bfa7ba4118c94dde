"""Dashboard panels of the dossier, registered into community's dashboard."""

from community.dashboard import Panel, register_panel

# What these panels read: their cached HTML is renewed after any write there (see dashboard.py).
READS = ("portfolios", "community.Membership", "community.Person", "community.Team", "community.Organisation", "community.VmboProfile")

# Authorisation panels (status per profile) ----------------------------------------------


def _authorisation_teacher(request):
    from community.models import Role

    from .reports.authorisation import teacher_statuses

    if not request.user.has_role(Role.TEACHER):
        return None
    return {"schools": teacher_statuses(request.user)}


def _authorisation_hr(request):
    from community.permissions import hr_school_ids

    from .models import QualificationRecord

    school_ids = hr_school_ids(request.user)
    if not school_ids:
        return None
    unverified = QualificationRecord.objects.visible_to(request.user).exclude(person=request.user).unverified().count()
    return {"unverified": unverified}


def _authorisation_hub(request):
    from community.permissions import is_hub_staff

    return {} if is_hub_staff(request.user) else None


register_panel(Panel("authorisation_teacher", "portfolios/authorisation/panels/teacher.html", _authorisation_teacher, order=20, reads=READS))
register_panel(Panel("authorisation_hr", "portfolios/authorisation/panels/hr.html", _authorisation_hr, order=21, reads=READS))
register_panel(Panel("authorisation_hub", "portfolios/authorisation/panels/hub.html", _authorisation_hub, order=22, reads=READS))


# Dossier panels (inventory task, plan, portfolio) ----------------------------------------


def _teacher_dossier(request):
    """The teacher's own dossier: inventory task, this year's plan with progress, recent entries."""
    from .models import DevelopmentPlan, NeedsInventoryResponse, PortfolioEntry
    from .services import dossier as services

    user = request.user
    is_teacher = services.is_technical_teacher(user)
    plan = DevelopmentPlan.objects.filter(person=user, school_year=services.school_year_of()).first()
    entries = list(PortfolioEntry.objects.filter(owner=user).only("pk", "title", "date", "kind")[:3])
    if not (is_teacher or plan or entries):
        return None
    round = services.open_round() if is_teacher else None
    response = NeedsInventoryResponse.objects.filter(round=round, person=user).first() if round else None
    progress = services.plan_progress(plan) if plan else None
    from .services.plan_review import notices_for

    return {
        "notices": notices_for(user, ["sent_back", "agreed"]),
        "round": round,
        "response": response,
        "plan": plan,
        "progress": progress,
        "entries": entries,
        "school_year": services.school_year_of(),
    }


def _team_leader_plans(request):
    from community.permissions import led_team_ids

    from .models import DevelopmentPlan, PlanStatus
    from .reports.dossier import team_inventory_rates
    from .services import dossier as services

    to_agree = list(
        DevelopmentPlan.objects.led_by(request.user)
        .filter(status=PlanStatus.SUBMITTED)
        .select_related("person")
        .order_by("updated_at")[:5]
    )
    teams = led_team_ids(request.user)
    if not teams and not to_agree:
        return None
    rounds = services.open_rounds()
    from .services.plan_review import notices_for

    return {
        "notices": notices_for(request.user, ["submitted"]),
        "to_agree": to_agree,
        "leads_team": bool(teams),
        "rates": [(round, team_inventory_rates(round, teams)) for round in rounds] if teams else [],
    }


def _hr_dossier(request):
    from community.permissions import hr_school_ids

    from .reports import dossier as reports
    from .services import dossier as services

    schools = hr_school_ids(request.user)
    if not schools:
        return None
    round = services.open_round()
    rate = reports.inventory_total(reports.inventory_rates(round, school_ids=schools)) if round else None
    others = services.open_rounds()[1:]
    from .models import PlanStatus

    counts = reports.plan_status_counts(schools, services.school_year_of())
    labels = dict(PlanStatus.choices)
    return {
        "round": round,
        "rate": rate,
        "other_rounds": others,
        "counts": [(labels.get(key), key, value) for key, value in counts.items()],
        "school_year": services.school_year_of(),
    }


def _hub_dossier(request):
    from community.permissions import is_hub_staff

    from .reports import dossier as reports
    from .services import dossier as services

    if not is_hub_staff(request.user):
        return None
    rounds = [(round, reports.inventory_total(reports.inventory_rates(round))) for round in services.open_rounds()]
    round, rate = rounds[0] if rounds else (None, None)
    return {"round": round, "rate": rate, "rounds": rounds}


register_panel(Panel("dossier_teacher", "portfolios/panels/dossier_teacher.html", _teacher_dossier, order=20, reads=READS))
register_panel(Panel("dossier_team_leader", "portfolios/panels/dossier_team_leader.html", _team_leader_plans, order=21, reads=READS))
register_panel(Panel("dossier_hr", "portfolios/panels/dossier_hr.html", _hr_dossier, order=22, reads=READS))
register_panel(Panel("dossier_hub", "portfolios/panels/dossier_hub.html", _hub_dossier, order=23, reads=READS))
