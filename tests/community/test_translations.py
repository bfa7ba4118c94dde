"""Dutch first: every msgid of the community catalogue is translated and none is fuzzy.

Strings that occur only in the forum's files are the forum's to translate (another feature).
"""

import ast
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO_FILE = Path(settings.BASE_DIR) / "community" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
FORUM_PATHS = (
    "community/models/forum.py",
    "community/views/forum.py",
    "community/demo/forum.py",
    "community/forms/forum.py",
    "community/services/forum.py",
    "community/templates/community/forum/",
)


def _unquote(line: str) -> str:
    return ast.literal_eval(line)


def parse_po(text: str):
    """A tiny .po reader: yields dicts with msgid, msgid_plural, msgstrs, flags, occurrences."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in text.splitlines() + [""]:
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "occurrences": [], "msgstrs": {}}
        if line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"].update(f.strip() for f in line[2:].split(","))
        elif line.startswith("#:"):
            entry["occurrences"].extend(ref.rsplit(":", 1)[0] for ref in line[2:].split())
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            field = "msgctxt"
            entry[field] = _unquote(line[len("msgctxt "):])
        elif line.startswith("msgid_plural "):
            field = "msgid_plural"
            entry[field] = _unquote(line[len("msgid_plural "):])
        elif line.startswith("msgid "):
            field = "msgid"
            entry[field] = _unquote(line[len("msgid "):])
        elif line.startswith("msgstr["):
            index = int(line[7:line.index("]")])
            field = ("msgstr", index)
            entry["msgstrs"][index] = _unquote(line[line.index("]") + 2:])
        elif line.startswith("msgstr "):
            field = ("msgstr", 0)
            entry["msgstrs"][0] = _unquote(line[len("msgstr "):])
        elif line.startswith('"'):
            if isinstance(field, tuple):
                entry["msgstrs"][field[1]] += _unquote(line)
            else:
                entry[field] += _unquote(line)
    return [e for e in entries if e["msgid"] and not e.get("obsolete")]


def _only_in_forum_files(entry) -> bool:
    paths = entry["occurrences"]
    return bool(paths) and all(p.startswith(FORUM_PATHS) for p in paths)


def test_the_parser_sees_untranslated_and_fuzzy_entries():
    sample = '#: a.py:1\nmsgid "Yes"\nmsgstr "Ja"\n\n#: b.py:2\n#, fuzzy\nmsgid "No"\nmsgstr "Nee"\n\n#: c.py:3\nmsgid ""\n"Long "\n"text"\nmsgstr ""\n'
    entries = {e["msgid"]: e for e in parse_po(sample)}
    assert entries["Yes"]["msgstrs"] == {0: "Ja"}
    assert "fuzzy" in entries["No"]["flags"]
    assert entries["Long text"]["msgstrs"] == {0: ""}


def test_dutch_catalogue_is_complete():
    problems = []
    for entry in parse_po(PO_FILE.read_text(encoding="utf-8")):
        if _only_in_forum_files(entry):
            continue
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {entry['msgid']!r}")
        elif not entry["msgstrs"] or not all(entry["msgstrs"].values()):
            problems.append(f"untranslated: {entry['msgid']!r}")
    assert not problems, "\n".join(problems)


def test_compiled_catalogue_matches_the_po_file():
    """A stale .mo (forgot `make messages`) shows English or old Dutch to users."""
    stale = []
    with translation.override("nl"):
        for entry in parse_po(PO_FILE.read_text(encoding="utf-8")):
            if entry.get("msgctxt") or entry.get("msgid_plural") or not entry["msgstrs"].get(0):
                continue
            if translation.gettext(entry["msgid"]) != entry["msgstrs"][0]:
                stale.append(entry["msgid"])
    assert not stale, f"run `make messages`; stale in the .mo: {stale[:5]}"
