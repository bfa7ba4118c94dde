"""No English in the Dutch interface: a Dutch msgstr equal to its English msgid is an
untranslated string, unless it is one word or a true loanword/format listed below."""

from pathlib import Path

import pytest
from django.conf import settings

from .test_translations import parse_po

CATALOGUES = ["community", "portfolios", "courses"]

# Strings that read the same in Dutch, with why.
SAME_IN_DUTCH = {
    "team %(team)s": "'team' is Dutch too",
    "Plan %(year)s": "'plan' is Dutch too",
    "Plan %(year)s - %(status)s": "'plan' is Dutch too",
    "%(name)s, plan %(year)s": "'plan' is Dutch too",
    "Deadline: %(deadline)s.": "'deadline' is the loanword schools use",
    "Score (1–4)": "'score' is Dutch too",
    "%(kind)s: %(name)s": "only placeholders",
    "%(n)s open": "'open' is Dutch too",
}



def untranslated(entries):
    out = []
    for e in entries:
        strings = [(e["msgid"], e["msgstrs"].get(0))]
        if "msgid_plural" in e:
            strings.append((e["msgid_plural"], e["msgstrs"].get(1)))
        for msgid, msgstr in strings:
            if msgstr == msgid and len(msgid.split()) > 1 and msgid not in SAME_IN_DUTCH:
                out.append(msgid)
    return out


@pytest.mark.parametrize("app", CATALOGUES)
def test_no_msgstr_is_left_in_english(app):
    po = Path(settings.BASE_DIR) / app / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    assert untranslated(parse_po(po.read_text())) == []


def test_the_check_flags_an_english_msgstr_and_spares_one_word():
    text = 'msgid "Save changes"\nmsgstr "Save changes"\n\nmsgid "Status"\nmsgstr "Status"\n\n' \
        'msgid "Plan %(year)s"\nmsgstr "Plan %(year)s"\n'
    assert untranslated(parse_po(text)) == ["Save changes"]


# The glossary (docs/glossary.md): words the Dutch interface does not use, and what it says instead.
NOT_OUR_WORDS = {
    r"\b[Ss]howcases?\b": "presentatie",
    r"\b[Ss]tagebieder": "stageaanbieder",
    r"\b[Uu]w\b": "je (the site says je)",
    r"\w\(en\)": "ngettext: '1 opdracht', '2 opdrachten'",
}
# Owned by the HR import (another feature), whose messages are not plural-aware yet.
NOT_OUR_WORDS_LATER: set[str] = set()


@pytest.mark.parametrize("app", CATALOGUES)
def test_the_glossary_is_applied(app):
    import re

    po = Path(settings.BASE_DIR) / app / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    found = [
        (e["msgid"], msgstr, instead)
        for e in parse_po(po.read_text())
        if e["msgid"] not in NOT_OUR_WORDS_LATER
        for msgstr in e["msgstrs"].values()
        for pattern, instead in NOT_OUR_WORDS.items()
        if re.search(pattern, msgstr)
    ]
    assert found == []
