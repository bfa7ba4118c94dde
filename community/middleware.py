"""Content security policy: strict for the site, looser for the Wagtail admin."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # The admin's templates carry inline scripts and styles; the site's never do.
        if not report_only and parts.config is None and request.path_info.startswith(settings.CSP_ADMIN_PATH_PREFIX):
            parts.config = settings.CSP_ADMIN_DIRECTIVES
        return parts
