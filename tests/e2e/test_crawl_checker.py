"""The test of the crawl test: its page check fails on an axe violation, on a page that scrolls
sideways at 375 px, and on a page not in Dutch; it passes a clean page."""

import pytest

from tests.totp import totp_code

from .crawl import check_page, pattern, use_axe

pytestmark = [pytest.mark.e2e]

CLEAN = """<!DOCTYPE html><html lang="nl"><head><title>Proef</title></head>
<body><main><h1>Proef</h1><p>Een gewone pagina.</p>{extra}</main></body></html>"""


@pytest.fixture
def axe_tab(browser, browser_context_args):
    context = use_axe(browser.new_context(**browser_context_args, bypass_csp=True))
    page = context.new_page()
    page.set_viewport_size({"width": 375, "height": 800})
    yield page
    context.close()


def _show(page, html):
    page.route("http://proef.test/", lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto("http://proef.test/")


def test_a_clean_page_passes(axe_tab):
    _show(axe_tab, CLEAN.format(extra=""))
    assert check_page(axe_tab) == []


def test_an_axe_violation_fails(axe_tab):
    _show(axe_tab, CLEAN.format(extra='<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'))
    assert [p for p in check_page(axe_tab) if p.startswith("axe image-alt (critical)")]


def test_a_table_that_scrolls_without_keyboard_access_fails(axe_tab):
    table = "<table><tr>" + "<td>kolom</td>" * 40 + "</tr></table>"
    _show(axe_tab, CLEAN.format(extra=f'<div style="overflow-x:auto">{table}</div>'))
    assert [p for p in check_page(axe_tab) if "scrollable-region-focusable" in p]


def test_a_page_that_scrolls_sideways_fails(axe_tab):
    _show(axe_tab, CLEAN.format(extra='<div class="wide" style="width:600px">breed</div>'))
    problems = check_page(axe_tab)
    # 600 px plus the body's default margin, and it names the culprit
    assert problems == ["scrolls sideways: 608px wide in 375px (div.wide)"]


def test_a_page_not_in_dutch_fails(axe_tab):
    _show(axe_tab, CLEAN.format(extra="").replace('lang="nl"', 'lang="en"'))
    assert check_page(axe_tab) == ['lang="en", not "nl"']


def test_one_visit_per_kind_of_page():
    assert pattern("http://x/dossier/plans/12/?page=2") == pattern("http://x/dossier/plans/3/?page=5")
    assert pattern("http://x/artikelen/een-titel/") == pattern("http://x/artikelen/nog-een/")
    assert pattern("http://x/dossier/plans/") != pattern("http://x/dossier/plans/1/")


def test_totp_matches_rfc_6238():
    # RFC 6238, appendix B: SHA-1, T = 59 s, 8 digits.
    assert totp_code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", at=59, digits=8) == "94287082"
