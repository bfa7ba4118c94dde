"""The foundation in a real browser: logging in, the dashboard, publishing an article, axe-core."""

from datetime import date

import pytest

from community.demo import DEMO_PASSWORD
from tests.totp import complete_two_step

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _log_in(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()


def _csp_violations(page):
    seen = []
    page.on("console", lambda msg: seen.append(msg.text) if "Content Security Policy" in msg.text else None)
    return seen


def test_demo_teacher_logs_in_and_sees_the_dashboard(page, demo):
    violations = _csp_violations(page)
    page.goto(demo.url + "/")
    _log_in(page, demo.url, "docent@example.org")
    page.wait_for_url("**/dashboard/")
    assert page.get_by_role("heading", level=1).inner_text() == "Welkom, Sanne"
    assert page.get_by_text("Zuiderpark College").first.is_visible()
    assert page.get_by_role("link", name="Bewerk je profiel").is_visible()
    assert not violations, violations  # the strict policy does not break our own pages


def test_home_login_and_dashboard_pass_axe(axe_page, demo, axe_check):
    axe_page.goto(demo.url + "/")
    axe_check(axe_page)
    axe_page.goto(f"{demo.url}/accounts/login/")
    axe_check(axe_page)
    _log_in(axe_page, demo.url, "docent@example.org")
    axe_page.wait_for_url("**/dashboard/")
    axe_check(axe_page)


def test_hub_staff_publish_an_article_that_shows_on_the_site(page, demo):
    from community.models import ArticleIndexPage

    violations = _csp_violations(page)
    index = ArticleIndexPage.objects.get()
    page.goto(f"{demo.url}/admin/")
    page.wait_for_url("**/accounts/login/**")  # the admin's login is allauth's
    page.get_by_label("E-mail").fill("hub@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    complete_two_step(page)  # hub staff log in with a second step (demo TOTP secret)
    page.wait_for_url("**/admin/")
    page.goto(f"{demo.url}/admin/pages/add/community/articlepage/{index.pk}/")
    title = "Nieuwe lasopstelling in de werkplaats"
    page.locator("#id_title").fill(title)
    page.locator("#id_date").fill(date.today().isoformat())
    page.locator("#id_summary").fill("Het Zuiderpark College heeft een nieuwe lasopstelling.")
    page.keyboard.press("Escape")  # close the date picker, which would cover the footer
    page.locator("#id_title").click()
    page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/**")
    page.goto(f"{demo.url}{index.url}")
    assert page.get_by_role("link", name=title).is_visible()
    page.get_by_role("link", name=title).click()
    assert page.get_by_role("heading", level=1).inner_text() == title
    # The admin's looser policy lets Wagtail's editor work (the slug and publish menu are JS).
    assert not violations, violations
