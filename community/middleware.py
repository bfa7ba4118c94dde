"""Content security policy: strict for the site, looser for the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.shortcuts import render

from .two_step import SESSION_HAS_TWO_STEP, has_cms_access


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # The admin's templates carry inline scripts and styles; the site's never do.
        if not report_only and parts.config is None and request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX):
            parts.config = settings.CSP_ADMIN_DIRECTIVES
        return parts


class AdminRefusalMiddleware:
    """Logged-in people without CMS access get a clear 403 at /admin/, not a login loop.

    Wagtail sends them to its login URL, which is allauth's login, which sends a logged-in
    person straight back to /admin/: the browser gives up after many redirects.
    """

    OPEN_PATHS = ("login/", "logout/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = settings.CSP_ADMIN_PATH_PREFIX
        path = request.path_info
        if (
            path.startswith(prefix)
            and not path[len(prefix):].startswith(self.OPEN_PATHS)
            and request.user.is_authenticated
            and not has_cms_access(request.user)
        ):
            return render(request, "community/cms/admin_refused.html", status=403)
        return self.get_response(request)


class RequireTwoStepMiddleware:
    """HR, hub staff and CMS users without a second factor go to the set-up page first.

    Everything but the account pages (set-up, logout, password), static files and the health
    checks sends them there, so no HR page, hub page or /admin/ is reached with a password alone.
    Whether the person has a second factor is noted in the session at login (and when one is
    added or removed), so pages cost no extra query.
    """

    OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/health/", "/i18n/", "/favicon")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path_info
        if (
            user.is_authenticated
            and not path.startswith(self.OPEN_PREFIXES)
            and not request.session.get(SESSION_HAS_TWO_STEP)
            and self._required(user, path)
        ):
            from .two_step import has_two_step

            if has_two_step(user):
                request.session[SESSION_HAS_TWO_STEP] = True
            else:
                from django.contrib import messages
                from django.shortcuts import redirect
                from django.utils.translation import gettext as _

                messages.warning(
                    request,
                    _("Your role gives access to other people's records: set up two-step login first."),
                )
                return redirect("mfa_index")
        return self.get_response(request)

    @staticmethod
    def _required(user, path) -> bool:
        from .models import Role

        if user.is_superuser or user.has_role(Role.HR, Role.HUB_STAFF):
            return True
        # CMS access: checked on the admin's own pages, where Wagtail loads the permissions anyway.
        return path.startswith(settings.CSP_ADMIN_PATH_PREFIX) and has_cms_access(user)


class OversizedIdMiddleware:
    """An id in the URL larger than any database column (/people/99999999999999999999999/) is a
    plain 404: the database would raise an overflow error instead of finding nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.http import Http404

        from .params import MAX_ID

        if any(isinstance(v, int) and v > MAX_ID for v in (*view_args, *view_kwargs.values())):
            raise Http404
        return None
