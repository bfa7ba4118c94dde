"""What the dossier holds about a person, for their data export (community.personal_data).

Registered from PortfoliosConfig.ready(). Each exporter uses a fixed number of queries.
"""

import os

from django.utils.translation import gettext_lazy as _

from community.personal_data import (
    register_anonymiser,
    register_erasure_text,
    register_exporter,
    register_link,
    rows,
)


def _group(pairs) -> dict:
    grouped: dict = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def _qualifications(person) -> dict:
    from .models import QualificationRecord

    records = rows(
        QualificationRecord.objects.filter(person=person).order_by("obtained_on", "pk"),
        "qualification__name",
        "direct_profile__code",
    )
    history = rows(QualificationRecord.history.filter(person_id=person.pk).order_by("history_date", "history_id"))
    by_record = _group((h["id"], h) for h in history)
    for record in records:
        record["history"] = by_record.get(record["id"], [])
    return {"records": records}


def _staff_records(person) -> list:
    # HR's record about the person, including the expected leaving date: the UI shows it only
    # to HR, but it is personal data about this person, so their own export includes it.
    from .models import StaffRecord

    return rows(StaffRecord.objects.filter(person=person).order_by("pk"), "school__name")


def _inventory(person) -> list:
    from .models import NeedsInventoryResponse

    responses = rows(
        NeedsInventoryResponse.objects.filter(person=person).order_by("round__opens_on", "pk"), "round__school_year"
    )
    for field in ("deepening_profiles", "profiles_taught", "upskilling_profiles"):
        through = getattr(NeedsInventoryResponse, field).through
        codes = _group(
            through.objects.filter(needsinventoryresponse__person=person).values_list(
                "needsinventoryresponse_id", "vmboprofile__code"
            )
        )
        for response in responses:
            response[field] = sorted(codes.get(response["id"], []))
    return responses


def _plans(person) -> list:
    from .models import DevelopmentPlan, LearningGoal, PlanEvent, PlannedActivity

    plans = rows(DevelopmentPlan.objects.filter(person=person).order_by("school_year"))
    goals = rows(LearningGoal.objects.filter(plan__person=person).order_by("pk"), "profile__code")
    activities = _group(
        (a["goal_id"], a) for a in rows(PlannedActivity.objects.filter(goal__plan__person=person).order_by("pk"))
    )
    events = _group((e["plan_id"], e) for e in rows(PlanEvent.objects.filter(plan__person=person).order_by("at", "pk")))
    for goal in goals:
        goal["activities"] = activities.get(goal["id"], [])
    goals_by_plan = _group((g["plan_id"], g) for g in goals)
    for plan in plans:
        plan["goals"] = goals_by_plan.get(plan["id"], [])
        plan["events"] = events.get(plan["id"], [])
    return plans


def _entries(person) -> list:
    from .models import Attachment, PortfolioEntry

    entries = rows(PortfolioEntry.objects.filter(owner=person).order_by("date", "pk"))
    files = _group(
        (entry_id, os.path.basename(name))
        for entry_id, name in Attachment.objects.filter(entry__owner=person).values_list("entry_id", "file")
    )
    goals = _group(
        PortfolioEntry.goals.through.objects.filter(portfolioentry__owner=person).values_list(
            "portfolioentry_id", "learninggoal_id"
        )
    )
    shared = _group(
        PortfolioEntry.shared_with_people.through.objects.filter(portfolioentry__owner=person).values_list(
            "portfolioentry_id", "person_id"
        )
    )
    for entry in entries:
        entry["attachments"] = files.get(entry["id"], [])
        entry["learning_goal_ids"] = goals.get(entry["id"], [])
        entry["shared_with_person_ids"] = shared.get(entry["id"], [])
    return entries


def _showcases(person) -> list:
    from .models import Showcase

    showcases = rows(Showcase.objects.filter(owner=person).order_by("created_at"), exclude=("token",))
    entries = _group(
        Showcase.entries.through.objects.filter(showcase__owner=person).values_list("showcase_id", "portfolioentry_id")
    )
    for showcase in showcases:
        showcase["entry_ids"] = entries.get(showcase["id"], [])
    return showcases


def anonymise(person, old_email: str) -> None:
    """Erasure: blank the person's own words; keep only figures the school's reports count.

    - Portfolio: every entry, its files and the person's presentation links are deleted.
    - Development plans: the year, status, hours and costs stay (the school's figures); goal
      titles become "Leerdoel N", activity descriptions their kind; the why, how you will know,
      reflection and every comment in the history (also the reviewer's, which is about the
      person) are blanked; nobody reviews the plans any more.
    - Needs inventory: the free-text answers are blanked; the ticked profiles and the
      self-assessment scores stay as anonymous counts for the regional inventory.
    - Qualification records stay (schools must keep them), attached to the anonymised person.
    """
    from .models import (
        DevelopmentPlan,
        LearningGoal,
        NeedsInventoryResponse,
        PlanEvent,
        PlannedActivity,
        PlanNotice,
        PortfolioEntry,
        Showcase,
    )
    from .services.sharing import entry_delete

    for entry in PortfolioEntry.objects.filter(owner=person).prefetch_related("attachments"):
        entry_delete(entry)
    Showcase.objects.filter(owner=person).delete()
    plans = DevelopmentPlan.objects.filter(person=person)
    plans.update(reflection="")
    for plan in plans:
        plan.reviewers.clear()
    for n, goal in enumerate(LearningGoal.objects.filter(plan__person=person).order_by("plan_id", "pk"), start=1):
        goal.title = f"Leerdoel {n}"
        goal.why = ""
        goal.success_criteria = ""
        goal.save(update_fields=["title", "why", "success_criteria"])
    for activity in PlannedActivity.objects.filter(goal__plan__person=person):
        activity.description = str(activity.get_form_display())
        activity.save(update_fields=["description"])
    PlanEvent.objects.filter(plan__person=person).update(comment="")
    PlanNotice.objects.filter(plan__person=person).delete()
    PlanNotice.objects.filter(recipient=person).delete()
    NeedsInventoryResponse.objects.filter(person=person).update(
        authorisation_status="", authorisation_needs="", deepening_topics="", remarks=""
    )


def register() -> None:
    register_anonymiser("portfolios.dossier", anonymise)
    register_erasure_text(
        "portfolios.dossier",
        _(
            "Dossier: your portfolio entries, their files and your presentation links are deleted. In your "
            "development plans and needs inventory everything you wrote (goals, reasons, reflections, comments, "
            "answers) is blanked; what stays is the school year, status, hours, costs and scores, without your "
            "name, because the school's figures count them. Your qualification records stay because your school "
            "must keep them by law."
        ),
    )
    register_exporter("portfolios.qualifications", _("Qualification records and their history"), _qualifications)
    register_exporter("portfolios.staff_records", _("Staff records kept by HR"), _staff_records)
    register_exporter("portfolios.inventory", _("Needs inventory responses"), _inventory)
    register_exporter("portfolios.plans", _("Development plans with goals, activities and events"), _plans)
    register_exporter("portfolios.entries", _("Portfolio entries and attachment file names"), _entries)
    register_exporter("portfolios.showcases", _("Showcases"), _showcases)
    register_link("portfolios.dossier", _("Your dossier as PDF or ZIP (portfolio, plan and qualifications)"), "portfolios:export")
