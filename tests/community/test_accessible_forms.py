"""Forms after an error: a summary at the top that links to each field with an error (site.js
focuses it), and help text tied to its field with aria-describedby ids that exist."""

import re

from django.urls import reverse


def _ids(html):
    return set(re.findall(r'\bid="([^"]+)"', html))


def _described_by(html):
    return [i for ids in re.findall(r'aria-describedby="([^"]+)"', html) for i in ids.split()]


def test_qualification_form_help_text_is_tied_to_existing_ids(login, teacher):
    html = login(teacher).get(reverse("portfolios:authorisation_record_add")).content.decode()
    described = _described_by(html)
    assert described, "the form has help text tied to its fields"
    assert set(described) <= _ids(html), set(described) - _ids(html)


def test_a_form_error_shows_a_summary_linking_to_the_field(login, teacher):
    response = login(teacher).post(reverse("portfolios:authorisation_record_add"), {"institution": ""})
    html = response.content.decode()
    assert response.status_code == 200
    summary = html[html.index("data-error-summary") : html.index("</div>", html.index("data-error-summary"))]
    assert 'tabindex="-1"' in html[html.index('class="error-summary"') - 5 : html.index("data-error-summary")]
    assert "Verbeter het volgende" in summary
    links = re.findall(r'href="#([^"]+)"', summary)
    assert links and set(links) <= _ids(html)
    assert set(_described_by(html)) <= _ids(html)  # the errors are tied too


def test_login_error_appears_in_the_summary(client, teacher):
    response = client.post(reverse("account_login"), {"login": "teacher@example.org", "password": "wrong-password-1"})
    html = response.content.decode()
    assert "data-error-summary" in html
    assert html.count("e-mailadres en/of wachtwoord is niet correct") >= 1
