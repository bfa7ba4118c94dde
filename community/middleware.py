"""Content security policy: strict for the site, looser for the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.shortcuts import render


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
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "community/cms/admin_refused.html", status=403)
        return self.get_response(request)
