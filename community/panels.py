from django.utils.translation import gettext_lazy as _

from .dashboard import Panel, register_panel
from .permissions import hr_school_ids, is_hub_staff


def _me_context(request):
    """Who you are, where, and what to do next. Two queries: memberships and expertise."""
    user = request.user
    expertise = [tag.name for tag in user.expertise.all()]
    profile_complete = bool(user.bio and expertise)
    actions = [
        (_("Edit your profile") if profile_complete else _("Complete your profile"), "community:profile_edit", not profile_complete),
    ]
    is_hr = bool(hr_school_ids(user))
    if is_hr:
        actions.append((_("Manage your school's people"), "community:school_people", False))
    if is_hr or is_hub_staff(user):
        actions.append((_("Invite people"), "community:invitation_create", False))
        actions.append((_("Pending invitations"), "community:invitation_list", False))
    if is_hub_staff(user):
        actions.append((_("Open the CMS"), "wagtailadmin_home", False))
    return {
        "memberships": user.active_memberships,
        "expertise": expertise,
        "profile_complete": profile_complete,
        "actions": actions,
    }


register_panel(Panel(key="me", template_name="community/panels/me.html", get_context=_me_context, order=0))
