"""Dashboard panels of the dossier, registered into community's dashboard."""

from community.dashboard import Panel, register_panel  # noqa: F401

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


register_panel(Panel("authorisation_teacher", "portfolios/authorisation/panels/teacher.html", _authorisation_teacher, order=20))
register_panel(Panel("authorisation_hr", "portfolios/authorisation/panels/hr.html", _authorisation_hr, order=21))
register_panel(Panel("authorisation_hub", "portfolios/authorisation/panels/hub.html", _authorisation_hub, order=22))


# Dossier panels (inventory task, plan, portfolio) ----------------------------------------
