"""Real-browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They skip, saying why, on a machine without /usr/bin/chromium (install it with
`apt-get install -y chromium`; .ci/run does).
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    reason = None
    if not os.path.exists(CHROMIUM):
        reason = f"{CHROMIUM} is missing (apt-get install -y chromium)"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[test]')"
    if reason:
        skip = pytest.mark.skip(reason=f"browser tests skipped: {reason}")
        for item in items:
            if "e2e" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture
def demo(live_server):
    """The live server with the demo data loaded.

    Transactional tests empty the database afterwards, taking the rows that migrations
    created (vmbo profiles, the conversion table, Wagtail's root and home page) with them.
    They are marked serialized_rollback, but Playwright's greenlet gives these tests a
    connection object without pytest-django's snapshot, so restore the session's snapshot
    here, and hand it to the connection so the flush afterwards leaves content types alone."""
    from django.core.management import call_command
    from django.db import connection

    from community.models import VmboProfile
    from tests.conftest import MIGRATED_SNAPSHOT, restore_migrated_rows

    if not VmboProfile.objects.exists():
        restore_migrated_rows()
    connection._test_serialized_contents = MIGRATED_SNAPSHOT["data"]
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server


@pytest.fixture
def axe_page(browser, browser_context_args):
    """A page whose context ignores the site's CSP, so that axe-core can be injected.

    Every other test runs with the policy enforced."""
    context = browser.new_context(**browser_context_args, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def axe_check():
    """axe_check(page) -> fails on serious or critical accessibility violations."""

    def _check(page):
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert not bad, f"{page.url}: " + "; ".join(bad)

    return _check
