"""The crawl's machinery: log in (with an optional TOTP step), check one page, follow links.

Kept apart from the tests so that the test of the test can run `check_page` on a page it builds.
"""

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.totp import fresh_totp_code

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WIDTHS = (1280, 375)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Links the crawl never follows: leaving the session, files, and anything that might change data.
SKIP = re.compile(
    r"logout|uitloggen|/admin/|/django-admin/|/media/|/static/|/documents/|/__|download|export|"
    r"\.(pdf|zip|ics|csv|xlsx|json|png|jpe?g|svg)$|delete|verwijder|erase|wissen|set_language|/i18n/",
    re.IGNORECASE,
)


def log_in(page, base_url, email, password=None):
    """Log in through the form; answer the two-step code prompt if one follows the password."""
    from community.demo import DEMO_PASSWORD
    from community.demo.mfa import DEMO_TOTP_SECRET

    password = password or DEMO_PASSWORD

    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    code = page.locator("input[name=code]")
    if "/accounts/login" not in page.url and code.count():
        code.fill(fresh_totp_code(DEMO_TOTP_SECRET))
        page.locator("form button[type=submit]").last.click()
        page.wait_for_load_state()
    assert "/accounts/" not in urlsplit(page.url).path, f"{email} could not log in: {page.url}"


def use_axe(context):
    """Load axe-core into every page of the context before the page's own scripts run."""
    context.add_init_script(path=str(AXE))
    return context


def check_page(page, allow=()):
    """Problems on the page as shown now: axe serious/critical (WCAG 2.1 A/AA), sideways scroll, lang.

    `allow` holds (axe rule id, part of the element's selector) pairs to ignore (the CMS's own)."""
    problems = []
    lang = page.evaluate("document.documentElement.lang")
    if lang != "nl":
        problems.append(f'lang="{lang}", not "nl"')
    width, viewport = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if width > viewport:
        culprits = page.evaluate(_WIDE_ELEMENTS, viewport)
        problems.append(f"scrolls sideways: {width}px wide in {viewport}px ({culprits})")
    if not page.evaluate("typeof axe !== 'undefined'"):  # see use_axe(): usually there already
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    for v in result["violations"]:
        if v["impact"] not in ("serious", "critical"):
            continue
        targets = [
            n["target"]
            for n in v["nodes"]
            if not any(rule == v["id"] and part in str(n["target"]) for rule, part in allow)
        ]
        if targets:
            problems.append(f"axe {v['id']} ({v['impact']}) on {targets[:3]}")
    return problems


# The deepest elements whose right edge lies beyond the viewport: where to look.
_WIDE_ELEMENTS = """(vw) => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > vw + 1 && ![...el.children].some(c => c.getBoundingClientRect().right > vw + 1)) {
      out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''));
      if (out.length >= 3) break;
    }
  }
  return out.join(', ');
}"""


def pattern(url):
    """/dossier/plans/12/?page=2 -> /dossier/plans/N/?page, /artikelen/een-titel/ -> /artikelen/S/:
    one visit per kind of page."""
    parts = urlsplit(url)
    query = "&".join(sorted(q.split("=")[0] for q in parts.query.split("&") if q))
    path = re.sub(r"/[^/]*-[^/]*(?=/)", "/S", re.sub(r"\d+", "N", parts.path))
    return path + ("?" + query if query else "")


def same_origin_links(page, base_url):
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    origin = urlsplit(base_url).netloc
    out = []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urljoin(page.url, href).split("#")[0]
        parts = urlsplit(url)
        if parts.netloc != origin or SKIP.search(parts.path) or SKIP.search(parts.query):
            continue
        out.append(url)
    return out


def crawl(page, base_url, start="/dashboard/", cap=25, widths=WIDTHS, skip_patterns=()):
    """Visit pages reachable from `start` (breadth first, one per URL pattern, at most `cap`),
    check each at every width (resizing, not reloading). Patterns in `skip_patterns` (pages
    already checked, e.g. the public ones) are passed through for their links but not checked.
    Returns ({url: [problems]} for the pages with problems, the visited URLs)."""
    queue, seen, visited, failures = [urljoin(base_url, start)], set(skip_patterns), [], {}
    seen.add(pattern(queue[0]))
    while queue and len(visited) < cap:
        url = queue.pop(0)
        page.set_viewport_size({"width": widths[0], "height": 900})
        try:
            response = page.goto(url)
        except Exception as exc:  # a download, or a page that never loads  # noqa: BLE001
            if "Download is starting" not in str(exc):  # a file (scan, CSV export): not a page
                failures.setdefault(url, []).append(f"did not load: {str(exc).splitlines()[0]}")
            continue
        if response is not None and response.status >= 500:
            failures.setdefault(url, []).append(f"HTTP {response.status}")
            continue
        if response is None or response.status >= 400 or "text/html" not in response.headers.get(
            "content-type", ""
        ):
            continue
        visited.append(url)
        for link in same_origin_links(page, base_url):
            key = pattern(link)
            if key not in seen:
                seen.add(key)
                queue.append(link)
        for width in widths:
            if width != widths[0]:
                page.set_viewport_size({"width": width, "height": 900})
            problems = check_page(page)
            if problems:
                failures.setdefault(url, []).extend(f"{width}px: {p}" for p in problems)
    return failures, visited
