from django.utils.translation import gettext_lazy as _

from .dashboard import Panel, register_panel
from .permissions import is_hub_staff


def _me_context(request):
    user = request.user
    actions = []
    if is_hub_staff(user):
        actions.append((_("Open the CMS"), "wagtailadmin_home"))
    return {"memberships": user.active_memberships, "actions": actions}


register_panel(Panel(key="me", template_name="community/panels/me.html", get_context=_me_context, order=0))
