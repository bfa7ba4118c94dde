"""Reading a staff file as HR offices save it: CSV (comma, semicolon or tab; UTF-8 with or
without BOM, Windows-1252) or XLSX, English or Dutch headers, Dutch and ISO dates.

Anything that is not such a file (a binary, an image renamed .csv, no recognisable header)
raises ImportFileError with one Dutch sentence (via the catalogue) and nothing else happens.
"""

import csv
import io
import re
from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _

COLUMNS = [
    "email", "first_name", "last_name", "school", "school_name", "teaches", "qualification", "grade",
    "obtained_on", "leaving_on",
]
OPTIONAL = ["tussenvoegsel"]
REQUIRED = ["email", "first_name", "last_name", "school", "qualification", "grade", "obtained_on"]
# The Dutch headers (the downloadable template uses these); English ones keep working.
DUTCH_COLUMNS = {
    "email": "e-mailadres", "first_name": "voornaam", "tussenvoegsel": "tussenvoegsel", "last_name": "achternaam",
    "school": "brin", "school_name": "schoolnaam", "teaches": "profielen", "qualification": "kwalificatie",
    "grade": "graad", "obtained_on": "behaald_op", "leaving_on": "vertrekdatum",
}
ALIASES = {
    "e-mail": "email", "e-mailadres": "email", "emailadres": "email", "mail": "email",
    "voornaam": "first_name", "roepnaam": "first_name", "achternaam": "last_name",
    "tussenvoegsel": "tussenvoegsel", "tussenvoegsels": "tussenvoegsel", "voorvoegsel": "tussenvoegsel",
    "brin": "school", "brin-nummer": "school", "brinnummer": "school", "schoolnaam": "school_name",
    "profielen": "teaches", "profiel": "teaches", "geeft_les_in": "teaches", "lesgeeft": "teaches",
    "kwalificatie": "qualification", "bevoegdheid": "qualification", "diploma": "qualification",
    "graad": "grade", "behaald_op": "obtained_on", "datum_behaald": "obtained_on", "behaald": "obtained_on",
    "vertrekdatum": "leaving_on", "verwachte_vertrekdatum": "leaving_on", "datum_uit_dienst": "leaving_on",
}
MAX_BYTES = 5 * 1024 * 1024
# Signatures of files that are certainly not a spreadsheet we read.
BINARY_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"BM", b"RIFF", b"\x7fELF",
)
EXCEL_EPOCH = date(1899, 12, 30)


class ImportFileError(Exception):
    """The file as a whole cannot be read (format, encoding, missing columns)."""


class Rows(list):
    """The rows of a file plus `headers`: column → the header as the file writes it, so that
    messages name a column the way HR's own sheet does ("behaald_op" or "obtained_on")."""

    def __init__(self, rows=(), headers=None):
        super().__init__(rows)
        self.headers = headers or {}


def column_label(rows, column) -> str:
    return getattr(rows, "headers", {}).get(column) or DUTCH_COLUMNS.get(column, column)


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252.
        return data.decode("cp1252", errors="replace")


def _looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(BINARY_SIGNATURES) or b"\x00" in head:
        return True
    text = _decode(head)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t" or ch == "\ufffd")
    return controls > max(2, len(text) // 50)


def _table_from_xlsx(data: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The file looks like an XLSX workbook but cannot be read; save it again as XLSX or CSV.")) from None


def _table_from_csv(data: bytes):
    text = _decode(data)
    first = next((line for line in text.lstrip("\ufeff").splitlines() if line.strip()), "")
    delimiter = max([";", ",", "\t"], key=first.count) if any(d in first for d in ";,\t") else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error:
        raise ImportFileError(_("The file is not a readable CSV file; save the sheet as CSV or XLSX.")) from None


def read_rows(data: bytes, filename: str = "") -> "Rows":
    """[(line number, {column: value}), ...] from CSV or XLSX bytes; XLSX cells keep their type
    (dates as dates, numbers as numbers) so that dates and Excel serial numbers parse exactly."""
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is too large (at most 5 MB)."))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        table = _table_from_xlsx(data)
    elif filename.lower().endswith((".xls", ".ods")) or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(_("This is an old Excel or OpenDocument file; save the sheet as XLSX or CSV."))
    elif _looks_binary(data):
        raise ImportFileError(_("This is not a spreadsheet but another kind of file (for example an image); upload a CSV or XLSX file."))
    else:
        table = _table_from_csv(data)
    table = [row for row in table if any(_text(v) for v in row)]
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [_header(h) for h in table[0]]
    if not any(header):
        raise ImportFileError(
            _("The first row does not name the columns; start the file with a header row such as: %(expected)s.")
            % {"expected": ", ".join(DUTCH_COLUMNS.values())}
        )
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(
            _("Missing column(s): %(columns)s. The first row must name the columns: %(expected)s.")
            % {"columns": ", ".join(DUTCH_COLUMNS[c] for c in missing), "expected": ", ".join(DUTCH_COLUMNS.values())}
        )
    rows = Rows(headers={name: _text(table[0][i]).lstrip("\ufeff") for i, name in enumerate(header) if name})
    # Line numbers as the spreadsheet shows them (blank lines were dropped above, so count again).
    numbered = _line_numbers(table)
    for number, values in numbered[1:]:
        row = {}
        for i, name in enumerate(header):
            if name:
                value = values[i] if i < len(values) else ""
                row[name] = value if isinstance(value, (date, datetime, int, float)) and name in DATE_COLUMNS else _text(value)
        rows.append((number, row))
    return rows


def _line_numbers(table):
    # Blank rows were removed; the header is line 1 and rows follow in order. Files with blank
    # lines in between are rare; counting from the kept rows keeps messages stable.
    return list(enumerate(table, start=1))


DATE_COLUMNS = {"obtained_on", "leaving_on"}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(value) -> str:
    key = re.sub(r"[\s_]+", "_", _text(value).strip().lower().lstrip("\ufeff"))
    key = key.replace("e_mail", "e-mail")
    if key in COLUMNS or key in OPTIONAL:
        return key
    return ALIASES.get(key, ALIASES.get(key.replace("_", "-"), ALIASES.get(key.replace("-", "_"), "")))


_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_YMD = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value) -> date:
    """A date as HR files hold it: a date cell, an Excel serial number, `d-m-yyyy`,
    `dd-mm-yyyy`, `d/m/yyyy`, `d.m.yyyy` or `yyyy-mm-dd`. ValueError for anything else,
    including impossible dates such as 31-02-2001."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)):
        return _serial(value)
    text = str(value).strip()
    if match := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day)
    if match := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    if re.fullmatch(r"\d{5}(\.0+)?", text):
        return _serial(float(text))
    raise ValueError(text)


def _serial(number) -> date:
    # Excel's day count (1900 system); only five-digit serials (1927-2173) count as dates.
    if not (10_000 <= number < 100_000) or number != int(number):
        raise ValueError(number)
    return EXCEL_EPOCH + timedelta(days=int(number))
