"""Course certificates as PDF (fpdf2: pure Python, no system libraries to go missing).

The core fonts are latin-1: Dutch ë/é fit; anything outside latin-1 is transliterated so a
name never turns a download into an error.
"""

import unicodedata

from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF


def latin1(text: str) -> str:
    text = str(text)
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        try:
            ch.encode("latin-1")
            out.append(ch)
        except UnicodeEncodeError:
            decomposed = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode("ascii")
            out.append(decomposed or "?")
    return "".join(out).replace("\u2014", "-")


def certificate_pdf(enrolment, *, region_name: str = "") -> bytes:
    cohort = enrolment.cohort
    course = cohort.course
    with translation.override("nl"):
        pdf = FPDF(orientation="landscape", format="A4")
        pdf.set_title(latin1(_("Certificate") + f" {course.title}"))
        pdf.set_author("TechniekHub")
        pdf.set_auto_page_break(False)
        pdf.add_page()
        pdf.set_draw_color(11, 92, 173)
        pdf.set_line_width(1.5)
        pdf.rect(10, 10, 277, 190)
        pdf.set_line_width(0.4)
        pdf.rect(14, 14, 269, 182)

        pdf.set_text_color(7, 63, 120)
        pdf.set_font("Helvetica", "B", 16)
        pdf.set_xy(20, 24)
        pdf.cell(257, 10, latin1(f"TechniekHub {region_name}".strip()), align="C")
        pdf.set_font("Helvetica", "B", 34)
        pdf.set_xy(20, 42)
        participation = course.kind == "guest_teacher"  # short trainings: attendance, not an exam
        pdf.cell(257, 16, latin1(_("Certificate of participation") if participation else _("Certificate")), align="C")

        pdf.set_text_color(27, 31, 36)
        pdf.set_font("Helvetica", "", 14)
        pdf.set_xy(20, 70)
        pdf.cell(257, 8, latin1(_("This certifies that")), align="C")
        pdf.set_font("Helvetica", "B", 24)
        pdf.set_xy(20, 82)
        pdf.cell(257, 12, latin1(enrolment.person.get_full_name() or enrolment.person.email), align="C")
        pdf.set_font("Helvetica", "", 14)
        pdf.set_xy(20, 100)
        pdf.cell(257, 8, latin1(_("has taken part in") if participation else _("has successfully completed")), align="C")
        pdf.set_font("Helvetica", "B", 20)
        pdf.set_xy(20, 112)
        pdf.multi_cell(257, 10, latin1(course.title), align="C")
        pdf.set_font("Helvetica", "", 12)
        pdf.set_xy(20, 134)
        hours = formats.number_format(course.hours, decimal_pos=0 if course.hours == int(course.hours) else 1)
        pdf.multi_cell(
            257, 7,
            latin1(
                _("%(kind)s, %(cohort)s, study load %(hours)s hours.")
                % {"kind": course.get_kind_display(), "cohort": cohort.name, "hours": hours}
            ),
            align="C",
        )

        pdf.set_font("Helvetica", "", 11)
        pdf.set_xy(30, 168)
        pdf.cell(110, 6, latin1(_("Date: %(date)s") % {"date": formats.date_format(enrolment.completed_on, "j F Y")}))
        pdf.set_xy(30, 175)
        pdf.cell(110, 6, latin1(_("Certificate number: %(number)s") % {"number": enrolment.certificate_number}))
        pdf.set_xy(160, 168)
        pdf.cell(110, 6, latin1(_("Coordinator: %(name)s") % {"name": cohort.coordinator.get_full_name()}), align="R")
        pdf.set_xy(160, 175)
        pdf.cell(110, 6, latin1("TechniekHub"), align="R")
        return bytes(pdf.output())
