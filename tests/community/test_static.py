from pathlib import Path

from django.conf import settings


def test_site_css_blocks_are_balanced():
    """An unclosed @media block silently turns every later rule into a phone-only rule."""
    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    depth = 0
    for number, line in enumerate(css.splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"site.css:{number} closes a block that was never opened"
        if line.startswith("/*"):
            assert depth == 0, f"site.css:{number}: a section starts inside an open block"
    assert depth == 0, "site.css ends with an open block"


def test_no_cdn_in_templates():
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    offenders = [
        str(path)
        for root in roots
        for path in root.rglob("*.html")
        if "://cdn" in path.read_text() or "googleapis" in path.read_text()
    ]
    assert not offenders, offenders
