"""The header's main destinations per role: on a phone, Menu and then one of these (two taps)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .models import Role

# role -> [(label, url name)], in the order they show; a person with several roles gets the union.
DESTINATIONS = {
    Role.TEACHER: [
        (_("My authorisation"), "portfolios:authorisation_mine"),
        (_("My dossier"), "portfolios:plan_list"),
        (_("Study days"), "courses:studyday_mine"),
        (_("Teacher internships"), "courses:internship_offers"),
    ],
    Role.MODERATOR: [(_("Moderation"), "community:forum_moderation")],
    Role.TRAINEE: [
        (_("My programme"), "courses:my_courses"),
        (_("Study days"), "courses:studyday_mine"),
        (_("My dossier"), "portfolios:plan_list"),
    ],
    Role.GUEST_TEACHER: [(_("My programme"), "courses:my_courses")],
    Role.TEAM_LEADER: [(_("Team plans"), "portfolios:team_plans")],
    Role.HR: [
        (_("People"), "community:school_people"),
        (_("Authorisation overview"), "portfolios:authorisation_matrix"),
        (_("Records to check"), "portfolios:hr_inbox"),
    ],
    Role.COMPANY_MENTOR: [
        (_("Teacher internships"), "courses:internship_hosting"),
        (_("My trainees"), "courses:trainees"),
    ],
    Role.HUB_STAFF: [
        (_("Intake"), "courses:intake_list"),
        (_("Cohorts"), "courses:cohort_list"),
        (_("Manage study days"), "courses:studyday_manage"),
    ],
}
MAX_LINKS = 6


def main_destinations(user):
    """[(label, url)] for the person's active roles (their memberships are loaded once per request)."""
    roles = user.roles()
    links, seen = [], set()
    for role, items in DESTINATIONS.items():
        if role not in roles:
            continue
        for label, name in items:
            url = reverse(name)
            if url not in seen:
                seen.add(url)
                links.append((label, url))
    return links[:MAX_LINKS]
