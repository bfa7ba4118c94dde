"""Every page every demo role can reach, in Chromium at 1280 px and 375 px: no serious or
critical axe violation (WCAG 2.1 A/AA), no sideways scrolling, lang="nl". Plus the hub's CMS pages.

The crawl starts at the dashboard and follows same-origin links, one page per URL pattern, at most
CRAWL_PAGE_CAP pages per role (env, default 20). One browser; each role logs in once.
"""

import os

import pytest

from community.demo import DEMO_LOGINS

from .crawl import check_page, crawl, log_in, pattern, use_axe

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

CAP = int(os.environ.get("CRAWL_PAGE_CAP", "20"))
# Pages that look the same whoever asks (apart from the header): checked for the first role that
# reaches them, so that the next roles spend their cap on their own pages.
SHARED = ("/community/forum/", "/accounts/", "/artikelen/", "/studiedagen/", "/opleidingen/")

# Wagtail's own failures in its admin, which we cannot fix from here: (axe rule, part of the
# element's selector) -> reason. Anything else on these pages fails the test.
CMS_ALLOW = {
    ("aria-input-field-name", ".notranslate"): "Draftail's rich-text box (role=textbox) has no name; "
    "Wagtail labels the field around it, not the editable element",
    ("aria-input-field-name", "placeholder-"): "the same Draftail box inside StreamField blocks",
    ("label", "#fileupload"): "Wagtail's multiple upload: the file input sits in a drop zone without a label",
    ("label", "-value"): "StreamField's hidden JSON value input of a block, which Wagtail leaves unlabelled",
    ("label", ".ui-autocomplete-input"): "the tag widget's jQuery UI text input, unlabelled in Wagtail",
    ("scrollable-region-focusable", "Draftail-Editor"): "Draftail's toolbar scrolls sideways at 375 px",
}


@pytest.fixture
def crawl_context(browser, browser_context_args):
    """A context that ignores the CSP (for axe-core's script tag); logins stay per context."""
    contexts = []

    def _new():
        context = use_axe(browser.new_context(**browser_context_args, bypass_csp=True))
        contexts.append(context)
        return context

    yield _new
    for context in contexts:
        context.close()


def test_every_role_every_page_at_both_widths(demo, crawl_context):
    report, visited_total = [], 0
    page = crawl_context().new_page()
    failures, public = crawl(page, demo.url, start="/", cap=CAP)
    done = {pattern(url) for url in public}
    for email in ["anonymous"] + [email for email, _ in DEMO_LOGINS]:
        if email != "anonymous":
            page = crawl_context().new_page()
            log_in(page, demo.url, email)
            failures, visited = crawl(page, demo.url, cap=CAP, skip_patterns=done)
            assert len(visited) > 3, f"{email}: the crawl reached only {visited}"
            done |= {p for p in map(pattern, visited) if p.startswith(SHARED)}
        else:
            visited = public
        visited_total += len(visited)
        for url, problems in failures.items():
            report.append(f"{email} {url.removeprefix(demo.url)}\n    " + "\n    ".join(problems))
    print(f"crawled {visited_total} pages for {len(DEMO_LOGINS)} roles and anonymous")  # noqa: T201
    assert not report, "\n".join(report)


def _cms_urls():
    from wagtail.models import Page

    urls = ["/admin/", "/admin/pages/", "/admin/images/multiple/add/", "/admin/documents/multiple/add/"]
    seen = set()
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        kind = type(page).__name__
        if kind not in seen:
            seen.add(kind)
            urls.append(f"/admin/pages/{page.pk}/edit/")
    return urls


def test_hub_cms_pages_at_both_widths(demo, crawl_context):
    page = crawl_context().new_page()
    log_in(page, demo.url, "hub@example.org")
    urls = _cms_urls()
    assert len(urls) >= 10, urls  # every page type has a demo page to edit
    report = []
    for url in urls:
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(demo.url + url)
            assert response.status == 200, url
            # Wagtail's admin speaks the user's language (nl) and may be wider on a phone than
            # the screen in its own editor; only axe is asserted here.
            problems = [p for p in check_page(page, allow=CMS_ALLOW.keys()) if p.startswith("axe")]
            report += [f"{url} {width}px: {p}" for p in problems]
    assert not report, "\n".join(report)
